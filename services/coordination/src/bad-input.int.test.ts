/**
 * The bad-input sweep at the coordination office: every mutation of its
 * schema, each argument and input field in turn holding a NUL byte, only
 * spaces, 20 000 characters, an unknown enum value, an extreme number, a
 * malformed id, an id of an unknown or another party, or an id nothing has.
 * No answer may be a 5xx or INTERNAL_SERVER_ERROR; every refusal of an input
 * names the field. Cases come from the schema, so a new mutation is swept
 * too; it only needs a baseline below when the generated one is not valid.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Caller } from "@tandem/shared";
import { as, sweepMutations, sweepProblems, type Variables } from "@tandem/shared/testkit";
import { buildCoordinationSubgraph } from "./schema.js";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";
import { acceptByBoth, cohortInput, createCohort, createPeerGroup, enrolNew, openSurvey, participantId, programmeInput, proposeNew, seedCohort, surveyInput } from "../test/fixtures.js";

const { schema } = await buildCoordinationSubgraph();
const MUTATIONS = Object.keys(schema.getMutationType()!.getFields());
const PSEUDONYM = (letter: string) => `mp1.${letter.repeat(24)}`;
/** Texts in other languages, so that each field of a translation is swept beside valid ones (README: Languages). */
const TRANSLATED = {
  language: "en",
  translations: [{ language: "de", name: "Grenzüberschreitendes Mentoring", description: "Mentoring über Grenzen hinweg." }],
  tracks: [
    { code: "health", name: "Health and care", translations: [{ language: "de", name: "Gesundheit und Pflege" }] },
    { code: "engineering", name: "Engineering", translations: [{ language: "cs", name: "Inženýrství" }] },
  ],
};

let service: TestCoordination;
let baselines: Record<string, Variables>;
let callers: Record<string, Caller>;

beforeAll(async () => {
  service = await startTestCoordination();
  const { programme, cohort } = await seedCohort(service, {}, 8);
  const withdrawn = await enrolNew(service, cohort.id, "hst", "MENTEE");
  const [enrolment] = (await service.sql<{ id: string }>("SELECT id FROM enrolments WHERE participant_id = $1", [withdrawn])).map((row) => `coord:enrolment:${row.id}`);
  const [proposed, accepted, closing] = [await proposeNew(service, cohort.id), await proposeNew(service, cohort.id), await proposeNew(service, cohort.id)];
  await acceptByBoth(service, accepted);
  await acceptByBoth(service, closing);
  const mediated = await acceptByBoth(service, await proposeNew(service, cohort.id));
  const { data } = await service.query(`mutation($t: ID!) { openMediationCase(input: { tandemId: $t, concern: OTHER }) { id } }`, { t: mediated.id });
  const rule = `coord:matching-rule:${randomUUID()}`;
  const draft = await createCohort(service, programme.id, { name: "Draft 2027/28" });
  const [openId, closedId] = [await openSurvey(service, cohort.id), await openSurvey(service, cohort.id, true)];
  const [formed, open] = [await createPeerGroup(service, cohort.id), await createPeerGroup(service, cohort.id, { name: "Open circle", mode: "OPEN" })];
  const [invitee, joiner] = [await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTEE")];
  await service.query(`mutation($g: ID!, $p: ID!) { addPeerGroupMember(peerGroupId: $g, participantId: $p) { id } }`, { g: formed, p: invitee });
  baselines = {
    createPeerGroup: { input: { cohortId: cohort.id, name: "Writing circle", topic: "Theses", mode: "OPEN", sizeLimit: 8 } },
    addPeerGroupMember: { peerGroupId: formed, participantId: await enrolNew(service, cohort.id, "zcu", "MENTEE") },
    joinPeerGroup: { peerGroupId: open, participantId: joiner },
    leavePeerGroup: { peerGroupId: formed, participantId: invitee },
    setPeerMeetingsCount: { programmeId: programme.id, count: true },
    openInterestSurvey: { input: surveyInput(cohort.id) },
    closeInterestSurvey: { id: openId },
    chooseTrainings: { surveyId: closedId, topicCodes: ["NEGOT"], obligation: "MANDATORY" },
    createCohort: { input: cohortInput(programme.id, { name: "2027/28", language: "en", translations: [{ language: "de", name: "Jahrgang 2027/28" }] }) },
    updateCohort: {
      id: draft.id,
      input: {
        name: draft.name,
        language: "en",
        translations: [{ language: "cs", name: "Ročník 2027/28" }],
        startsOn: draft.startsOn,
        endsOn: draft.endsOn,
        applicationsOpenAt: draft.applicationsOpenAt,
        applicationsCloseAt: draft.applicationsCloseAt,
        quotas: cohortInput(programme.id).quotas,
      },
    },
    advanceCohort: { id: cohort.id, to: "MATCHING" },
    updateProgramme: {
      id: programme.id,
      input: {
        ...programmeInput({ name: programme.name, crossBorderRule: "NONE", ...TRANSLATED }),
        eligibility: { mentee: { minSemester: [{ degreeLevel: "BACHELOR", minSemester: 3 }] }, mentor: { backgrounds: ["PROFESSIONAL"], minExperienceYears: 5 }, languages: ["en"] },
        reviewer: "HOME_NODE",
      },
    },
    enrol: { input: { cohortId: cohort.id, participantId: participantId("hst"), role: "MENTOR", track: "health" } },
    withdrawEnrolment: { id: enrolment },
    eraseCoordinationRecords: { participantId: participantId("hst") },
    respondToProposal: { proposalId: `coord:matching-proposal:${randomUUID()}`, accept: true, pseudonymProof: "not.a.proof" },
    startMatchingRound: { cohortId: cohort.id, scope: "FULL" },
    updateMatchingWeights: { programmeId: programme.id, weights: { track: 3, discipline: 3, goals: 2, experienceGap: 1, formatRegion: 1, languageDepth: 1 } },
    pinPair: { cohortId: cohort.id, menteePseudonym: PSEUDONYM("a"), mentorPseudonym: PSEUDONYM("b") },
    banPair: { cohortId: cohort.id, menteePseudonym: PSEUDONYM("c"), mentorPseudonym: PSEUDONYM("d") },
    removePinOrBan: { id: rule },
    createProgramme: { input: programmeInput({ crossBorderRule: "DIFFERENT_NODE", ...TRANSLATED }) },
    proposeTandem: { input: { cohortId: cohort.id, menteeId: await enrolNew(service, cohort.id, "hst", "MENTEE"), mentorId: await enrolNew(service, cohort.id, "zcu", "MENTOR") } },
    respondToTandem: { id: proposed.id, accept: true },
    activateTandem: { id: accepted.id },
    closeTandem: { id: closing.id, reason: "COMPLETED" },
    setCheckInInterval: { programmeId: programme.id, everyWeeks: 4 },
    setCompletionRules: { programmeId: programme.id, input: { mentee: [{ code: "MEETINGS_LOGGED", count: 6 }], mentor: [{ code: "AGREEMENT_SIGNED", count: null }] } },
    openMediationCase: { input: { tandemId: accepted.id, concern: "COMMUNICATION", mediator: "JOINT_OFFICE" } },
    resolveMediationCase: { id: (data as { openMediationCase: { id: string } }).openMediationCase.id, outcome: "RESOLVED" },
  };
  callers = {
    joinPeerGroup: as.participant(joiner, "mentee"),
    leavePeerGroup: as.participant(invitee, "mentee"),
    eraseCoordinationRecords: as.nodeCoordinator("hst"),
    respondToProposal: as.participant(participantId("hst")),
    respondToTandem: as.participant(proposed.menteeId),
  };
});
afterAll(() => service?.stop());

it.each(MUTATIONS)("%s: no bad input gets a 500, and every refusal names the field", async (mutation) => {
  const [swept] = sweepMutations(schema, { baselines, nodes: { self: "coord", other: "hst", unknown: "mars" } }).filter((entry) => entry.name === mutation);
  const problems = await sweepProblems(swept!, async (name, query, variables) => service.as(callers[name] ?? as.jointCoordinator()).query(query, variables));
  expect(problems).toEqual([]);
});
