/**
 * A tandem's months across two nodes, end to end (issue 13): the office
 * activates a tandem of a mentee at hst and a mentor at zcu; the facts tell
 * both nodes; the mentee logs a meeting through the gateway and the mentor
 * confirms it there (their call goes to the mentee's home node), each
 * following the log live; the office receives counts only; a third node's
 * coordinator and the joint office cannot read the log; the mentor's
 * check-in and evaluation stay at zcu, the office gets codes; the tandem
 * closes COMPLETED. No note, answer or comment reaches the office's database;
 * the mentor's home node learns the meeting count (for his completion rules).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { liveClient } from "./live-client.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";
import { RESPOND, asPerson, createCohort, createPerson, proposeTandem, type Created } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const NOTE = "Mira fears the Škoda interview on Friday";
const COMMENT = "Jiří's workshop tour changed Mira's plans";
let e2e: E2EConsortium;
let mira: Created, jiri: Created;
let tandemId: string;
let recording: RecordingGateway;
const clients: { client: { dispose(): unknown } }[] = [];

const LOG = `mutation($m: ID!, $t: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $input) { id recordedBy confirmedAt } }`;
const CONFIRM = `mutation($id: ID!) { confirmMeeting(id: $id) { id confirmedAt } }`;
const MEETINGS = `query($m: ID!, $t: ID!) { meetings(menteeId: $m, tandemId: $t, first: 10) { totalCount edges { node { id notes } } } }`;
const LIVE = `subscription($t: ID!, $m: ID!) { tandemMeetings(tandemId: $t, menteeId: $m) { change node tandemId meeting { id format notes confirmedAt } } }`;
const TALLY = `query($id: ID!) { tandem(id: $id) { status closeReason meetingTally { meetings confirmed lastMeetingOn } evaluations { side programmeRating goals { key achievement } } } }`;
const ATTENTION = `query($c: ID!) { tandemsNeedingAttention(cohortId: $c, first: 10) { edges { node { tandemId side reasons } } } }`;

const live = (person: Parameters<E2EConsortium["as"]>[0]) => {
  const made = liveClient(e2e.consortium.gatewayUrl!, () => e2e.as(person).token());
  clients.push(made);
  return made;
};
/** The tandem starts today: its first meeting is today too (none before the start). */
const today = () => new Date().toISOString().slice(0, 10);
let cohortId: string;

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  recording = await startRecordingGateway(e2e, 0, { webSockets: true });
  [mira, jiri] = await Promise.all([
    createPerson(e2e, {
      node: "hst",
      role: "MENTEE",
      displayName: "Mira Hoffmann",
      email: "mira.hoffmann@student.hst.example",
      phone: "+49 651 8103 4411",
      organisation: "HS Trier",
      about: "Mechatronics",
    }),
    createPerson(e2e, {
      node: "zcu",
      role: "MENTOR",
      displayName: "Jiří Novák",
      email: "jiri.novak@skoda.zcu.example",
      phone: "+420 377 100 411",
      organisation: "Škoda Transportation",
      about: "Drives",
    }),
  ]);
  cohortId = await createCohort(e2e, "Meetings that travel as counts", NODES);
  tandemId = await proposeTandem(e2e, cohortId, mira, jiri);
  for (const person of [mira, jiri]) await asPerson(e2e, person).data(RESPOND, { id: tandemId, accept: true });
  await e2e.as(who.jointCoordinator()).data(`mutation($id: ID!) { activateTandem(id: $id, overrideReason: "Signed on paper at the kick-off") { status } }`, { id: tandemId });
  // the activation travels to both home nodes as a fact
  for (const node of ["hst", "zcu"]) {
    await eventually(
      () => e2e.databases.query<{ n: number }>(`node_${node}`, `SELECT count(*)::int AS n FROM active_tandems WHERE tandem_id = $1`, [tandemId]),
      (rows) => rows[0]!.n === 1,
    );
  }
}, 180_000);

afterAll(async () => {
  for (const { client } of clients) await client.dispose();
  await recording?.stop();
  await e2e?.stop();
});

describe("a tandem's months across two nodes", () => {
  it("lets the mentee log and the mentor of another node confirm, both following live, and tells the office counts only", async () => {
    const forMentor = live(who.mentor(jiri.id)).subscribe(LIVE, { t: tandemId, m: mira.id });
    const forMentee = live(who.mentee(mira.id)).subscribe(LIVE, { t: tandemId, m: mira.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const input = { heldOn: today(), format: "IN_PERSON", durationMinutes: 90, topics: ["interview practice"], notes: NOTE };
    const logged = (await asPerson(e2e, mira).data(LOG, { m: mira.id, t: tandemId, input })).logMeeting;
    expect(logged).toMatchObject({ recordedBy: "MENTEE", confirmedAt: null });
    const [first] = await forMentor.received(1);
    expect(first).toMatchObject({ change: "LOGGED", node: "hst", tandemId, meeting: { id: logged.id, format: "IN_PERSON", notes: NOTE, confirmedAt: null } });
    expect((await asPerson(e2e, jiri).data(CONFIRM, { id: logged.id })).confirmMeeting.confirmedAt).not.toBeNull();
    const updates = await forMentee.received(2);
    expect(updates.map((update: { change: string }) => update.change)).toEqual(["LOGGED", "CONFIRMED"]);

    const tally = await eventually(
      async () => (await e2e.as(who.jointCoordinator()).data(TALLY, { id: tandemId })).tandem.meetingTally,
      (value) => value?.confirmed === 1,
    );
    expect(tally).toEqual({ meetings: 1, confirmed: 1, lastMeetingOn: today() });
  });

  it("shows the log to the pair only: not to a third node's coordinator, the home node's coordinator or the joint office", async () => {
    expect((await asPerson(e2e, jiri).data(MEETINGS, { m: mira.id, t: tandemId })).meetings.edges[0].node.notes).toBe(NOTE);
    for (const caller of [who.coordinator("othaw"), who.coordinator("hst"), who.jointCoordinator()]) {
      const answer = await e2e.as(caller).gateway(MEETINGS, { m: mira.id, t: tandemId });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "meeting.read" });
      expect(JSON.stringify(answer)).not.toContain("Škoda interview");
    }
  });

  it("sends the office, the mentor's node and a third node no note or name while the pair logs, a mediation case opens and coordinators read monitoring", async () => {
    recording.clear();
    const SECOND_NOTE = "Mira rehearsed the salary talk with Jiří";
    const input = { heldOn: today(), format: "ONLINE", durationMinutes: 45, topics: ["salary talk"], notes: SECOND_NOTE };
    await recording.as(who.mentee(mira.id)).data(LOG, { m: mira.id, t: tandemId, input });
    // the pair's record at each home node (active-tandem) holds references and dates, the log stays at hst
    const [record] = await e2e.databases.query<{ mentee_id: string }>("node_zcu", `SELECT mentee_id FROM active_tandems WHERE tandem_id = $1`, [tandemId]);
    expect(record!.mentee_id).toBe(mira.id);
    // the mentor's home node learns the count (for his completion rules) as hst's signed tally, delivered by the gateway: a number, no note
    await eventually(
      () => e2e.databases.query<{ told_meetings: number | null }>("node_zcu", `SELECT told_meetings FROM active_tandems WHERE tandem_id = $1`, [tandemId]),
      (rows) => rows[0]?.told_meetings === 2,
    );
    // meetings over time travel as counts per month only: in hst's signed tallies and in the office's table
    const signed = await e2e.databases.query<{ proof: string }>("node_hst", `SELECT proof FROM facts WHERE receiver = 'coord' AND kind = 'meeting-tally'`);
    const ours = signed.map((row) => JSON.parse(Buffer.from(row.proof.split(".")[1]!, "base64url").toString("utf8"))).filter((claims) => claims.tandemId === tandemId);
    expect(ours.length).toBeGreaterThan(0);
    for (const { months } of ours) {
      for (const month of months) {
        expect(Object.keys(month).sort()).toEqual(["confirmed", "meetings", "month"]);
        expect(month).toEqual({ month: expect.stringMatching(/^\d{4}-\d{2}$/), meetings: expect.any(Number), confirmed: expect.any(Number) });
      }
    }
    const kept = await eventually(
      () => e2e.databases.query("coordination", `SELECT * FROM tandem_meeting_months WHERE tandem_id = $1`, [tandemId.split(":")[2]]),
      (rows) => rows.length === 1 && (rows[0] as { meetings: number }).meetings === 2,
    );
    expect(kept).toEqual([{ tandem_id: tandemId.split(":")[2], month: today().slice(0, 7), meetings: 2, confirmed: 1 }]);
    // mediation: the mentee opens a case (codes only), the joint office and hst's coordinators read it
    const opened = (await recording.as(who.mentee(mira.id)).data(`mutation($t: ID!) { openMediationCase(input: { tandemId: $t, concern: COMMUNICATION }) { id raisedBy } }`, { t: tandemId }))
      .openMediationCase;
    expect(opened.raisedBy).toBe("MENTEE");
    for (const caller of [who.jointCoordinator(), who.coordinator("hst")]) {
      const cases = (await recording.as(caller).data(`query($c: ID!) { mediationCases(cohortId: $c, first: 5) { edges { node { id concern } } } }`, { c: cohortId })).mediationCases;
      expect(cases.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([opened.id]);
    }
    // monitoring: one tandem in this cohort, below the minimum group size: suppressed
    const monitoring = (await recording.as(who.jointCoordinator()).data(`query($c: ID!) { tandemMonitoring(cohortId: $c) { groups { nodeIds suppressed figures { tandems } } } }`, { c: cohortId }))
      .tandemMonitoring;
    expect(monitoring.groups).toEqual([{ nodeIds: ["hst"], suppressed: true, figures: null }]);
    await recording.as(who.jointCoordinator()).data(`mutation($id: ID!) { resolveMediationCase(id: $id, outcome: RESOLVED) { outcome } }`, { id: opened.id });

    const outside = recording.exchanges().filter((exchange) => exchange.party !== "hst");
    expect(outside.some((exchange) => exchange.party === "coord")).toBe(true);
    const written = [NOTE, SECOND_NOTE, "salary talk", "interview practice", "Mira Hoffmann", "mira.hoffmann@student.hst.example", "Jiří Novák"];
    const leaks = outside.filter((exchange) => written.some((text) => exchange.requestBody.includes(text) || exchange.responseBody.includes(text)));
    expect(leaks.map((exchange) => `${exchange.party} ${exchange.path}`)).toEqual([]);
    for (const database of ["coordination", "node_zcu", "node_othaw"]) expect(await e2e.databases.rowsHolding(database, [SECOND_NOTE, "salary talk"])).toEqual([]);
  });

  it("keeps a concern in the mentor's words at zcu: the joint office reads it there once he lets it, live through the case; the office, hst and othaw never see the words", async () => {
    const WORDS = "Mira keeps postponing and I feel our meetings lack direction";
    const RAISE = `mutation($p: ID!, $t: ID!, $s: String!) { raiseConcern(participantId: $p, input: { tandemId: $t, concern: EXPECTATIONS, statement: $s }) { id mediatorMayRead statement } }`;
    const CASES = `query($c: ID!) { mediationCases(cohortId: $c, nodeId: "zcu", open: true, first: 5) { edges { node { id raisedBy statements { id mediatorMayRead statement } } } } }`;
    recording.clear();
    const liveAtRecording = (person: Parameters<E2EConsortium["as"]>[0]) => {
      const made = liveClient(recording.url, () => e2e.as(person).token());
      clients.push(made);
      return made;
    };
    const officeCases = liveAtRecording(who.jointCoordinator()).subscribe(
      `subscription($c: ID!) { mediationCasesUpdated(cohortId: $c, nodeId: "zcu") { change caseId mediationCase { id raisedBy concern } } }`,
      { c: cohortId },
    );
    const hstFigures = liveAtRecording(who.coordinator("hst")).subscribe(`subscription($c: ID!) { tandemMonitoringUpdated(cohortId: $c, nodeId: "hst") { change cohortId } }`, { c: cohortId });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const raised = (await recording.as(who.mentor(jiri.id)).data(RAISE, { p: jiri.id, t: tandemId, s: WORDS })).raiseConcern;
    expect(raised).toMatchObject({ mediatorMayRead: false, statement: WORDS });
    const [opened] = await officeCases.received(1);
    expect(opened).toMatchObject({ change: "OPENED", mediationCase: { raisedBy: "MENTOR", concern: "EXPECTATIONS" } });
    expect((await hstFigures.received(1))[0]).toEqual({ change: "CASE", cohortId });
    const statementsSeen = async () => (await recording.as(who.jointCoordinator()).data(CASES, { c: cohortId })).mediationCases.edges[0].node.statements;
    expect(await statementsSeen()).toEqual([{ id: raised.id, mediatorMayRead: false, statement: null }]);
    // his partner never reads it, shared or not; hst's coordinators do not follow zcu's cases
    const partnerRead = await recording.as(who.mentee(mira.id)).gateway(`query($id: ID!) { concern(id: $id) { statement } }`, { id: raised.id });
    expect(partnerRead.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "concern.read" });
    const hstCases = await recording.as(who.coordinator("hst")).gateway(CASES, { c: cohortId });
    expect(hstCases.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "read-node-mediation-cases" });

    await recording.as(who.mentor(jiri.id)).data(`mutation($id: ID!) { updateConcern(id: $id, input: { mediatorMayRead: true }) { id } }`, { id: raised.id });
    expect(await statementsSeen()).toEqual([{ id: raised.id, mediatorMayRead: true, statement: WORDS }]);
    await recording.as(who.jointCoordinator()).data(`mutation($id: ID!) { resolveMediationCase(id: $id, outcome: RESOLVED) { outcome } }`, { id: opened.caseId });
    expect((await officeCases.received(2)).map((update: { change: string }) => update.change)).toEqual(["OPENED", "RESOLVED"]);

    // the words left zcu only to the gateway, for the mediator who was let read them: never to the office, hst or othaw
    const exchanges = recording.exchanges();
    expect(exchanges.some((exchange) => exchange.party === "zcu" && exchange.responseBody.includes(WORDS))).toBe(true);
    const leaks = exchanges.filter((exchange) => exchange.party !== "zcu" && (exchange.requestBody.includes(WORDS) || exchange.responseBody.includes(WORDS)));
    expect(leaks.map((exchange) => `${exchange.party} ${exchange.path}`)).toEqual([]);
    for (const database of ["coordination", "node_hst", "node_othaw"]) expect(await e2e.databases.rowsHolding(database, [WORDS])).toEqual([]);
  });

  it("keeps the mentor's check-in and evaluation at zcu, gives the office codes, and closes COMPLETED", async () => {
    const CHECK_IN = `mutation($p: ID!, $t: ID!) { answerCheckIn(participantId: $p, tandemId: $t, input: { satisfaction: 2, onTrack: true, contactRequested: false }) { dueOn } }`;
    const [activated] = await e2e.databases.query<{ check_ins_due: string[] }>("node_zcu", `SELECT check_ins_due FROM active_tandems WHERE tandem_id = $1`, [tandemId]);
    const due = activated!.check_ins_due[0]!;
    if (due <= new Date().toISOString().slice(0, 10)) {
      await asPerson(e2e, jiri).data(CHECK_IN, { p: jiri.id, t: tandemId });
      const flagged = await eventually(
        async () => (await e2e.as(who.jointCoordinator()).data(ATTENTION, { c: cohortId })).tandemsNeedingAttention.edges,
        (edges) => edges.length > 0,
      );
      expect(flagged[0].node).toEqual({ tandemId, side: "MENTOR", reasons: ["LOW_SATISFACTION"] });
    } else {
      // the cohort's mid-point lies ahead: no check-in is open yet
      expect((await asPerson(e2e, jiri).gateway(CHECK_IN, { p: jiri.id, t: tandemId })).errors?.[0]?.extensions).toMatchObject({ code: "CHECK_IN_NOT_DUE", node: "zcu" });
    }
    const EVALUATE = `mutation($p: ID!, $t: ID!, $c: String!) { submitEvaluation(participantId: $p, tandemId: $t, input: { goals: [{ key: "short-1", achievement: FULLY }], programmeRating: 5, comment: $c }) { side } }`;
    expect((await asPerson(e2e, jiri).data(EVALUATE, { p: jiri.id, t: tandemId, c: COMMENT })).submitEvaluation.side).toBe("MENTOR");
    await e2e.as(who.jointCoordinator()).data(`mutation($id: ID!) { closeTandem(id: $id, reason: COMPLETED) { status } }`, { id: tandemId });
    const closed = await eventually(
      async () => (await e2e.as(who.jointCoordinator()).data(TALLY, { id: tandemId })).tandem,
      (tandem) => tandem.evaluations.length === 1,
    );
    expect(closed).toMatchObject({ status: "CLOSED", closeReason: "COMPLETED", evaluations: [{ side: "MENTOR", programmeRating: 5, goals: [{ key: "short-1", achievement: "FULLY" }] }] });
    // nothing the pair wrote is stored at the office (nor at the third node)
    for (const database of ["coordination", "node_othaw"]) expect(await e2e.databases.rowsHolding(database, [NOTE, COMMENT, "interview practice"])).toEqual([]);
  });
});
