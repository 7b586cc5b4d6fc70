/**
 * A peer group's names at a member's home node: the office's signed roster
 * (the members who consented) lets each consented member of this node be
 * seen by name — the name only — by the other members it names; a member
 * who has not consented sees no one's name and shows theirs to no one; a
 * newer roster without a member ends what the older one allowed. The
 * group's meetings admit its consented members only.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CREATE_EVENT, createParticipant, eventInput, firstError, ok, register, remoteParticipantId } from "../../../test/fixtures.js";
import { tellRoster } from "../../../test/peer-groups.js";
import { PACKAGE, RECORD_ATTENDANCE, enrolHere, startNow } from "../../../test/programme.js";

const CREATE_MEETING = `mutation($input: CreateEventInput!) { createEvent(node: "hst", input: $input) { id peerGroupId cohorts { cohortId obligation audience } } }`;
const READ = `query($id: ID!) { participant(id: $id) { id displayName email disclosure { level rule withheld } } }`;

describe("peer groups at a member's home node", () => {
  let hst: TestNode;
  let anna: Record<string, any>;
  let bruno: Record<string, any>;
  let clara: Record<string, any>;
  const zofie = remoteParticipantId("zcu");
  const peerGroupId = `coord:peer-group:${randomUUID()}`;
  const cohortId = `coord:cohort:${randomUUID()}`;
  const read = async (reader: string, person: Record<string, any>) => (await hst.as(as.participant(reader, "mentee")).query(READ, { id: person.id })).data!.participant;

  beforeAll(async () => {
    hst = await startTestNode("hst");
    [anna, bruno, clara] = [
      await createParticipant(hst, { displayName: "Anna Becker" }),
      await createParticipant(hst, { displayName: "Bruno Weiss" }),
      await createParticipant(hst, { displayName: "Clara Roth" }),
    ];
  });
  afterAll(() => hst.stop());

  it("shows a consented member's name, and nothing more, to the other consented members only", async () => {
    expect((await read(bruno.id, anna)).displayName).toBeNull();
    await tellRoster(hst, { peerGroupId, cohortId, members: [anna.id, bruno.id, zofie], revision: 2 });
    expect(await read(bruno.id, anna)).toMatchObject({
      displayName: "Anna Becker",
      email: null,
      disclosure: { level: "PEER_GROUP_MEMBER", rule: "disclosure.peer-group-member", withheld: expect.arrayContaining(["email", "phone", "about"]) },
    });
    expect((await read(zofie, anna)).displayName).toBe("Anna Becker");
    expect((await read(anna.id, bruno)).displayName).toBe("Bruno Weiss");
    // clara was invited but has not consented: the roster does not name her, so she sees no name, and no one sees hers
    const unconsented = await hst.as(as.participant(clara.id, "mentee")).query(READ, { id: anna.id });
    expect(unconsented.data!.participant).toMatchObject({ displayName: null, disclosure: { level: "SIGNED_IN", rule: "disclosure.none" } });
    expect(unconsented.errors?.[0]?.extensions).toMatchObject({ code: "NOT_DISCLOSED" });
    expect((await read(anna.id, clara)).displayName).toBeNull();
    const audited = await hst.sql(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY action`, [peerGroupId]);
    expect(audited.map((row) => row.action)).toEqual(["grant:NAME", "grant:NAME", "peer-group:r2"]);
  });

  it("ends what an older roster allowed once a newer one no longer names the member, and ignores a stale one", async () => {
    await tellRoster(hst, { peerGroupId, cohortId, members: [anna.id, zofie], revision: 3 });
    expect((await read(bruno.id, anna)).displayName).toBeNull();
    expect((await read(anna.id, bruno)).displayName).toBeNull();
    expect((await read(zofie, anna)).displayName).toBe("Anna Becker");
    await tellRoster(hst, { peerGroupId, cohortId, members: [anna.id, bruno.id], revision: 2 });
    expect((await read(bruno.id, anna)).displayName).toBeNull();
    expect(await hst.sql(`SELECT grantee FROM disclosure_grants WHERE reference_id = $1 ORDER BY grantee`, [peerGroupId])).toEqual([{ grantee: zofie }]);
  });

  it("lets a peer group's meeting be hosted where the group is known, for its consented members only", async () => {
    const create = (overrides: Record<string, unknown>) =>
      hst.query(CREATE_EVENT, { node: "hst", input: eventInput({ kind: "PEER_MEETING", title: "Founders' circle: second meeting", ...overrides }) });
    expect(firstError(await create({ kind: "TRAINING", peerGroupId }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.peerGroupId" });
    expect(firstError(await create({ peerGroupId: `coord:peer-group:${randomUUID()}` }))).toMatchObject({ code: "NOT_FOUND", field: "input.peerGroupId" });
    expect(firstError(await create({ peerGroupId: `zcu:peer-group:${randomUUID()}` }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.peerGroupId" });
    const meeting = (await ok(hst, CREATE_MEETING, { input: eventInput({ kind: "PEER_MEETING", title: "Founders' circle", peerGroupId }) })).createEvent;
    expect(meeting).toMatchObject({ peerGroupId, cohorts: [] });
    const refused = await hst.as(as.participant(bruno.id)).query(`mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id } }`, { e: meeting.id, p: bruno.id });
    expect(firstError(refused)).toMatchObject({ code: "NOT_IN_PEER_GROUP", field: "participantId" });
    expect(await register(hst, meeting.id, anna.id)).toMatchObject({ status: "CONFIRMED" });
  });

  it("makes the meeting a voluntary event of the group's cohort for its mentees where the programme lets it count", async () => {
    const counted = await tellRoster(hst, { cohortId, members: [anna.id, zofie], meetingsCount: true, revision: 1 });
    const meeting = (await ok(hst, CREATE_MEETING, { input: eventInput({ kind: "PEER_MEETING", title: "Writing retreat", peerGroupId: counted }) })).createEvent;
    expect(meeting.cohorts).toEqual([{ cohortId, obligation: "VOLUNTARY", audience: "MENTEES" }]);
    expect(await hst.sql(`SELECT kind, cohorts FROM programme_events WHERE event_id = $1`, [meeting.id])).toEqual([
      { kind: "PEER_MEETING", cohorts: [{ cohortId, obligation: "VOLUNTARY", audience: "MENTEES" }] },
    ]);
  });

  it("counts a counted meeting in the member's package: chosen once registered, attended once the host records it", async () => {
    const dora = await createParticipant(hst, { displayName: "Dora Schmitt" });
    await enrolHere(hst, dora.id, cohortId, "MENTEE");
    const counted = await tellRoster(hst, { cohortId, members: [dora.id, zofie], meetingsCount: true, revision: 1 });
    const meeting = (await ok(hst, CREATE_MEETING, { input: eventInput({ kind: "PEER_MEETING", title: "Founders' circle: pitch practice", peerGroupId: counted }) })).createEvent;
    const registration = await register(hst, meeting.id, dora.id);
    const read = async () => (await ok(hst.as(as.participant(dora.id)), PACKAGE, { p: dora.id, c: cohortId })).programmePackage;
    expect(await read()).toMatchObject({ chosen: 1, attended: 0, complete: true, items: [{ eventId: meeting.id, kind: "PEER_MEETING", obligation: "VOLUNTARY", registered: true, mandatory: false }] });
    await startNow(hst, meeting.id);
    await ok(hst, RECORD_ATTENDANCE, { id: registration.id, a: "ATTENDED" });
    expect(await read()).toMatchObject({ chosen: 1, attended: 1, items: [{ kind: "PEER_MEETING", attendance: "ATTENDED" }] });
  });

  it("forgets an erased member in the rosters it holds, and the names they gave", async () => {
    await ok(hst.as(as.participant(anna.id)), `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords } }`, { p: anna.id });
    expect(await hst.sql(`SELECT members FROM peer_group_rosters WHERE peer_group_id = $1`, [peerGroupId])).toEqual([{ members: [zofie] }]);
    expect(await hst.sql(`SELECT count(*)::int AS n FROM disclosure_grants WHERE reference_id = $1`, [peerGroupId])).toEqual([{ n: 0 }]);
  });
});
