/**
 * A tandem's meeting log at the mentee's home node (DESIGN.md §8): the
 * mentee logs, the mentor (of another node) confirms or adds, the pair alone
 * reads it, and the coordination office learns counts and the last date only,
 * as signed facts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, fieldsOf, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";
import { activateTandemAt, dayFromToday, endTandemAt, factsForOffice, type TestTandem } from "../../../test/tandems.js";

const MEETING_FIELDS = `id tandemId menteeId mentorId heldOn format durationMinutes topics notes recordedBy confirmedAt`;
const LOG = `mutation($m: ID!, $t: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $input) { ${MEETING_FIELDS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmMeeting(id: $id) { ${MEETING_FIELDS} } }`;
const LIST = `query($m: ID!, $t: ID!) { meetings(menteeId: $m, tandemId: $t, first: 50) { totalCount edges { node { ${MEETING_FIELDS} } } } }`;
const ONE = `query($id: ID!) { meeting(id: $id) { id notes } }`;

const meetingInput = (overrides: Record<string, unknown> = {}) => ({
  heldOn: dayFromToday(-3),
  format: "ONLINE",
  durationMinutes: 60,
  topics: ["thesis plan", "job market"],
  notes: "Greta worries about the interview at Bosch.",
  ...overrides,
});

/** What the tally's months should say of these meetings (held on, confirmed), ascending. */
function monthsOf(held: [string, boolean][]): { month: string; meetings: number; confirmed: number }[] {
  const months = new Map<string, { month: string; meetings: number; confirmed: number }>();
  for (const [heldOn, confirmed] of held) {
    const month = months.get(heldOn.slice(0, 7)) ?? { month: heldOn.slice(0, 7), meetings: 0, confirmed: 0 };
    months.set(month.month, { ...month, meetings: month.meetings + 1, confirmed: month.confirmed + (confirmed ? 1 : 0) });
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

describe("meeting log", () => {
  let hst: TestNode;
  let mentee: Record<string, any>;
  let tandem: TestTandem;
  const mentor = () => as.participant(tandem.mentorId, "mentor");
  const asMentee = () => as.participant(mentee.id, "mentee");
  beforeAll(async () => {
    hst = await startTestNode("hst");
    mentee = await createParticipant(hst, { displayName: "Greta Lindqvist" });
    tandem = await activateTandemAt(hst, { menteeId: mentee.id, mentorId: remoteParticipantId("zcu") });
  });
  afterAll(() => hst.stop());

  const log = (caller = asMentee(), input = meetingInput(), pair = tandem) => hst.as(caller).query(LOG, { m: pair.menteeId, t: pair.tandemId, input });

  it("lets the mentee log a meeting and the mentor of another node confirm it; the office gets counts and the last date only", async () => {
    const logged = (await ok(hst.as(asMentee()), LOG, { m: mentee.id, t: tandem.tandemId, input: meetingInput() })).logMeeting;
    expect(logged).toMatchObject({ tandemId: tandem.tandemId, menteeId: mentee.id, mentorId: tandem.mentorId, format: "ONLINE", recordedBy: "MENTEE", confirmedAt: null });
    const confirmed = (await ok(hst.as(mentor()), CONFIRM, { id: logged.id })).confirmMeeting;
    expect(confirmed.confirmedAt).not.toBeNull();
    expect((await ok(hst.as(mentor()), CONFIRM, { id: logged.id })).confirmMeeting.confirmedAt).toBe(confirmed.confirmedAt);
    const added = (await ok(hst.as(mentor()), LOG, { m: mentee.id, t: tandem.tandemId, input: meetingInput({ heldOn: dayFromToday(-1), format: "JOB_SHADOWING", durationMinutes: 240 }) })).logMeeting;
    expect(added).toMatchObject({ recordedBy: "MENTOR", confirmedAt: expect.any(String) });

    const tallies = (await factsForOffice(hst, "meeting-tally")).filter((fact) => fact.tandemId === tandem.tandemId);
    expect(tallies.at(-1)).toEqual({
      type: "meeting-tally",
      issuer: "hst",
      tandemId: tandem.tandemId,
      menteeId: mentee.id,
      meetings: 2,
      confirmed: 2,
      lastMeetingOn: dayFromToday(-1),
      revision: 3,
      months: monthsOf([
        [dayFromToday(-3), true],
        [dayFromToday(-1), true],
      ]),
    });
    // nothing of what was said or how travels: no topic, note, format or duration
    const published = JSON.stringify(await hst.sql(`SELECT proof FROM facts WHERE receiver = 'coord'`));
    for (const fact of await factsForOffice(hst, "meeting-tally"))
      expect(Object.keys(fact).sort()).toEqual(["confirmed", "issuer", "lastMeetingOn", "meetings", "menteeId", "months", "revision", "tandemId", "type"]);
    // the months carry counts only
    for (const fact of await factsForOffice(hst, "meeting-tally")) for (const month of fact.months as object[]) expect(Object.keys(month).sort()).toEqual(["confirmed", "meetings", "month"]);
    expect(published).not.toContain("Bosch");
  });

  it("tells the office the meetings per month with the tally, counted over the same meetings", async () => {
    const seasoned = await createParticipant(hst, { displayName: "Lea Sommer" });
    const pair = await activateTandemAt(hst, { menteeId: seasoned.id, mentorId: remoteParticipantId("zcu"), startedOn: dayFromToday(-120), checkInsDue: [dayFromToday(30)] });
    const asSeasoned = () => as.participant(seasoned.id, "mentee");
    const held: [string, boolean][] = [
      [dayFromToday(-100), false],
      [dayFromToday(-70), true],
      [dayFromToday(-69), false],
      [dayFromToday(-5), true],
    ];
    for (const [heldOn, byMentor] of held)
      await ok(hst.as(byMentor ? as.participant(pair.mentorId, "mentor") : asSeasoned()), LOG, { m: seasoned.id, t: pair.tandemId, input: meetingInput({ heldOn }) });
    const [latest] = (await factsForOffice(hst, "meeting-tally")).filter((fact) => fact.tandemId === pair.tandemId).slice(-1);
    expect(latest).toMatchObject({ meetings: 4, confirmed: 2, lastMeetingOn: dayFromToday(-5), revision: 4, months: monthsOf(held) });
    expect((latest!.months as unknown[]).length).toBeGreaterThanOrEqual(3);
  });

  it("shows the log, notes included, to the pair only", async () => {
    const forMentee = (await ok(hst.as(asMentee()), LIST, { m: mentee.id, t: tandem.tandemId })).meetings;
    expect(forMentee.totalCount).toBe(2);
    expect(forMentee.edges[0].node.notes).toBe("Greta worries about the interview at Bosch.");
    expect((await ok(hst.as(mentor()), LIST, { m: mentee.id, t: tandem.tandemId })).meetings.totalCount).toBe(2);
    const meetingId = forMentee.edges[0].node.id;
    expect((await ok(hst.as(mentor()), ONE, { id: meetingId })).meeting.notes).toBe("Greta worries about the interview at Bosch.");
    const outsiders = [as.participant(remoteParticipantId("zcu"), "mentor"), as.nodeCoordinator("hst"), as.nodeCoordinator("zcu"), as.jointCoordinator()];
    for (const caller of outsiders) {
      expect(firstError(await hst.as(caller).query(LIST, { m: mentee.id, t: tandem.tandemId }))).toMatchObject({ code: "FORBIDDEN", rule: "meeting.read" });
      const one = await hst.as(caller).query(ONE, { id: meetingId });
      expect(one.data?.meeting ?? null).toBeNull();
      expect(JSON.stringify(one)).not.toContain("Bosch");
    }
  });

  it("refuses strangers, the home and third nodes' coordinators and the joint office, and a mentor confirming is the mentor only, leaving no row", async () => {
    const before = await hst.countRows("meetings");
    for (const caller of [as.participant(remoteParticipantId("zcu"), "mentor"), as.nodeCoordinator("hst"), as.nodeCoordinator("zcu"), as.jointCoordinator()]) {
      expect(firstError(await log(caller))).toMatchObject({ code: "FORBIDDEN", rule: "meeting.log" });
    }
    const logged = (await ok(hst.as(asMentee()), LOG, { m: mentee.id, t: tandem.tandemId, input: meetingInput() })).logMeeting;
    expect(firstError(await hst.as(asMentee()).query(CONFIRM, { id: logged.id }))).toMatchObject({ code: "FORBIDDEN", rule: "meeting.confirm" });
    expect(firstError(await hst.as(as.nodeCoordinator("hst")).query(CONFIRM, { id: logged.id }))).toMatchObject({ code: "FORBIDDEN", rule: "meeting.confirm" });
    expect(await hst.countRows("meetings")).toBe(before + 1);
    expect(await hst.sql(`SELECT mentor_confirmed_at FROM meetings WHERE id = $1`, [logged.id.split(":")[2]])).toEqual([{ mentor_confirmed_at: null }]);
  });

  it("validates field by field: no meeting after today or before the tandem started, a closed list of formats, bounded duration and topics", async () => {
    const before = await hst.countRows("meetings");
    const cases: [Record<string, unknown>, string][] = [
      [{ heldOn: dayFromToday(1) }, "input.heldOn"],
      [{ heldOn: dayFromToday(-31) }, "input.heldOn"],
      // class-validator names the input's own fields
      [{ durationMinutes: 4 }, "durationMinutes"],
      [{ durationMinutes: 721 }, "durationMinutes"],
      [{ topics: Array.from({ length: 11 }, (_, i) => `topic ${i}`) }, "topics"],
      [{ topics: [""] }, "topics"],
      [{ notes: "x".repeat(5001) }, "notes"],
    ];
    for (const [overrides, field] of cases) {
      const error = firstError(await log(asMentee(), meetingInput(overrides)));
      expect(error.code, JSON.stringify(overrides)).toBe("BAD_USER_INPUT");
      expect(
        fieldsOf(error).some((named) => named === field),
        `${JSON.stringify(overrides)} names ${field}: ${JSON.stringify(error)}`,
      ).toBe(true);
    }
    expect(firstError(await log(asMentee(), meetingInput({ format: "TELEPATHY" }))).code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(firstError(await log(asMentee(), meetingInput({ heldOn: "2026-02-30" }))).code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const edge = (await ok(hst.as(asMentee()), LOG, { m: mentee.id, t: tandem.tandemId, input: meetingInput({ heldOn: tandem.startedOn, durationMinutes: 5, topics: [] }) })).logMeeting;
    expect(edge).toMatchObject({ heldOn: tandem.startedOn, durationMinutes: 5, topics: [] });
    expect((await ok(hst.as(asMentee()), LOG, { m: mentee.id, t: tandem.tandemId, input: meetingInput({ heldOn: dayFromToday(0), durationMinutes: 720 }) })).logMeeting.durationMinutes).toBe(720);
    expect(await hst.countRows("meetings")).toBe(before + 2);
  });

  it("takes meetings only for a tandem the office said is active, of this mentee, and none once it ended", async () => {
    const other = await createParticipant(hst, { displayName: "Jonas Weber" });
    const unknown = { ...tandem, tandemId: "coord:tandem:00000000-0000-4000-8000-000000000000" };
    expect(firstError(await log(asMentee(), meetingInput(), unknown))).toMatchObject({ code: "TANDEM_NOT_ACTIVE", field: "tandemId" });
    // the pair's own call naming another mentee; a stranger is refused by the rule before learning anything of the tandem
    expect(firstError(await log(asMentee(), meetingInput(), { ...tandem, menteeId: other.id }))).toMatchObject({ code: "BAD_USER_INPUT", field: "menteeId" });
    expect(firstError(await log(as.participant(other.id), meetingInput(), { ...tandem, menteeId: other.id }))).toMatchObject({ code: "FORBIDDEN", rule: "meeting.log" });
    const ending = await activateTandemAt(hst, { menteeId: other.id, mentorId: remoteParticipantId("zcu") });
    await ok(hst.as(as.participant(other.id)), LOG, { m: other.id, t: ending.tandemId, input: meetingInput() });
    await endTandemAt(hst, ending.tandemId);
    const before = await hst.countRows("meetings");
    expect(firstError(await log(as.participant(other.id), meetingInput(), ending))).toMatchObject({ code: "TANDEM_NOT_ACTIVE", field: "tandemId" });
    expect(await hst.countRows("meetings")).toBe(before);
    // the pair still reads what they logged
    expect((await ok(hst.as(as.participant(other.id)), LIST, { m: other.id, t: ending.tandemId })).meetings.totalCount).toBe(1);
  });

  it("takes meetings from the earliest start the office told, whatever order its statements arrive in", async () => {
    const late = await createParticipant(hst, { displayName: "Petra Nováková" });
    const pair = await activateTandemAt(hst, { menteeId: late.id, mentorId: remoteParticipantId("zcu"), startedOn: dayFromToday(0), checkInsDue: [dayFromToday(30)] });
    const asLate = () => as.participant(late.id, "mentee");
    const season = meetingInput({ heldOn: dayFromToday(-200) });
    expect(firstError(await log(asLate(), season, pair))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.heldOn" });
    // a coordinator recorded that the pair really started 240 days ago (a season entered late)
    await activateTandemAt(hst, { ...pair, startedOn: dayFromToday(-240), checkInsDue: [dayFromToday(-120)] });
    expect((await ok(hst.as(asLate()), LOG, { m: late.id, t: pair.tandemId, input: season })).logMeeting.heldOn).toBe(dayFromToday(-200));
    // an older statement arriving late does not narrow it again
    await activateTandemAt(hst, { ...pair, startedOn: dayFromToday(0), checkInsDue: [dayFromToday(30)] });
    expect(await hst.sql(`SELECT to_char(started_on, 'YYYY-MM-DD') AS started_on, check_ins_due FROM active_tandems WHERE tandem_id = $1`, [pair.tandemId])).toEqual([
      { started_on: dayFromToday(-240), check_ins_due: [dayFromToday(-120)] },
    ]);
  });

  it("forgets the log with its mentee: erasure deletes her meetings, and the tandem's record names a pseudonym", async () => {
    const leaving = await createParticipant(hst, { displayName: "Edda Vogt" });
    const pair = await activateTandemAt(hst, { menteeId: leaving.id, mentorId: remoteParticipantId("zcu") });
    await ok(hst.as(as.participant(leaving.id)), LOG, { m: leaving.id, t: pair.tandemId, input: meetingInput({ notes: "Edda's private note" }) });
    const erased = (await ok(hst, `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords anonymisedRecords } }`, { p: leaving.id })).eraseParticipantData;
    expect(erased.removedRecords).toBeGreaterThanOrEqual(2);
    expect(await hst.sql(`SELECT count(*)::int AS n FROM meetings WHERE tandem_id = $1`, [pair.tandemId])).toEqual([{ n: 0 }]);
    const [record] = await hst.sql<{ mentee_id: string }>(`SELECT mentee_id FROM active_tandems WHERE tandem_id = $1`, [pair.tandemId]);
    expect(record!.mentee_id).toMatch(/^hst:erased:/);
    expect(JSON.stringify(await hst.sql(`SELECT * FROM active_tandems`))).not.toContain(leaving.id);
  });
});
