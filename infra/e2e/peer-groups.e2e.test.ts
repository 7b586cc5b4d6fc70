/**
 * Peer-mentoring groups across two nodes, end to end (issue 14, parts 6 and
 * 8): the joint office forms a group of a cohort's mentees of hst and zcu
 * and invites three; two consent, one does not. Each member's home node
 * shows their display name to the other consented member only: the member
 * who has not consented sees a list without names, and nobody sees theirs.
 * A member follows the group live; leaving withdraws the consent. No name
 * reaches the coordination office (recorded traffic).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLResult } from "@tandem/shared";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { liveClient } from "./live-client.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";
import { asPerson, createPerson, type Created } from "./scenario.js";
import { ADVANCE, REVIEW, SUBMIT, formInput, programmeWithCohort, readable } from "./applications-scenario.js";

const NODES = ["hst", "zcu"];
const NAMES = { anna: "Anna Becker", zofie: "Zofie Dvorakova", vaclav: "Vaclav Kral" };
const CREATE = `mutation($input: CreatePeerGroupInput!) { createPeerGroup(input: $input) { id mode } }`;
const ADD = `mutation($g: ID!, $p: ID!) { addPeerGroupMember(peerGroupId: $g, participantId: $p) { memberCount } }`;
const JOIN = `mutation($g: ID!, $p: ID!) { joinPeerGroup(peerGroupId: $g, participantId: $p) { myStatus consentedCount } }`;
const LEAVE = `mutation($g: ID!, $p: ID!) { leavePeerGroup(peerGroupId: $g, participantId: $p) { myStatus } }`;
const MEMBERS = `query($id: ID!) { peerGroup(id: $id) { name myStatus members { status participant { id displayName } } } }`;
const LIVE = `subscription($g: ID!) { peerGroupUpdated(peerGroupId: $g) { change peerGroupId peerGroup { consentedCount memberCount } } }`;

let e2e: E2EConsortium;
let recording: RecordingGateway;
let cohortId: string;
let groupId: string;
const people: Record<string, Created> = {};
const clients: { client: { dispose(): unknown } }[] = [];

const dataOf = (result: GraphQLResult<any>) => {
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data;
};
const whenTold = async (send: () => Promise<GraphQLResult<any>>) => dataOf(await eventually(send, (result) => !result.errors?.length));

/** A master's student of `node`, applied to the cohort, accepted at home and enrolled by the office. */
async function enrolledStudent(node: string, displayName: string): Promise<Created> {
  const slug = displayName.toLowerCase().replace(/[^a-z]/g, ".");
  const person = await createPerson(
    e2e,
    { node, role: "MENTEE", displayName, email: `${slug}@students.${node}.example`, phone: "+49 651 000 000", organisation: "Fachschaft", about: "Rows on the river" },
    { degreeLevel: "MASTER", semester: 2 },
  );
  const form = { motivation: `${displayName} wants to learn from industry.`, shortTermGoals: "An internship.", longTermGoals: "A career in research." };
  const { submitApplication } = await whenTold(() => asPerson(e2e, person).gateway(SUBMIT, { p: person.id, c: cohortId, input: formInput(form) }));
  await e2e.as(who.coordinator(node)).data(REVIEW, { id: submitApplication.id, decision: "ACCEPT" });
  await eventually(
    () => e2e.databases.query<{ status: string }>(`node_${node}`, `SELECT status FROM applications WHERE id = $1`, [submitApplication.id.split(":").at(-1)]),
    (rows) => rows[0]?.status === "ENROLLED",
  );
  return person;
}

/** The names a member's view of the group shows, by participant id (null: withheld by that member's home node). */
async function namesSeenBy(person: Created): Promise<Record<string, string | null>> {
  const result = await recording.as(who.mentee(person.id)).gateway(MEMBERS, { id: groupId });
  const members = result.data!.peerGroup.members as { participant: { id: string; displayName: string | null } }[];
  return Object.fromEntries(members.map((member) => [member.participant.id, member.participant.displayName]));
}

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  recording = await startRecordingGateway(e2e, 0, { webSockets: true });
  const joint = e2e.as(who.jointCoordinator());
  const quotas = NODES.map((nodeId) => ({ nodeId, mentees: 5, mentors: 5 }));
  cohortId = (await programmeWithCohort(joint, "Peer mentoring across the border", NODES, quotas)).cohort.id;
  await joint.data(ADVANCE, { id: cohortId, to: "APPLICATIONS_OPEN" });
  people.anna = await enrolledStudent("hst", NAMES.anna);
  people.zofie = await enrolledStudent("zcu", NAMES.zofie);
  people.vaclav = await enrolledStudent("zcu", NAMES.vaclav);
}, 240_000);

afterAll(async () => {
  for (const { client } of clients) await client.dispose();
  await recording?.stop();
  await e2e?.stop();
});

describe("a peer group across two nodes", () => {
  it("shows each consented member's name to the other consented members only, live, and ends it when one leaves", async () => {
    const joint = recording.as(who.jointCoordinator());
    recording.clear();
    groupId = (await joint.data(CREATE, { input: { cohortId, name: "Founders' circle", topic: "Starting a company after the degree" } })).createPeerGroup.id;
    const follow = liveClient(recording.url, () => e2e.as(who.mentee(people.zofie!.id)).token());
    clients.push(follow);
    for (const name of ["anna", "zofie", "vaclav"]) await joint.data(ADD, { g: groupId, p: people[name]!.id });
    const updates = follow.subscribe(LIVE, { g: groupId });
    await new Promise((resolve) => setTimeout(resolve, 500));

    // invited only: nobody's name is shown to anyone but themselves
    expect(await namesSeenBy(people.anna!)).toEqual({ [people.anna!.id]: NAMES.anna, [people.zofie!.id]: null, [people.vaclav!.id]: null });
    for (const name of ["anna", "zofie"]) {
      expect((await recording.as(who.mentee(people[name]!.id)).data(JOIN, { g: groupId, p: people[name]!.id })).joinPeerGroup.myStatus).toBe("CONSENTED");
    }
    // both consented: once the office's roster reached their home nodes, each sees the other's name, and not vaclav's
    const annaSees = await eventually(
      () => namesSeenBy(people.anna!),
      (names) => names[people.zofie!.id] !== null,
      30_000,
    );
    expect(annaSees).toEqual({ [people.anna!.id]: NAMES.anna, [people.zofie!.id]: NAMES.zofie, [people.vaclav!.id]: null });
    expect(
      (
        await eventually(
          () => namesSeenBy(people.zofie!),
          (names) => names[people.anna!.id] !== null,
          30_000,
        )
      )[people.anna!.id],
    ).toBe(NAMES.anna);

    // vaclav has not consented: his view of the list holds no one's name but his own
    const vaclavs = await recording.as(who.mentee(people.vaclav!.id)).gateway(MEMBERS, { id: groupId });
    expect(vaclavs.data!.peerGroup.myStatus).toBe("INVITED");
    expect(vaclavs.data!.peerGroup.members.map((member: { status: string; participant: { displayName: string | null } }) => [member.status, member.participant.displayName])).toEqual([
      ["CONSENTED", null],
      ["CONSENTED", null],
      ["INVITED", NAMES.vaclav],
    ]);
    expect(JSON.stringify(vaclavs)).not.toMatch(new RegExp(`${NAMES.anna}|${NAMES.zofie}`));
    expect(vaclavs.errors?.map((error) => error.extensions?.code)).toEqual(expect.arrayContaining(["NOT_DISCLOSED"]));

    // zofie leaves: her consent ends, and anna no longer sees her name
    expect((await recording.as(who.mentee(people.zofie!.id)).data(LEAVE, { g: groupId, p: people.zofie!.id })).leavePeerGroup.myStatus).toBeNull();
    const after = await eventually(
      () => namesSeenBy(people.anna!),
      (names) => !(people.zofie!.id in names),
      30_000,
    );
    expect(after).toEqual({ [people.anna!.id]: NAMES.anna, [people.vaclav!.id]: null });
    // her node hears the roster without her, and no longer shows her name to anyone in the group
    const peerGrants = (database: string) => e2e.databases.query<{ n: number }>(database, `SELECT count(*)::int AS n FROM disclosure_grants WHERE basis = 'PEER_GROUP'`);
    expect(
      await eventually(
        () => peerGrants("node_zcu"),
        (rows) => rows[0]?.n === 0,
        30_000,
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await eventually(
        () => peerGrants("node_hst"),
        (rows) => rows[0]?.n === 0,
        30_000,
      ),
    ).toEqual([{ n: 0 }]);

    const changes = await updates.received(3);
    expect(changes.map((update: { change: string }) => update.change)).toEqual(["CONSENTED", "CONSENTED", "LEFT"]);
    expect(changes[1]).toEqual({ change: "CONSENTED", peerGroupId: groupId, peerGroup: { consentedCount: 2, memberCount: 3 } });
  }, 120_000);

  it("keeps every name away from the coordination office: no call to it or answer from it holds one", async () => {
    const exchanges = recording.exchanges();
    expect(exchanges.some((exchange) => exchange.party === "coord" && exchange.requestBody.includes("joinPeerGroup"))).toBe(true);
    // the names were read at the members' home nodes (in the gateway's fetches of Participant)
    expect(exchanges.some((exchange) => exchange.party === "zcu" && exchange.responseBody.includes(NAMES.zofie))).toBe(true);
    const atOffice = exchanges.filter((exchange) => exchange.party === "coord");
    const leaks = atOffice.filter((exchange) => Object.values(NAMES).some((name) => readable(exchange.requestBody + exchange.responseBody).includes(name)));
    expect(leaks.map((exchange) => `${exchange.method} ${exchange.path}`)).toEqual([]);
    // the office's store holds references and states only
    const stored = JSON.stringify(await e2e.databases.query("coordination", `SELECT g.*, m.* FROM peer_groups g LEFT JOIN peer_group_members m ON m.group_id = g.id`));
    for (const name of Object.values(NAMES)) expect(stored).not.toContain(name);
    // the rosters this gateway delivered (facts, signed JWTs) name members by id only
    const rosters = exchanges
      .flatMap((exchange) => readable(exchange.requestBody + exchange.responseBody).split("\n"))
      .filter((line) => line.includes(`"proof":"peer-group"`))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const roster of rosters) expect(Object.keys(roster).sort()).toEqual(["cohortId", "exp", "iat", "iss", "meetingsCount", "members", "peerGroupId", "proof", "revision"]);
  });
});
