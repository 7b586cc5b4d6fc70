/**
 * Completion rules end to end (issue 15): a joint coordinator sets a
 * programme's completion rules at the office; the signed programme-rules
 * fact reaches both home nodes; each partner's progress is decided at their
 * own node, the mentor's meetings from the mentee's node's signed tally.
 * Only codes and counts cross between parties: the rules' sentences and
 * names stay between a home node and the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";
import { RESPOND, asPerson, createCohort, createPerson, proposeTandem, type Created } from "./scenario.js";

const NODES = ["hst", "zcu"];
const SET = `mutation($p: ID!, $input: CompletionRulesInput!) { setCompletionRules(programmeId: $p, input: $input) { rulesVersion } }`;
const PROGRESS = `query($p: ID!, $c: ID!, $l: String!) { completionProgress(participantId: $p, cohortId: $c, language: $l) { role rulesVersion complete rules { code text holds required actual } } }`;
const LOG = `mutation($m: ID!, $t: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $input) { id } }`;
const RULES = {
  mentee: [{ code: "MEETINGS_LOGGED", count: 1 }, { code: "FINAL_EVALUATION_SUBMITTED" }],
  mentor: [{ code: "MEETINGS_LOGGED", count: 1 }],
};
type Progress = { role: string; rulesVersion: number | null; complete: boolean; rules: { code: string; text: string; holds: boolean; required: number | null; actual: number | null }[] };

let e2e: E2EConsortium;
let recording: RecordingGateway;
let mira: Created, jiri: Created;
let cohortId: string;
let tandemId: string;

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  recording = await startRecordingGateway(e2e, 0);
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
    createPerson(e2e, { node: "zcu", role: "MENTOR", displayName: "Jiří Novák", email: "jiri.novak@skoda.zcu.example", phone: "+420 377 100 411", organisation: "Škoda", about: "Drives" }),
  ]);
  cohortId = await createCohort(e2e, "Completion decided at home", NODES);
  tandemId = await proposeTandem(e2e, cohortId, mira, jiri);
  for (const person of [mira, jiri]) await asPerson(e2e, person).data(RESPOND, { id: tandemId, accept: true });
  await e2e.as(who.jointCoordinator()).data(`mutation($id: ID!) { activateTandem(id: $id, overrideReason: "Signed on paper at the kick-off") { status } }`, { id: tandemId });
}, 180_000);

afterAll(async () => {
  await recording?.stop();
  await e2e?.stop();
});

describe("completion rules across the office and two home nodes", () => {
  const progress = (person: Created, role: "mentee" | "mentor", language = "en") =>
    recording.as(role === "mentee" ? who.mentee(person.id) : who.mentor(person.id)).data(PROGRESS, { p: person.id, c: cohortId, l: language }) as Promise<{ completionProgress: Progress }>;

  it("decides each partner's rules at their home node, from the office's signed rules and the mentee's node's tally", async () => {
    const { cohort } = await e2e.as(who.jointCoordinator()).data(`query($c: ID!) { cohort(id: $c) { programmeId } }`, { c: cohortId });
    recording.clear();
    // before the office set any, no one completes
    expect((await progress(mira, "mentee")).completionProgress).toMatchObject({ rulesVersion: null, complete: false, rules: [{ code: "RULES_NOT_SET", holds: false }] });
    expect((await recording.as(who.jointCoordinator()).data(SET, { p: cohort.programmeId, input: RULES })).setCompletionRules.rulesVersion).toBe(2);
    const told = await eventually(
      async () => (await progress(mira, "mentee", "de")).completionProgress,
      (value) => value.rulesVersion === 2,
    );
    expect(told.rules).toEqual([
      { code: "MEETINGS_LOGGED", text: "Mindestens 1 Treffen protokolliert (bisher 0)", holds: false, required: 1, actual: 0 },
      { code: "FINAL_EVALUATION_SUBMITTED", text: "Abschlussevaluation abgegeben", holds: false, required: null, actual: null },
    ]);

    const today = new Date().toISOString().slice(0, 10);
    await recording.as(who.mentee(mira.id)).data(LOG, { m: mira.id, t: tandemId, input: { heldOn: today, format: "ONLINE", durationMinutes: 45, topics: ["thesis"], notes: "Mira's secret plan" } });
    expect((await progress(mira, "mentee")).completionProgress.rules[0]).toMatchObject({ code: "MEETINGS_LOGGED", holds: true, actual: 1 });
    const mentor = await eventually(
      async () => (await progress(jiri, "mentor", "cs")).completionProgress,
      (value) => value.complete,
    );
    expect(mentor).toEqual({
      role: "MENTOR",
      rulesVersion: 2,
      complete: true,
      rules: [{ code: "MEETINGS_LOGGED", text: "Zaznamenáno alespoň 1 setkání (zatím 1)", holds: true, required: 1, actual: 1 }],
    });

    // the sentences, names and the note stay between each home node and the gateway: the office and the partner's node see codes and counts
    const exchanges = recording.exchanges();
    const secrets = ["Mindestens 1 Treffen", "Zaznamenáno", "at least", "Mira Hoffmann", "Jiří Novák", "Mira's secret plan"];
    const leaks = exchanges.filter((exchange) => exchange.party === "coord" && secrets.some((text) => exchange.requestBody.includes(text) || exchange.responseBody.includes(text)));
    expect(leaks.map((exchange) => `${exchange.party} ${exchange.path}`)).toEqual([]);
    expect(exchanges.filter((exchange) => exchange.party === "zcu" && exchange.requestBody.includes("Mira's secret plan"))).toEqual([]);
    for (const database of ["coordination", "node_zcu"]) expect(await e2e.databases.rowsHolding(database, ["Mira's secret plan", "Mindestens 1 Treffen"])).toEqual([]);
  });
});
