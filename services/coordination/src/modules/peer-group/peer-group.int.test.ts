/**
 * Peer groups at the office: formed by a joint coordinator (or open to the
 * cohort's mentees), members as references with their consent; after every
 * change the members' home nodes receive the signed roster of those who
 * consented, and nothing else. Who may read the group and its members.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { CREATE_PEER_GROUP, createPeerGroup, enrolNew, firstError, ok, seedCohort } from "../../../test/fixtures.js";
import { factsOfKind } from "../../../test/journey-fixtures.js";

const ADD = `mutation($g: ID!, $p: ID!) { addPeerGroupMember(peerGroupId: $g, participantId: $p) { id memberCount consentedCount } }`;
const JOIN = `mutation($g: ID!, $p: ID!) { joinPeerGroup(peerGroupId: $g, participantId: $p) { id memberCount consentedCount myStatus } }`;
const LEAVE = `mutation($g: ID!, $p: ID!) { leavePeerGroup(peerGroupId: $g, participantId: $p) { id memberCount consentedCount myStatus } }`;
const READ = `query($id: ID!) { peerGroup(id: $id) { id name mode memberCount consentedCount myStatus members { participantId participant { id } nodeId status addedBy consentedAt } } }`;

describe("peer groups at the office", () => {
  let service: TestCoordination;
  let programmeId: string;
  let cohortId: string;
  let groupId: string;
  let anna: string;
  let zofie: string;
  let lukas: string;
  let mentor: string;
  const asPerson = (id: string) => service.as(as.participant(id, "mentee"));
  const rosters = async (node: string) => (await factsOfKind(service, node, ProofType.PEER_GROUP)).filter((fact) => fact.peerGroupId === groupId);

  beforeAll(async () => {
    service = await startTestCoordination();
    const seeded = await seedCohort(service, { participatingNodeIds: ["hst", "zcu", "othaw"] }, 5, "RUNNING");
    [programmeId, cohortId] = [seeded.programme.id, seeded.cohort.id];
    anna = await enrolNew(service, cohortId, "hst", "MENTEE");
    zofie = await enrolNew(service, cohortId, "zcu", "MENTEE");
    lukas = await enrolNew(service, cohortId, "othaw", "MENTEE");
    mentor = await enrolNew(service, cohortId, "zcu", "MENTOR");
  });
  afterAll(() => service.stop());

  it("is formed by joint coordinators only, with its name checked", async () => {
    const input = { cohortId, name: "Women in engineering" };
    expect(firstError(await service.as(as.nodeCoordinator("hst")).query(CREATE_PEER_GROUP, { input }))).toMatchObject({ code: "FORBIDDEN", rule: "manage-catalogue" });
    expect(firstError(await service.query(CREATE_PEER_GROUP, { input: { ...input, name: "  " } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    expect(firstError(await service.query(CREATE_PEER_GROUP, { input: { ...input, sizeLimit: 31 } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "sizeLimit" });
    groupId = await createPeerGroup(service, cohortId, { name: "Women in engineering", sizeLimit: 3 });
    expect(await service.countRows("peer_groups")).toBe(1);
  });

  it("invites enrolled mentees of the cohort only, up to the size limit; an invitation names nobody to the nodes", async () => {
    expect(firstError(await service.query(ADD, { g: groupId, p: mentor }))).toMatchObject({ code: "AUDIENCE_MISMATCH", field: "participantId" });
    expect(firstError(await service.query(ADD, { g: groupId, p: "hst:participant:00000000-0000-4000-8000-000000000009" }))).toMatchObject({ code: "NOT_IN_COHORT", field: "participantId" });
    expect(firstError(await service.as(as.nodeCoordinator("hst")).query(ADD, { g: groupId, p: anna }))).toMatchObject({ code: "FORBIDDEN" });
    for (const person of [anna, zofie]) await ok(service, ADD, { g: groupId, p: person });
    expect((await ok(service, ADD, { g: groupId, p: anna })).addPeerGroupMember).toMatchObject({ memberCount: 2, consentedCount: 0 });
    // invited only: the rosters the members' nodes received name nobody
    expect((await rosters("hst")).at(-1)).toMatchObject({ members: [], meetingsCount: false, revision: 2 });
    expect((await rosters("zcu")).at(-1)).toMatchObject({ members: [] });
    expect(await rosters("othaw")).toEqual([]);
  });

  it("lets each invited member consent, as themselves only; the roster names those who consented", async () => {
    expect(firstError(await asPerson(zofie).query(JOIN, { g: groupId, p: anna }))).toMatchObject({ code: "FORBIDDEN", rule: "join-peer-group" });
    expect((await ok(asPerson(anna), JOIN, { g: groupId, p: anna })).joinPeerGroup).toMatchObject({ consentedCount: 1, myStatus: "CONSENTED" });
    expect((await rosters("hst")).at(-1)).toMatchObject({ members: [anna] });
    expect((await rosters("zcu")).at(-1)).toMatchObject({ members: [anna] });
    await ok(asPerson(zofie), JOIN, { g: groupId, p: zofie });
    expect((await rosters("zcu")).at(-1)).toMatchObject({ members: [anna, zofie], revision: 4 });
    // consenting again changes nothing
    await ok(asPerson(zofie), JOIN, { g: groupId, p: zofie });
    expect((await rosters("zcu")).at(-1)).toMatchObject({ revision: 4 });
  });

  it("keeps a formed group closed to those not invited, and refuses a member above the size limit", async () => {
    expect(firstError(await asPerson(lukas).query(JOIN, { g: groupId, p: lukas }))).toMatchObject({ code: "FORBIDDEN", field: "peerGroupId", rule: "join-peer-group" });
    await ok(service, ADD, { g: groupId, p: lukas });
    const fourth = await enrolNew(service, cohortId, "hst", "MENTEE");
    expect(firstError(await service.query(ADD, { g: groupId, p: fourth }))).toMatchObject({ code: "PEER_GROUP_FULL", field: "peerGroupId", sizeLimit: 3 });
  });

  it("shows members by reference to members, joint coordinators and the programme's coordinators; the group itself to the cohort", async () => {
    const members = (await ok(asPerson(lukas), READ, { id: groupId })).peerGroup;
    expect(members).toMatchObject({ memberCount: 3, consentedCount: 2, myStatus: "INVITED" });
    expect(members.members).toEqual([
      { participantId: anna, participant: { id: anna }, nodeId: "hst", status: "CONSENTED", addedBy: "JOINT_OFFICE", consentedAt: expect.any(String) },
      { participantId: zofie, participant: { id: zofie }, nodeId: "zcu", status: "CONSENTED", addedBy: "JOINT_OFFICE", consentedAt: expect.any(String) },
      { participantId: lukas, participant: { id: lukas }, nodeId: "othaw", status: "INVITED", addedBy: "JOINT_OFFICE", consentedAt: null },
    ]);
    expect((await ok(service.as(as.nodeCoordinator("othaw")), READ, { id: groupId })).peerGroup.members).toHaveLength(3);
    // an enrolled mentee who is no member sees the group and its counts, not its members
    const outsider = await enrolNew(service, cohortId, "zcu", "MENTEE");
    expect((await ok(asPerson(outsider), READ, { id: groupId })).peerGroup).toMatchObject({ memberCount: 3, myStatus: null, members: [] });
    expect(firstError(await service.as(as.nodeCoordinator("unilu")).query(READ, { id: groupId }))).toMatchObject({ code: "FORBIDDEN", rule: "read-peer-group" });
    expect(firstError(await asPerson("unilu:participant:00000000-0000-4000-8000-000000000001").query(READ, { id: groupId }))).toMatchObject({ code: "FORBIDDEN" });
    const mine = (await ok(asPerson(lukas), `query($p: ID!) { myPeerGroups(participantId: $p) { id myStatus } }`, { p: lukas })).myPeerGroups;
    expect(mine).toEqual([{ id: groupId, myStatus: "INVITED" }]);
    expect(firstError(await asPerson(anna).query(`query($p: ID!) { myPeerGroups(participantId: $p) { id } }`, { p: lukas }))).toMatchObject({ code: "FORBIDDEN", rule: "read-own-peer-groups" });
  });

  it("lets a member leave (their consent ends) and joint coordinators remove one; the node of the last member gone hears the roster without them", async () => {
    expect(firstError(await asPerson(zofie).query(LEAVE, { g: groupId, p: anna }))).toMatchObject({ code: "FORBIDDEN", rule: "leave-peer-group" });
    expect((await ok(asPerson(zofie), LEAVE, { g: groupId, p: zofie })).leavePeerGroup).toMatchObject({ memberCount: 2, consentedCount: 1, myStatus: null });
    expect((await rosters("zcu")).at(-1)).toMatchObject({ members: [anna] });
    await ok(service, LEAVE, { g: groupId, p: lukas });
    expect((await rosters("othaw")).at(-1)).toMatchObject({ members: [anna] });
    // leaving twice is harmless
    expect((await ok(asPerson(zofie), LEAVE, { g: groupId, p: zofie })).leavePeerGroup).toMatchObject({ memberCount: 1 });
    const changes = await service.sql<{ kind: string; refs: unknown }>(`SELECT kind, refs FROM outbox WHERE $1 = ANY(topics) ORDER BY id`, [`peer-group:${groupId}`]);
    expect(changes.map((change) => change.kind)).toEqual(["CREATED", "MEMBER_ADDED", "MEMBER_ADDED", "CONSENTED", "CONSENTED", "MEMBER_ADDED", "LEFT", "REMOVED"]);
    // updates name the group, never a member
    expect(JSON.stringify(changes)).not.toMatch(/participant/);
  });

  it("lets the cohort's mentees join an open group themselves, which is consenting", async () => {
    const open = await createPeerGroup(service, cohortId, { name: "Writing retreat", mode: "OPEN" });
    expect((await ok(asPerson(zofie), JOIN, { g: open, p: zofie })).joinPeerGroup).toMatchObject({ memberCount: 1, consentedCount: 1, myStatus: "CONSENTED" });
    expect(firstError(await service.as(as.participant(mentor, "mentor")).query(JOIN, { g: open, p: mentor }))).toMatchObject({ code: "AUDIENCE_MISMATCH" });
    const stranger = "hst:participant:00000000-0000-4000-8000-000000000002";
    expect(firstError(await asPerson(stranger).query(JOIN, { g: open, p: stranger }))).toMatchObject({ code: "NOT_IN_COHORT", field: "participantId" });
    const [roster] = (await factsOfKind(service, "zcu", ProofType.PEER_GROUP)).filter((fact) => fact.peerGroupId === open);
    expect(roster).toMatchObject({ members: [zofie], cohortId });
  });

  it("tells the members' nodes when the programme lets its groups' meetings count toward the package", async () => {
    const SET = `mutation($p: ID!, $count: Boolean!) { setPeerMeetingsCount(programmeId: $p, count: $count) { id peerMeetingsCount } }`;
    expect(firstError(await service.as(as.nodeCoordinator("hst")).query(SET, { p: programmeId, count: true }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await ok(service, SET, { p: programmeId, count: true })).setPeerMeetingsCount).toEqual({ id: programmeId, peerMeetingsCount: true });
    expect((await rosters("hst")).at(-1)).toMatchObject({ members: [anna], meetingsCount: true });
  });

  it("takes a person whose enrolment ends out of the cohort's groups, telling the other members' nodes", async () => {
    const open = await createPeerGroup(service, cohortId, { name: "Leaving early", mode: "OPEN" });
    const leaving = await enrolNew(service, cohortId, "othaw", "MENTEE");
    for (const person of [zofie, leaving]) await ok(asPerson(person), JOIN, { g: open, p: person });
    const [enrolment] = await service.sql<{ id: string }>(`SELECT id FROM enrolments WHERE participant_id = $1`, [leaving]);
    await ok(service, `mutation($id: ID!) { withdrawEnrolment(id: $id) { status } }`, { id: `coord:enrolment:${enrolment!.id}` });
    expect(await service.sql(`SELECT participant_id FROM peer_group_members WHERE participant_id = $1`, [leaving])).toEqual([]);
    const zcu = (await factsOfKind(service, "zcu", ProofType.PEER_GROUP)).filter((fact) => fact.peerGroupId === open);
    expect(zcu.at(-1)).toMatchObject({ members: [zofie] });
    expect((await factsOfKind(service, "othaw", ProofType.PEER_GROUP)).filter((fact) => fact.peerGroupId === open).at(-1)).toMatchObject({ members: [zofie] });
  });

  it("exports a person's memberships and drops them on erasure, telling the other members' nodes", async () => {
    const open = (await ok(service, `query($c: ID!) { peerGroups(cohortId: $c) { id name } }`, { c: cohortId })).peerGroups.find((group: { name: string }) => group.name === "Writing retreat").id;
    await ok(asPerson(anna), JOIN, { g: open, p: anna });
    const exported = (await ok(asPerson(anna), `query($p: ID!) { exportCoordinationRecords(participantId: $p) }`, { p: anna })).exportCoordinationRecords;
    expect(exported.peerGroups).toMatchObject([
      { peerGroupId: groupId, status: "CONSENTED", addedBy: "JOINT_OFFICE" },
      { peerGroupId: open, status: "CONSENTED", addedBy: "SELF" },
    ]);
    await ok(asPerson(anna), `mutation($p: ID!) { eraseCoordinationRecords(participantId: $p) { anonymisedRecords } }`, { p: anna });
    expect(await service.sql(`SELECT participant_id FROM peer_group_members WHERE participant_id = $1`, [anna])).toEqual([]);
    const zcu = (await factsOfKind(service, "zcu", ProofType.PEER_GROUP)).filter((fact) => fact.peerGroupId === open);
    expect(zcu.at(-1)).toMatchObject({ members: [zofie] });
    // no fact names her any more
    expect(JSON.stringify(await service.sql(`SELECT subjects FROM facts`))).not.toContain(anna);
  });
});
