/**
 * Completion rules evaluated at each person's home node (issue 15), over
 * the facts it holds: the office's signed rules, the tandem's agreement,
 * meetings (at the mentor's home node: the mentee's node's signed tally),
 * evaluations and the programme package. Each rule open, then held.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof, type CompletionRules } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createEvent, createParticipant, firstError, ok, register } from "../../../test/fixtures.js";
import { cohortStateProof } from "../../../test/applications.js";
import { deliverFacts, dayFromToday } from "../../../test/tandems.js";
import { DRAFT_AGREEMENT, SIGN_AGREEMENT, agreementInput } from "../../../test/agreements.js";
import { RECORD_ATTENDANCE, enrolHere, startNow } from "../../../test/programme.js";
import { checkCompletion } from "./completion-check.js";

const PROGRESS = `query($p: ID!, $c: ID!, $l: String!) { completionProgress(participantId: $p, cohortId: $c, language: $l) { participantId cohortId role rulesVersion complete rules { code text holds required actual } } }`;
const LOG = `mutation($m: ID!, $t: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $input) { id } }`;
const EVALUATE = `mutation($p: ID!, $t: ID!, $input: EvaluationInput!) { submitEvaluation(participantId: $p, tandemId: $t, input: $input) { side } }`;
const evaluation = {
  goals: [
    { key: "short-1", achievement: "FULLY" },
    { key: "long-1", achievement: "PARTLY" },
  ],
  programmeRating: 5,
  comment: "",
};

export const TEST_COMPLETION_RULES: CompletionRules = {
  mentee: [
    { code: "AGREEMENT_SIGNED", count: null },
    { code: "KICK_OFF_ATTENDED", count: null },
    { code: "MANDATORY_TRAININGS_ATTENDED", count: 1 },
    { code: "MEETINGS_LOGGED", count: 2 },
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
    { code: "CLOSING_ATTENDED", count: null },
    { code: "PACKAGE_COMPLETE", count: null },
  ],
  mentor: [
    { code: "AGREEMENT_SIGNED", count: null },
    { code: "MEETINGS_LOGGED", count: 2 },
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
  ],
};

describe("checkCompletion at the home node", () => {
  let hst: TestNode;
  let zcu: TestNode;
  let mentee: string;
  let mentor: string;
  const programmeId = `coord:programme:${randomUUID()}`;
  const cohortId = `coord:cohort:${randomUUID()}`;
  const uuid = randomUUID();
  const tandemId = `coord:tandem:${uuid}`;
  const agreementId = `hst:agreement:${uuid}`;
  let versionHash: string;
  const coord = (node: TestNode, claims: Parameters<typeof signProof>[2]) => signProof(node.trust.keys.get("coord")!, "coord", claims);
  const rulesProof = (node: TestNode, version: number, completion?: unknown, signer = "coord") =>
    signProof(node.trust.keys.get(signer)!, signer, {
      type: ProofType.PROGRAMME_RULES,
      programmeId,
      version,
      rules: { mentee: { minSemester: { MASTER: 1 } }, mentor: { backgrounds: ["PROFESSIONAL"], minExperienceYears: null }, languages: [] },
      reviewer: "HOME_NODE",
      participatingNodeIds: ["hst", "zcu"],
      trackCodes: ["health"],
      ...(completion ? { completion } : {}),
    } as never);
  const check = (node: TestNode, participantId: string, language: "de" | "en" | "fr" | "cs" = "en") =>
    node.node.database.dataSource.transaction((manager) => checkCompletion(manager, participantId, cohortId, language));
  const codes = (outcomes: { code: string }[]) => outcomes.map((outcome) => outcome.code);
  let delivered = 0;
  /** Hands zcu what hst wrote for it (agreement versions, meeting tallies), as the gateway does. */
  const deliverHstToZcu = async () => {
    const rows = await hst.sql<{ proof: string }>(`SELECT proof FROM facts WHERE receiver = 'zcu' ORDER BY seq OFFSET $1`, [delivered]);
    delivered += rows.length;
    if (rows.length)
      await deliverFacts(
        zcu,
        "hst",
        rows.map((row) => row.proof),
      );
  };

  beforeAll(async () => {
    [hst, zcu] = [await startTestNode("hst"), await startTestNode("zcu")];
    mentee = (await createParticipant(hst, { displayName: "Greta Lindqvist" })).id;
    mentor = (await createParticipant(zcu, { role: "MENTOR", displayName: "Petr Novák" })).id;
    await enrolHere(hst, mentee, cohortId, "MENTEE");
    await enrolHere(zcu, mentor, cohortId, "MENTOR");
    for (const node of [hst, zcu]) await deliverFacts(node, "coord", [await rulesProof(node, 1), await cohortStateProof(node, { cohortId, programmeId, state: "RUNNING" })]);
  });
  afterAll(async () => {
    await hst?.stop();
    await zcu?.stop();
  });

  it("holds nothing complete while the node was told no completion rules, and a forged or malformed statement of them changes nothing", async () => {
    expect(await check(hst, mentee)).toEqual({ role: "MENTEE", met: [], open: [{ code: "RULES_NOT_SET", text: "The programme's completion rules have not reached this university yet" }] });
    // rules signed by anyone but the office, or naming a rule the contract has not, are refused: the node evaluates only what the office said
    const forged = await rulesProof(hst, 2, { mentee: [{ code: "AGREEMENT_SIGNED", count: null }], mentor: [{ code: "AGREEMENT_SIGNED", count: null }] }, "zcu");
    const unknownRule = await rulesProof(hst, 2, { mentee: [{ code: "SHOWED_UP_ONCE", count: null }], mentor: [{ code: "AGREEMENT_SIGNED", count: null }] });
    for (const proof of [forged, unknownRule]) {
      const answer = await hst.as(as.system()).query(`mutation($f: [FactInput!]!) { receiveFacts(node: "hst", source: "zcu", facts: $f) { applied refused } }`, { f: [{ seq: "1", proof }] });
      expect(JSON.stringify(answer)).toMatch(/"refused":1|"errors"/);
    }
    expect(codes((await check(hst, mentee)).open)).toEqual(["RULES_NOT_SET"]);
    expect(await hst.sql(`SELECT version FROM programme_rules WHERE programme_id = $1`, [programmeId])).toEqual([{ version: 1 }]);
  });

  it("throws NOT_FOUND naming cohortId for a person not enrolled in the cohort", async () => {
    const other = (await createParticipant(hst, { displayName: "Jonas Weber" })).id;
    await expect(check(hst, other)).rejects.toMatchObject({ extensions: { code: "NOT_FOUND", field: "cohortId" } });
    await expect(check(hst, mentor)).rejects.toMatchObject({ extensions: { code: "NOT_FOUND", field: "cohortId" } });
    // enrolled by a coordinator, without an application: the office's word of her tandem in the cohort says she is, and as what
    const direct = (await createParticipant(hst, { displayName: "Lena Vogt" })).id;
    await deliverFacts(hst, "coord", [
      await coord(hst, { type: ProofType.TANDEM_ACTIVATED, tandemId: `coord:tandem:${randomUUID()}`, cohortId, menteeId: direct, mentorId: mentor, startedOn: dayFromToday(-3), checkInsDue: [] }),
    ]);
    expect(await check(hst, direct)).toMatchObject({ role: "MENTEE", met: [] });
    // the mentor is in the tandem too, but not this node's: not enrolled here
    await expect(check(hst, mentor)).rejects.toMatchObject({ extensions: { code: "NOT_FOUND", field: "cohortId" } });
  });

  it("evaluates each of the mentee's rules over the facts at her home node: open, then held", async () => {
    for (const node of [hst, zcu]) await deliverFacts(node, "coord", [await rulesProof(node, 2, TEST_COMPLETION_RULES)]);
    expect(await check(hst, mentee)).toEqual({
      role: "MENTEE",
      met: [{ code: "PACKAGE_COMPLETE", text: "Programme package complete (no mandatory event open)" }],
      open: [
        { code: "AGREEMENT_SIGNED", text: "Tandem agreement signed" },
        { code: "KICK_OFF_ATTENDED", text: "Kick-off attended" },
        { code: "MANDATORY_TRAININGS_ATTENDED", text: "At least 1 mandatory training attended (0 so far)" },
        { code: "MEETINGS_LOGGED", text: "At least 2 meetings logged (0 so far)" },
        { code: "FINAL_EVALUATION_SUBMITTED", text: "Final evaluation submitted" },
        { code: "CLOSING_ATTENDED", text: "Closing event attended" },
      ],
    });

    // the tandem: accepted, the agreement drafted and signed by both, started
    for (const node of [hst, zcu]) await deliverFacts(node, "coord", [await coord(node, { type: ProofType.TANDEM_ACCEPTED, tandemId, menteeId: mentee, mentorId: mentor })]);
    versionHash = (await ok(hst.as(as.participant(mentee)), DRAFT_AGREEMENT, { id: agreementId, input: agreementInput() })).draftAgreement.versionHash as string;
    await ok(hst.as(as.participant(mentee)), SIGN_AGREEMENT, { p: mentee, a: agreementId, h: versionHash });
    for (const node of [hst, zcu])
      await deliverFacts(node, "coord", [
        await coord(node, { type: ProofType.TANDEM_ACTIVATED, tandemId, cohortId, menteeId: mentee, mentorId: mentor, startedOn: dayFromToday(-30), checkInsDue: [dayFromToday(-1)] }),
      ]);
    expect(codes((await check(hst, mentee)).met)).toEqual(["AGREEMENT_SIGNED", "PACKAGE_COMPLETE"]);

    // the programme's events at her home node: a mandatory kick-off and training open the package until attended
    const link = (obligation: string, audience: string) => ({ cohorts: [{ cohortId, obligation, audience }] });
    const kickOff = await createEvent(hst, { kind: "KICK_OFF", title: "Kick-off", ...link("MANDATORY", "BOTH") });
    const training = await createEvent(hst, { kind: "TRAINING", title: "Negotiating", ...link("MANDATORY", "MENTEES") });
    const closing = await createEvent(hst, { kind: "CLOSING", title: "Closing ceremony", ...link("VOLUNTARY", "BOTH") });
    expect((await check(hst, mentee)).open.find((rule) => rule.code === "PACKAGE_COMPLETE")).toEqual({ code: "PACKAGE_COMPLETE", text: "Programme package complete (2 mandatory events open)" });
    const attend = async (eventId: string) => {
      const registration = (await register(hst, eventId, mentee)) as { id: string };
      await startNow(hst, eventId);
      await ok(hst, RECORD_ATTENDANCE, { id: registration.id, a: "ATTENDED" });
    };
    await attend(kickOff.id);
    expect(codes((await check(hst, mentee)).met)).toEqual(["AGREEMENT_SIGNED", "KICK_OFF_ATTENDED"]);
    await attend(training.id);
    expect(codes((await check(hst, mentee)).met)).toEqual(["AGREEMENT_SIGNED", "KICK_OFF_ATTENDED", "MANDATORY_TRAININGS_ATTENDED", "PACKAGE_COMPLETE"]);
    await attend(closing.id);

    const meeting = { format: "ONLINE", durationMinutes: 60, topics: ["thesis plan"], notes: "" };
    await ok(hst.as(as.participant(mentee)), LOG, { m: mentee, t: tandemId, input: { ...meeting, heldOn: dayFromToday(-20) } });
    expect((await check(hst, mentee)).open.find((rule) => rule.code === "MEETINGS_LOGGED")?.text).toBe("At least 2 meetings logged (1 so far)");
    await ok(hst.as(as.participant(mentee)), LOG, { m: mentee, t: tandemId, input: { ...meeting, heldOn: dayFromToday(-5) } });
    expect(codes((await check(hst, mentee)).open)).toEqual(["FINAL_EVALUATION_SUBMITTED"]);

    await ok(hst.as(as.participant(mentee)), EVALUATE, { p: mentee, t: tandemId, input: evaluation });
    const done = await check(hst, mentee, "de");
    expect(done.open).toEqual([]);
    expect(done.met.map((rule) => rule.text)).toEqual([
      "Tandemvereinbarung unterschrieben",
      "An der Auftaktveranstaltung teilgenommen",
      "An mindestens 1 Pflichttraining teilgenommen (bisher 1)",
      "Mindestens 2 Treffen protokolliert (bisher 2)",
      "Abschlussevaluation abgegeben",
      "An der Abschlussveranstaltung teilgenommen",
      "Programmpaket vollständig (keine Pflichtveranstaltung offen)",
    ]);
  });

  it("evaluates the mentor's rules at his home node, counting the meetings the mentee's node signed a tally of", async () => {
    expect(await check(zcu, mentor)).toMatchObject({
      role: "MENTOR",
      met: [],
      open: [{ code: "AGREEMENT_SIGNED" }, { code: "MEETINGS_LOGGED", text: "At least 2 meetings logged (0 so far)" }, { code: "FINAL_EVALUATION_SUBMITTED" }],
    });
    await deliverHstToZcu();
    await ok(zcu.as(as.participant(mentor, "mentor")), SIGN_AGREEMENT, { p: mentor, a: agreementId, h: versionHash });
    expect(codes((await check(zcu, mentor)).met)).toEqual(["AGREEMENT_SIGNED", "MEETINGS_LOGGED"]);
    await ok(zcu.as(as.participant(mentor, "mentor")), EVALUATE, { p: mentor, t: tandemId, input: evaluation });
    expect(await check(zcu, mentor, "fr")).toMatchObject({
      role: "MENTOR",
      open: [],
      met: [{ text: "Convention de tandem signée" }, { text: "Au moins 2 rencontres consignées (2 jusqu’ici)" }, { text: "Évaluation finale remise" }],
    });
    // a stale tally (a lower revision) does not lower the count
    const stale = { type: ProofType.MEETING_TALLY, tandemId, menteeId: mentee, meetings: 0, confirmed: 0, lastMeetingOn: null, revision: 1 } as const;
    await deliverFacts(zcu, "hst", [await signProof(hst.trust.keys.get("hst")!, "hst", stale)]);
    expect(await zcu.sql(`SELECT told_meetings FROM active_tandems WHERE tandem_id = $1`, [tandemId])).toEqual([{ told_meetings: 2 }]);
  });

  it("shows the person, their home node's coordinators and joint coordinators which rules hold (completionProgress), no one else", async () => {
    const read = (caller: Parameters<TestNode["as"]>[0], variables: Record<string, unknown> = {}) => hst.as(caller).query(PROGRESS, { p: mentee, c: cohortId, l: "cs", ...variables });
    const expected = {
      participantId: mentee,
      cohortId,
      role: "MENTEE",
      rulesVersion: 2,
      complete: true,
      rules: expect.arrayContaining([
        { code: "MEETINGS_LOGGED", text: "Zaznamenáno alespoň 2 setkání (zatím 2)", holds: true, required: 2, actual: 2 },
        { code: "AGREEMENT_SIGNED", text: "Tandemová dohoda podepsána", holds: true, required: null, actual: null },
      ]),
    };
    for (const caller of [as.participant(mentee), as.nodeCoordinator("hst"), as.jointCoordinator()])
      expect((await ok(hst.as(caller), PROGRESS, { p: mentee, c: cohortId, l: "cs" })).completionProgress).toEqual(expected);
    for (const caller of [as.participant(mentor, "mentor"), as.nodeCoordinator("zcu"), as.participant((await createParticipant(hst, { displayName: "Jonas Weber" })).id)]) {
      expect(firstError(await read(caller))).toMatchObject({ code: "FORBIDDEN", rule: "completion.read" });
    }
    expect(firstError(await read(as.participant(mentee), { l: "it" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "language" });
    expect(firstError(await read(as.participant(mentee), { c: `coord:cohort:${randomUUID()}` }))).toMatchObject({ code: "NOT_FOUND", field: "cohortId" });
    // the mentor's own, at his home node
    expect((await ok(zcu.as(as.participant(mentor, "mentor")), PROGRESS, { p: mentor, c: cohortId, l: "en" })).completionProgress).toMatchObject({ role: "MENTOR", complete: true });
  });
});
