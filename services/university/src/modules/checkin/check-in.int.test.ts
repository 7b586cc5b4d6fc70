/**
 * Check-ins at the author's home node (DESIGN.md §8): each partner answers
 * the one due (the cohort's mid-point, or every N weeks) once; the answer is
 * the author's alone; the coordination office receives the codes as a
 * signed fact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, fieldsOf, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";
import { activateTandemAt, dayFromToday, endTandemAt, factsForOffice, type TestTandem } from "../../../test/tandems.js";

const ANSWER = `mutation($p: ID!, $t: ID!, $input: CheckInInput!) { answerCheckIn(participantId: $p, tandemId: $t, input: $input) { tandemId side dueOn satisfaction onTrack contactRequested } }`;
const STATE = `query($p: ID!, $t: ID!) { checkIns(participantId: $p, tandemId: $t) { openDueOn nextDueOn answers { dueOn satisfaction onTrack contactRequested } } }`;
const pulse = (overrides: Record<string, unknown> = {}) => ({ satisfaction: 2, onTrack: false, contactRequested: true, ...overrides });

describe("check-ins", () => {
  let hst: TestNode;
  let mentor: Record<string, any>;
  let tandem: TestTandem;
  const self = () => as.participant(mentor.id, "mentor");
  const answer = (caller = self(), input = pulse(), pair = tandem, participantId = mentor.id) => hst.as(caller).query(ANSWER, { p: participantId, t: pair.tandemId, input });
  beforeAll(async () => {
    hst = await startTestNode("hst");
    mentor = await createParticipant(hst, { role: "MENTOR", displayName: "Petra Novak" });
    // this node is the mentor's home: the mentee belongs to another node
    tandem = await activateTandemAt(hst, { menteeId: remoteParticipantId("zcu"), mentorId: mentor.id, checkInsDue: [dayFromToday(-20), dayFromToday(-2), dayFromToday(12)] });
  });
  afterAll(() => hst.stop());

  it("takes the open check-in once, keeps it for the author, and tells the office its codes only", async () => {
    expect((await ok(hst.as(self()), STATE, { p: mentor.id, t: tandem.tandemId })).checkIns).toEqual({ openDueOn: dayFromToday(-2), nextDueOn: dayFromToday(12), answers: [] });
    const answered = (await ok(hst.as(self()), ANSWER, { p: mentor.id, t: tandem.tandemId, input: pulse() })).answerCheckIn;
    expect(answered).toEqual({ tandemId: tandem.tandemId, side: "MENTOR", dueOn: dayFromToday(-2), satisfaction: 2, onTrack: false, contactRequested: true });
    expect(firstError(await answer())).toMatchObject({ code: "CHECK_IN_NOT_DUE", field: "tandemId", dueOn: dayFromToday(-2) });
    expect((await ok(hst.as(self()), STATE, { p: mentor.id, t: tandem.tandemId })).checkIns).toMatchObject({ openDueOn: null, answers: [{ dueOn: dayFromToday(-2), satisfaction: 2 }] });
    const facts = (await factsForOffice(hst, "check-in")).filter((fact) => fact.tandemId === tandem.tandemId);
    expect(facts).toEqual([{ type: "check-in", issuer: "hst", tandemId: tandem.tandemId, participantId: mentor.id, dueOn: dayFromToday(-2), satisfaction: 2, onTrack: false, contactRequested: true }]);
  });

  it("lets no one else answer or read it: not the partner, a stranger, the node's or a third node's coordinators, the joint office", async () => {
    const before = await hst.countRows("check_ins");
    for (const caller of [as.participant(tandem.menteeId), as.participant(remoteParticipantId("zcu")), as.nodeCoordinator("hst"), as.nodeCoordinator("zcu"), as.jointCoordinator()]) {
      expect(firstError(await answer(caller))).toMatchObject({ code: "FORBIDDEN", rule: "checkIn.answer" });
      const read = await hst.as(caller).query(STATE, { p: mentor.id, t: tandem.tandemId });
      expect(firstError(read)).toMatchObject({ code: "FORBIDDEN", rule: "checkIn.read" });
      expect(JSON.stringify(read.data ?? null)).not.toContain("satisfaction");
    }
    expect(await hst.countRows("check_ins")).toBe(before);
  });

  it("validates field by field, and answers only a due check-in of a running tandem one is a partner of", async () => {
    const other = await createParticipant(hst, { role: "MENTEE", displayName: "Lena Braun" });
    const early = await activateTandemAt(hst, { menteeId: other.id, mentorId: remoteParticipantId("zcu"), checkInsDue: [dayFromToday(30)] });
    const before = await hst.countRows("check_ins");
    for (const [input, field] of [
      [pulse({ satisfaction: 0 }), "satisfaction"],
      [pulse({ satisfaction: 6 }), "satisfaction"],
    ] as const) {
      const error = firstError(await answer(as.participant(other.id), input, early, other.id));
      expect(error.code).toBe("BAD_USER_INPUT");
      expect(fieldsOf(error)).toContain(field);
    }
    expect(firstError(await answer(as.participant(other.id), pulse(), early, other.id))).toMatchObject({ code: "CHECK_IN_NOT_DUE", field: "tandemId" });
    expect(firstError(await answer(as.participant(other.id), pulse(), tandem, other.id))).toMatchObject({ code: "BAD_USER_INPUT", field: "participantId" });
    const ended = await activateTandemAt(hst, { menteeId: other.id, mentorId: remoteParticipantId("zcu"), checkInsDue: [dayFromToday(-1)] });
    await endTandemAt(hst, ended.tandemId);
    expect(firstError(await answer(as.participant(other.id), pulse(), ended, other.id))).toMatchObject({ code: "TANDEM_NOT_ACTIVE" });
    expect(await hst.countRows("check_ins")).toBe(before);
  });
});
