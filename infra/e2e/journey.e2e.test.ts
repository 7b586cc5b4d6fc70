/**
 * Issue 13's journey end to end: a mentee at hst and a mentor at zcu (othaw a
 * bystander node), the coordination office and one gateway, real processes.
 * Both accept their tandem; the mentee drafts the agreement, the mentor edits
 * it, both sign the same version at home and their signatures start the
 * tandem (no coordinator does); the mentee logs meetings, the mentor confirms
 * them; each answers a check-in and a final evaluation of the agreed goals;
 * the office closes it COMPLETED. Then, in a second cohort, a matched tandem
 * is mediated to a re-match and the next REMATCH_POOL round places its
 * mentee with a new mentor and its old mentor with a newcomer. The
 * consortium's only gateway records every byte between the parties (calls,
 * facts, change feeds): after every step, nothing the pair wrote has reached
 * the office, the other node or the bystander, or is stored there. The tests
 * build on each other in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, launchE2E, who, type E2EConsortium, type Who } from "./harness.js";
import type { RecordingGateway } from "./recording-gateway.js";
import { COMPRESSED_MESSAGE } from "./recording-websockets.js";
import { crossings, leaksOf, recordEverything, refusal, signedClaimsIn, type Guarded } from "./applications-scenario.js";
import { RESPOND, asPerson, consentToMatching, createCohort, createPerson, proposeTandem, pseudonymOf, runRound, type Created, type Person } from "./scenario.js";

const NODES = ["hst", "zcu", "othaw"];
const DAY_MS = 24 * 3600_000;
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** The tandem starts today, so its meetings are dated today (none before the start). */
const today = () => dayFromToday(0);

/** Everything the pair writes: distinctive, to be looked for in every recorded byte and every stored row. */
const AGREEMENT = {
  menteesShortGoal: "Calibrate the Moselle vineyard drone cameras before the spring harvest trials.",
  longGoal: "Run a precision viticulture consultancy between Trier and Plzen by 2032.",
  mentorsShortGoal: "Shadow the Plzen drone workshop for a week to learn multispectral repairs.",
  frequency: "every second Thursday after the vineyard seminar",
  feedbackForm: "A voice memo about the drone log after every meeting",
};
const MEETINGS = [
  { topic: "multispectral lens fogging", notes: "Greta admitted the drone crashed into the Piesport slope twice" },
  { topic: "grant pitch for the Mosel LEADER fund", notes: "Tomas thinks the LEADER budget table hides the battery costs" },
];
const COMMENTS = { mentee: "Tomas taught me to fly over the Zeltinger Sonnenuhr at dawn", mentor: "Greta's harvest model will outlive my own drones" };
const GOALS = ["short-1", "short-2", "long-1"];

const AGREEMENT_FIELDS = `id status version versionHash authorId shortTermGoals { text } longTermGoals { text } frequency feedbackForm`;
const READ_AGREEMENT = `query($id: ID!) { agreement(id: $id) { ${AGREEMENT_FIELDS} } }`;
const PARTNER_READS = `query($id: ID!, $mentee: ID!) { agreement(id: $id) { ${AGREEMENT_FIELDS} } participant(id: $mentee) { id disclosure { level rule } } }`;
const DRAFT = `mutation($id: ID!, $input: AgreementInput!) { draftAgreement(id: $id, input: $input) { version versionHash authorId } }`;
const REVISE = `mutation($id: ID!, $h: String!, $input: AgreementInput!) { reviseAgreement(id: $id, basedOnVersionHash: $h, input: $input) { version versionHash authorId } }`;
const SIGN = `mutation($p: ID!, $a: ID!, $h: String!) { signAgreement(participantId: $p, agreementId: $a, versionHash: $h) { role version versionHash } }`;
const TANDEM = `query($id: ID!) { tandem(id: $id) {
  status closeReason agreementId activationOverrideReason agreement { version versionHash signed }
  meetingTally { meetings confirmed lastMeetingOn } evaluations { side programmeRating goals { key achievement } } } }`;
const LOG = `mutation($m: ID!, $t: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $input) { id recordedBy confirmedAt } }`;
const CONFIRM = `mutation($id: ID!) { confirmMeeting(id: $id) { id confirmedAt } }`;
const CHECK_INS = `query($p: ID!, $t: ID!) { checkIns(participantId: $p, tandemId: $t) { openDueOn nextDueOn answers { side dueOn satisfaction } } }`;
const ANSWER = `mutation($p: ID!, $t: ID!, $input: CheckInInput!) { answerCheckIn(participantId: $p, tandemId: $t, input: $input) { side dueOn } }`;
const EVALUATE = `mutation($p: ID!, $t: ID!, $input: EvaluationInput!) { submitEvaluation(participantId: $p, tandemId: $t, input: $input) { side } }`;

const agreementInput = (shortTermGoals: string[]) => ({
  shortTermGoals: shortTermGoals.map((text) => ({ text, targetDate: "2027-05-31" })),
  longTermGoals: [{ text: AGREEMENT.longGoal }],
  contactForms: ["ONLINE", "VISIT"],
  frequency: AGREEMENT.frequency,
  feedbackForm: AGREEMENT.feedbackForm,
  additions: null,
});

let e2e: E2EConsortium;
let recording: RecordingGateway;
let mentee: Created, mentor: Created, stranger: Created;
let cohortId: string, tandemId: string, agreementId: string;

const person = (node: string, role: Person["role"], displayName: string, slug: string, extra: Record<string, unknown> = {}) =>
  createPerson(
    e2e,
    { node, role, displayName, email: `${slug}@${node}.example`, phone: `+49 651 8103 ${displayName.length}${slug.length}`, organisation: `${node} drone lab`, about: `${slug} flies` },
    extra,
  );
const as = (someone: Created) => asPerson(e2e, someone);
const joint = () => e2e.as(who.jointCoordinator());
const subjectOf = (someone: Who) => e2e.mint.claimsOf(someone).sub;
const tandem = async (id = tandemId) => (await joint().data(TANDEM, { id })).tandem;

/** The people whose names the test guards, and who besides them and their home coordinators may read them. */
const named: { person: Created; partner?: Created }[] = [];

/** Every value that must stay at its home node, and for whom that node may send it to the gateway (or take it from there). */
function guarded(): Guarded[] {
  const pair = [mentee.id, mentor.id];
  const atHst = (label: string, value: string, readers: string[] = pair) => ({ label, value, home: "hst", readers });
  return [
    ...Object.entries(AGREEMENT).map(([key, value]) => atHst(`agreement.${key}`, value)),
    ...MEETINGS.flatMap((meeting, i) => [atHst(`meeting${i}.topic`, meeting.topic), atHst(`meeting${i}.notes`, meeting.notes)]),
    atHst("mentee.comment", COMMENTS.mentee, [mentee.id]),
    { label: "mentor.comment", value: COMMENTS.mentor, home: "zcu", readers: [mentor.id] },
    ...named.flatMap(({ person: someone, partner }) =>
      (["displayName", "email", "phone"] as const).map((field) => ({
        label: `${someone.displayName}.${field}`,
        value: someone[field],
        home: someone.node,
        readers: [someone.id, subjectOf(who.coordinator(someone.node)), ...(partner ? [partner.id] : [])],
      })),
    ),
  ];
}

/**
 * After every step: no guarded value crossed to a party but its home node, or
 * to its home node for anyone but its readers (requests and answers, facts
 * spelled out, change feeds), and none is stored at the office or another node.
 */
async function expectNothingLeftHome(): Promise<void> {
  const exchanges = recording.exchanges();
  expect(exchanges.filter((exchange) => exchange.party === "coord" && exchange.status === 200).length).toBeGreaterThan(0);
  expect(exchanges.filter((exchange) => [exchange.requestBody, exchange.responseBody].some((body) => body.includes(COMPRESSED_MESSAGE)))).toEqual([]);
  expect(leaksOf(crossings(exchanges, guarded()), guarded())).toEqual([]);
  for (const database of ["coordination", ...NODES.map((node) => `node_${node}`)]) {
    const foreign = guarded().filter(({ home }) => database !== `node_${home}`);
    expect(
      await e2e.databases.rowsHolding(
        database,
        foreign.map(({ value }) => value),
      ),
    ).toEqual([]);
  }
}

/** The claims of the facts of `kind` the gateway delivered to `party` (signed tokens in receiveFacts requests). */
function factsDeliveredTo(party: string, kind: string): Record<string, unknown>[] {
  return recording
    .exchanges()
    .filter((exchange) => exchange.party === party)
    .flatMap((exchange) => signedClaimsIn(exchange.requestBody))
    .filter((claims) => claims.proof === kind);
}

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  recording = await recordEverything(e2e);
  [mentee, mentor, stranger] = await Promise.all([
    person("hst", "MENTEE", "Greta Weinsheimer", "greta.weinsheimer"),
    person("zcu", "MENTOR", "Tomáš Dvořák", "tomas.dvorak"),
    person("othaw", "MENTEE", "Olivia Schärtl", "olivia.schaertl"),
  ]);
  named.push({ person: mentee, partner: mentor }, { person: mentor, partner: mentee }, { person: stranger });
  // the cohort's mid-point is today, so the first check-in is due at once; then one every four weeks
  cohortId = await createCohort(e2e, "Drones over the vineyards", NODES, "NONE", { startsOn: dayFromToday(-60), endsOn: dayFromToday(60) });
  const { cohort } = await joint().data(`query($id: ID!) { cohort(id: $id) { programmeId } }`, { id: cohortId });
  await joint().data(`mutation($p: ID!) { setCheckInInterval(programmeId: $p, everyWeeks: 4) { checkInEveryWeeks } }`, { p: cohort.programmeId });
}, 180_000);

afterAll(async () => {
  await recording?.stop();
  await e2e?.stop();
});

describe("a tandem's journey from acceptance to its close, across two nodes", () => {
  it("is accepted by both partners, and the mentee's node opens its agreement", async () => {
    tandemId = await proposeTandem(e2e, cohortId, mentee, mentor);
    for (const partner of [mentee, mentor]) await as(partner).data(RESPOND, { id: tandemId, accept: true });
    const accepted = await tandem();
    expect(accepted).toMatchObject({ status: "ACCEPTED", agreement: null });
    agreementId = accepted.agreementId;
    expect(agreementId).toMatch(/^hst:agreement:/);
    // the acceptance reaches hst as a fact: the agreement awaits its draft
    await eventually(
      () => as(mentee).gateway(READ_AGREEMENT, { id: agreementId }),
      (result) => result.data?.agreement?.status === "AWAITING_DRAFT",
    );
    expect(factsDeliveredTo("hst", "tandem-accepted").map((claims) => claims.tandemId)).toContain(tandemId);
    await expectNothingLeftHome();
  });

  it("has its agreement drafted by the mentee and edited by the mentor, who reads it under the tandem-partner rule only", async () => {
    const drafted = (await as(mentee).data(DRAFT, { id: agreementId, input: agreementInput([AGREEMENT.menteesShortGoal]) })).draftAgreement;
    expect(drafted).toMatchObject({ version: 1, authorId: mentee.id });
    const read = await eventually(
      () => as(mentor).gateway(PARTNER_READS, { id: agreementId, mentee: mentee.id }),
      (result) => result.data?.agreement?.version === 1,
    );
    expect(read.data!.agreement.shortTermGoals).toEqual([{ text: AGREEMENT.menteesShortGoal }]);
    expect(read.data!.participant.disclosure).toEqual({ level: "TANDEM_PARTNER", rule: "disclosure.tandem-partner" });
    // nobody else reads it: not a participant of another node, not its coordinators, not either partner's, not the joint office
    for (const caller of [who.mentee(stranger.id), who.coordinator("othaw"), who.coordinator("zcu"), who.coordinator("hst"), who.jointCoordinator()]) {
      const refused = await e2e.as(caller).gateway(READ_AGREEMENT, { id: agreementId });
      expect(refused.data?.agreement ?? null, subjectOf(caller)).toBeNull();
      expect(refusal(refused)).toMatchObject({ code: "FORBIDDEN", rule: "agreement.read" });
    }

    const edited = (await as(mentor).data(REVISE, { id: agreementId, h: drafted.versionHash, input: agreementInput([AGREEMENT.menteesShortGoal, AGREEMENT.mentorsShortGoal]) })).reviseAgreement;
    expect(edited).toMatchObject({ version: 2, authorId: mentor.id });
    expect(edited.versionHash).not.toBe(drafted.versionHash);
    // the versions travel as hashes: the office and the mentor's node learn version 2, no text
    await eventually(
      async () => (await tandem()).agreement,
      (agreement) => agreement?.version === 2,
    );
    expect(factsDeliveredTo("zcu", "agreement-version").map((claims) => claims.version)).toEqual(expect.arrayContaining([1, 2]));
    await expectNothingLeftHome();
  });

  it("starts when both signed the same version at home: by the signatures' facts, without a coordinator's override", async () => {
    const { agreement } = await as(mentee).data(READ_AGREEMENT, { id: agreementId });
    const signing = await eventually(
      () => as(mentor).gateway(SIGN, { p: mentor.id, a: agreementId, h: agreement.versionHash }),
      (result) => !result.errors,
    );
    expect(signing.data!.signAgreement).toEqual({ role: "MENTOR", version: 2, versionHash: agreement.versionHash });
    expect((await as(mentee).data(SIGN, { p: mentee.id, a: agreementId, h: agreement.versionHash })).signAgreement).toMatchObject({ role: "MENTEE", version: 2 });

    const running = await eventually(tandem, (value) => value.status === "ACTIVE");
    expect(running).toMatchObject({ activationOverrideReason: null, agreement: { version: 2, versionHash: agreement.versionHash, signed: true } });
    const calls = recording.exchanges().filter((exchange) => exchange.party === "coord" && exchange.method === "POST");
    expect(calls.filter((exchange) => exchange.requestBody.includes("activateTandem"))).toEqual([]);
    expect(factsDeliveredTo("coord", "agreement-signed").map((claims) => claims.role)).toEqual(expect.arrayContaining(["MENTEE", "MENTOR"]));
    await expectNothingLeftHome();
  });

  it("keeps the meetings the mentee logs and the mentor confirms at hst, and tells the office counts", async () => {
    const ids: string[] = [];
    for (const [i, meeting] of MEETINGS.entries()) {
      const input = { heldOn: today(), format: i === 0 ? "VISIT" : "ONLINE", durationMinutes: 60, topics: [meeting.topic], notes: meeting.notes };
      // hst accepts the pair's meetings once the office's tandem-activated fact reached it
      const logged = await eventually(
        () => as(mentee).gateway(LOG, { m: mentee.id, t: tandemId, input }),
        (result) => !result.errors,
      );
      expect(logged.data!.logMeeting).toMatchObject({ recordedBy: "MENTEE", confirmedAt: null });
      ids.push(logged.data!.logMeeting.id);
    }
    for (const id of ids) expect((await as(mentor).data(CONFIRM, { id })).confirmMeeting.confirmedAt).not.toBeNull();
    const { meetingTally } = await eventually(tandem, (value) => value.meetingTally?.confirmed === 2);
    expect(meetingTally).toEqual({ meetings: 2, confirmed: 2, lastMeetingOn: today() });
    await expectNothingLeftHome();
  });

  it("has each partner answer the check-in due at the cohort's mid-point at home; the office receives codes", async () => {
    for (const [partner, satisfaction] of [
      [mentee, 4],
      [mentor, 5],
    ] as const) {
      const state = await eventually(
        async () => (await as(partner).gateway(CHECK_INS, { p: partner.id, t: tandemId })).data?.checkIns,
        (value) => value !== null && value !== undefined,
      );
      expect(state).toEqual({ openDueOn: today(), nextDueOn: dayFromToday(28), answers: [] });
      const input = { satisfaction, onTrack: true, contactRequested: false };
      expect((await as(partner).data(ANSWER, { p: partner.id, t: tandemId, input })).answerCheckIn).toEqual({ side: partner.role, dueOn: today() });
      expect(refusal(await as(partner).gateway(ANSWER, { p: partner.id, t: tandemId, input }))).toMatchObject({ code: "CHECK_IN_NOT_DUE", node: partner.node });
    }
    const records = await eventually(
      () => e2e.databases.query(`coordination`, `SELECT side, satisfaction, on_track, contact_requested FROM tandem_check_ins WHERE tandem_id = $1 ORDER BY side`, [tandemId.split(":")[2]]),
      (rows) => rows.length === 2,
    );
    expect(records).toEqual([
      { side: "MENTEE", satisfaction: 4, on_track: true, contact_requested: false },
      { side: "MENTOR", satisfaction: 5, on_track: true, contact_requested: false },
    ]);
    // an answer is its author's alone: not the partner's, not a coordinator's
    for (const caller of [who.mentor(mentor.id), who.coordinator("hst"), who.jointCoordinator()]) {
      expect(refusal(await e2e.as(caller).gateway(CHECK_INS, { p: mentee.id, t: tandemId }))).toMatchObject({ code: "FORBIDDEN", rule: "checkIn.read" });
    }
    await expectNothingLeftHome();
  });

  it("has each partner rate the agreed goals in a final evaluation at home; the comments stay there", async () => {
    const ratings = { mentee: ["FULLY", "PARTLY", "PARTLY"], mentor: ["FULLY", "FULLY", "NOT"] };
    for (const [partner, side] of [
      [mentee, "mentee"],
      [mentor, "mentor"],
    ] as const) {
      const input = { goals: GOALS.map((key, i) => ({ key, achievement: ratings[side][i] })), programmeRating: side === "mentee" ? 5 : 4, comment: COMMENTS[side] };
      expect((await as(partner).data(EVALUATE, { p: partner.id, t: tandemId, input })).submitEvaluation).toEqual({ side: partner.role });
    }
    const { evaluations } = await eventually(tandem, (value) => value.evaluations.length === 2);
    // the office keeps each side's ratings by goal key
    const goalsOf = (side: "mentee" | "mentor") => GOALS.map((key, i) => ({ key, achievement: ratings[side][i] })).sort((a, b) => a.key.localeCompare(b.key));
    expect(evaluations).toEqual(
      expect.arrayContaining([
        { side: "MENTEE", programmeRating: 5, goals: goalsOf("mentee") },
        { side: "MENTOR", programmeRating: 4, goals: goalsOf("mentor") },
      ]),
    );
    await expectNothingLeftHome();
  });

  it("closes COMPLETED; from then on the mentor no longer reads the agreement, the mentee reads it as ended", async () => {
    expect((await joint().data(`mutation($id: ID!) { closeTandem(id: $id, reason: COMPLETED) { status closeReason } }`, { id: tandemId })).closeTandem).toEqual({
      status: "CLOSED",
      closeReason: "COMPLETED",
    });
    // the tandem-ended fact reaches hst: the tandem-partner rule no longer holds for the mentor
    const refused = await eventually(
      () => as(mentor).gateway(PARTNER_READS, { id: agreementId, mentee: mentee.id }),
      (result) => result.data?.agreement === null,
    );
    expect(refusal(refused)).toMatchObject({ code: "FORBIDDEN", rule: "agreement.read" });
    expect(refused.data!.participant.disclosure.level).not.toBe("TANDEM_PARTNER");
    expect((await as(mentee).data(READ_AGREEMENT, { id: agreementId })).agreement).toMatchObject({ status: "ENDED", version: 2 });
    for (const kind of ["agreement-version", "agreement-signed", "meeting-tally", "check-in", "tandem-evaluation"]) expect(factsDeliveredTo("coord", kind).length, kind).toBeGreaterThan(0);
    // the parties' change feeds passed the recording proxies too
    expect(recording.exchanges().some((exchange) => exchange.method === "WEBSOCKET" && exchange.party === "hst" && exchange.status === 101)).toBe(true);
    await expectNothingLeftHome();
    // where it does live: at hst, and the mentor's comment at zcu
    expect(await e2e.databases.rowsHolding("node_hst", [AGREEMENT.mentorsShortGoal, MEETINGS[1]!.notes, COMMENTS.mentee])).toHaveLength(3);
    expect(await e2e.databases.rowsHolding("node_zcu", [COMMENTS.mentor])).toHaveLength(1);
  });
});

describe("mediation to a re-match", () => {
  const profile = (extra: Record<string, unknown>) => ({
    tracks: ["engineering"],
    languages: ["de", "en"],
    meetingFormat: "ONLINE",
    availabilityHoursPerMonth: 4,
    disciplineCode: "agritech",
    goalCodes: ["career-industry"],
    region: "DE-RP",
    experienceYears: 1,
    ...extra,
  });
  const RESPOND_TO_PROPOSAL = `mutation($p: ID!, $proof: String!) { respondToProposal(proposalId: $p, accept: true, pseudonymProof: $proof) { status tandemId } }`;
  const CASE = `id raisedBy raiserNodeId concern mediator outcome`;
  let rematchCohort: string;
  let nele: Created, zora: Created, zikmund: Created, hedda: Created;
  const pseudonyms = new Map<string, { pseudonym: string; proof: string }>();
  const nameOf = (pseudonym: string) => [nele, zora, zikmund, hedda].find((someone) => pseudonyms.get(someone.id)?.pseudonym === pseudonym)?.displayName ?? pseudonym;
  const join = async (someone: Created) => {
    await consentToMatching(e2e, someone, rematchCohort);
    pseudonyms.set(someone.id, await pseudonymOf(e2e, someone, rematchCohort));
  };
  /** Both partners accept a proposal, each with the proof of their own pseudonym; returns the tandem's id. */
  const acceptBoth = async (proposal: { id: string }, [first, second]: [Created, Created]) => {
    const respond = async (partner: Created) => (await as(partner).data(RESPOND_TO_PROPOSAL, { p: proposal.id, proof: pseudonyms.get(partner.id)!.proof })).respondToProposal;
    expect(await respond(first)).toMatchObject({ tandemId: null });
    return (await respond(second)).tandemId as string;
  };

  it("ends a matched tandem on RE_MATCH; the next pool round pairs its mentee anew and gives the old mentor's freed place to a newcomer", async () => {
    rematchCohort = await createCohort(e2e, "Re-matching drones", ["hst", "zcu"]);
    [nele, zora, zikmund, hedda] = await Promise.all([
      person("hst", "MENTEE", "Nele Kettenbach", "nele.kettenbach", profile({})),
      person("zcu", "MENTOR", "Zora Kubíčková", "zora.kubickova", profile({ experienceYears: 12, mentorCapacity: 1 })),
      person("zcu", "MENTOR", "Zikmund Brož", "zikmund.broz", profile({ experienceYears: 20, mentorCapacity: 1 })),
      person("hst", "MENTEE", "Hedda Lorscheider", "hedda.lorscheider", profile({ experienceYears: 2 })),
    ]);
    named.push(...[nele, zora, zikmund, hedda].map((someone) => ({ person: someone })));
    for (const someone of [nele, zora]) await join(someone);
    const first = await runRound(e2e, rematchCohort, "FULL");
    expect(first.proposals.map((proposal: any) => [nameOf(proposal.menteePseudonym), nameOf(proposal.mentorPseudonym)])).toEqual([[nele.displayName, zora.displayName]]);
    const troubled = await acceptBoth(first.proposals[0], [nele, zora]);
    expect(await tandem(troubled)).toMatchObject({ status: "ACCEPTED" });
    await expectNothingLeftHome();

    // the mentee raises a concern (a code); her partner does not see the case; the joint office mediates to a re-match
    const opened = (await as(nele).data(`mutation($t: ID!) { openMediationCase(input: { tandemId: $t, concern: EXPECTATIONS }) { ${CASE} } }`, { t: troubled })).openMediationCase;
    expect(opened).toMatchObject({ raisedBy: "MENTEE", raiserNodeId: "hst", concern: "EXPECTATIONS", mediator: "JOINT_OFFICE", outcome: null });
    const casesSeenBy = async (someone: Created) =>
      (await as(someone).data(`query($c: ID!) { mediationCases(cohortId: $c, first: 5) { edges { node { id } } } }`, { c: rematchCohort })).mediationCases.edges;
    expect([(await casesSeenBy(nele)).length, (await casesSeenBy(zora)).length]).toEqual([1, 0]);
    const closed = (await joint().data(`mutation($id: ID!) { resolveMediationCase(id: $id, outcome: RE_MATCH) { ${CASE} } }`, { id: opened.id })).resolveMediationCase;
    expect(closed.outcome).toBe("RE_MATCH");
    expect(await tandem(troubled)).toMatchObject({ status: "CLOSED", closeReason: "DISSOLVED_BY_MEDIATION" });
    const released = (await joint().data(`query($id: ID!) { matchingRound(id: $id) { proposals { tandemId releasedAt } } }`, { id: first.id })).matchingRound.proposals;
    expect(released).toEqual([{ tandemId: troubled, releasedAt: expect.any(String) }]);

    // a new mentor and a newcomer mentee join: Nele never gets Zora again, and Zora's one place is free for Hedda
    for (const someone of [zikmund, hedda]) await join(someone);
    const pool = await runRound(e2e, rematchCohort, "REMATCH_POOL");
    const pairs = pool.proposals.map((proposal: any) => [nameOf(proposal.menteePseudonym), nameOf(proposal.mentorPseudonym)]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [nele.displayName, zikmund.displayName],
        [hedda.displayName, zora.displayName],
      ]),
    );
    expect(pairs).toHaveLength(2);
    expect(pool.unmatched).toEqual([]);
    const proposalOf = (mentee: Created) => pool.proposals.find((proposal: any) => proposal.menteePseudonym === pseudonyms.get(mentee.id)!.pseudonym);
    const rematched = [await acceptBoth(proposalOf(nele), [nele, zikmund]), await acceptBoth(proposalOf(hedda), [hedda, zora])];
    for (const id of rematched) expect(await tandem(id)).toMatchObject({ status: "ACCEPTED" });
    await expectNothingLeftHome();
  });
});
