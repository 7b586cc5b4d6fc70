/**
 * The bad-input sweep at a node: every mutation of the node's schema, each
 * argument and input field in turn holding a NUL byte, only spaces, 20 000
 * characters, an unknown enum value, a malformed id, an id of an unknown or
 * another node, or an id nothing has. No answer may be a 5xx or
 * INTERNAL_SERVER_ERROR; every refusal of an input names the field. Cases
 * come from the schema, so a new mutation is swept too; it only needs a
 * baseline below when the generated one is not valid input.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signProof, type Caller } from "@tandem/shared";
import { as, sweepMutations, sweepProblems, type Variables } from "@tandem/shared/testkit";
import { buildUniversitySubgraph } from "./schema.js";
import { startTestNode, type TestNode } from "../test/test-node.js";
import { cohortId, createEvent, createParticipant, eventInput, participantInput, register, remoteParticipantId } from "../test/fixtures.js";
import { apply, applicationInput, openCohort } from "../test/applications.js";
import { agreementInput, draftedAgreement } from "../test/agreements.js";
import { activateTandemAt, dayFromToday } from "../test/tandems.js";
import { ISSUE_CODE, startNow } from "../test/programme.js";
import { enrolledParticipant, tellChosenTrainings, tellSurvey } from "../test/surveys.js";
import { describedCohort, ISSUE_CERTIFICATE, tandemInCohort } from "../test/credentials.js";

const { schema } = await buildUniversitySubgraph();
const MUTATIONS = Object.keys(schema.getMutationType()!.getFields());

let node: TestNode;
let baselines: Record<string, Variables>;
let callers: Record<string, Caller>;

beforeAll(async () => {
  node = await startTestNode("hst");
  const [mentee, erased, event, cancelled, registered] = [await createParticipant(node), await createParticipant(node), await createEvent(node), await createEvent(node), await createEvent(node)];
  const registration = await register(node, registered.id, mentee.id);
  const cohort = cohortId();
  const tandemProof = await signProof(node.trust.keys.get("coord")!, "coord", {
    type: "tandem-accepted",
    tandemId: `coord:tandem:${randomUUID()}`,
    menteeId: mentee.id,
    mentorId: remoteParticipantId("zcu"),
  });
  // texts in other languages, so that each field of a translation is swept beside valid ones (README: Languages)
  const translated = { language: "en", translations: [{ language: "de", title: "Podium und Getränke", description: "Ein Abend im Gespräch." }] };
  const { kind: _kind, ...eventChanges } = eventInput({ description: "Panel and drinks", tracks: ["health"], ...translated });
  const { role: _role, ...participantChanges } = participantInput({ phone: "+49 651 8103 0", organisation: "Klinikum Mutterhaus", about: "Health informatics student" });
  baselines = {
    recordDisclosure: { node: "hst", proof: tandemProof },
    createEvent: {
      node: "hst",
      input: eventInput({
        description: "Panel and drinks",
        onlineUrl: "https://meet.example.org/x",
        tracks: ["health"],
        cohorts: [{ cohortId: cohort, obligation: "MANDATORY", audience: "MENTEES" }],
        ...translated,
      }),
    },
    updateEvent: { id: event.id, input: { ...eventChanges, onlineUrl: "https://meet.example.org/x" } },
    cancelEvent: { id: cancelled.id, reason: "Speaker ill" },
    eraseParticipantData: { node: "hst", participantId: erased.id },
    consentToMatching: { participantId: mentee.id, cohortId: cohort },
    withdrawMatchingConsent: { participantId: mentee.id, cohortId: cohort },
    createParticipant: { node: "hst", input: participantInput({ phone: "+49 651 8103 0", organisation: "Klinikum Mutterhaus", about: "Health informatics student" }) },
    updateParticipant: { id: mentee.id, input: participantChanges },
    registerForEvent: { eventId: event.id, participantId: mentee.id },
    cancelRegistration: { id: registration.id },
  };
  const self = as.participant(mentee.id);
  const { cohortId: open } = await openCohort(node);
  const { cohortId: office } = await openCohort(node, { reviewer: "JOINT_OFFICE" });
  const [saver, submitter, withdrawer, sharer, reviewed] = [
    await createParticipant(node),
    await createParticipant(node),
    await createParticipant(node),
    await createParticipant(node),
    await createParticipant(node),
  ];
  await apply(node, withdrawer.id, open);
  await apply(node, sharer.id, office, applicationInput(), true);
  const toReview = await apply(node, reviewed.id, open);
  const newcomer = `hst:participant:${randomUUID()}`;
  Object.assign(baselines, {
    saveApplication: { participantId: saver.id, cohortId: open, input: applicationInput() },
    submitApplication: { participantId: submitter.id, cohortId: open, input: applicationInput(), shareWithJointOffice: false },
    withdrawApplication: { participantId: withdrawer.id, cohortId: open },
    withdrawJointOfficeConsent: { participantId: sharer.id, cohortId: office },
    reviewApplication: { id: toReview.id, decision: "ACCEPT", reason: "Welcome to the programme." },
    createMyProfile: { participantId: newcomer, input: participantInput({ phone: "+49 651 8103 0", organisation: "Klinikum Mutterhaus", about: "Health informatics student" }) },
  });
  callers = {
    recordDisclosure: self,
    consentToMatching: self,
    withdrawMatchingConsent: self,
    registerForEvent: self,
    cancelRegistration: self,
    saveApplication: as.participant(saver.id),
    submitApplication: as.participant(submitter.id),
    withdrawApplication: as.participant(withdrawer.id),
    withdrawJointOfficeConsent: as.participant(sharer.id),
    createMyProfile: as.participant(newcomer),
  };
  const agreement = await draftedAgreement(node, mentee.id, remoteParticipantId("zcu"));
  Object.assign(baselines, {
    // drafted already (CONFLICT), then revised once (AGREEMENT_VERSION_OUTDATED): refusals of the state, not of the input
    draftAgreement: { id: agreement.agreementId, input: agreementInput({ additions: "We meet at the library." }) },
    reviseAgreement: { id: agreement.agreementId, basedOnVersionHash: agreement.versionHash, input: agreementInput({ additions: "We meet at the library." }) },
    signAgreement: { participantId: mentee.id, agreementId: agreement.agreementId, versionHash: agreement.versionHash },
  });
  Object.assign(callers, { draftAgreement: self, reviseAgreement: self, signAgreement: self });
  const tandem = await activateTandemAt(node, { menteeId: mentee.id, mentorId: remoteParticipantId("zcu") });
  const meetingInput = { heldOn: dayFromToday(-1), format: "ONLINE", durationMinutes: 30, topics: ["thesis plan"], notes: "Went well." };
  const meeting = await node
    .as(self)
    .query(`mutation($m: ID!, $t: ID!, $i: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $i) { id } }`, { m: mentee.id, t: tandem.tandemId, i: meetingInput });
  Object.assign(baselines, {
    logMeeting: { menteeId: mentee.id, tandemId: tandem.tandemId, input: meetingInput },
    confirmMeeting: { id: meeting.data!.logMeeting.id },
  });
  // an answer to the check-in due yesterday (the sweep's first valid call answers it; the later ones are refused as answered)
  Object.assign(baselines, { answerCheckIn: { participantId: mentee.id, tandemId: tandem.tandemId, input: { satisfaction: 4, onTrack: true, contactRequested: false } } });
  Object.assign(baselines, {
    submitEvaluation: { participantId: mentee.id, tandemId: tandem.tandemId, input: { goals: [{ key: "short-1", achievement: "PARTLY" }], programmeRating: 4, comment: "Useful." } },
  });
  Object.assign(callers, { logMeeting: self, confirmMeeting: as.participant(tandem.mentorId, "mentor"), answerCheckIn: self, submitEvaluation: self });
  const concernInput = { tandemId: agreement.tandemId, concern: "AVAILABILITY", mediator: "JOINT_OFFICE", statement: "We have not met for a month.", mediatorMayRead: false };
  const concern = await node.as(self).query(`mutation($p: ID!, $i: RaiseConcernInput!) { raiseConcern(participantId: $p, input: $i) { id } }`, { p: mentee.id, i: concernInput });
  Object.assign(baselines, {
    raiseConcern: { participantId: mentee.id, input: concernInput },
    updateConcern: { id: concern.data!.raiseConcern.id, input: { statement: "Better now.", mediatorMayRead: true } },
  });
  Object.assign(callers, { raiseConcern: self, updateConcern: self });
  const running = await createEvent(node);
  const seat = await register(node, running.id, mentee.id);
  await startNow(node, running.id);
  const code = (await node.query(ISSUE_CODE, { e: running.id })).data!.issueCheckInCode as string;
  Object.assign(baselines, {
    recordAttendance: { registrationId: seat.id, attendance: "EXCUSED" },
    checkInToEvent: { registrationId: seat.id, code },
    issueCheckInCode: { eventId: running.id, rotate: false },
  });
  Object.assign(callers, { checkInToEvent: self });
  const surveyed = (await openCohort(node)).cohortId;
  const respondent = await enrolledParticipant(node, surveyed);
  Object.assign(baselines, { rankSurveyTopics: { participantId: respondent, surveyId: await tellSurvey(node, { cohortId: surveyed }), topicCodes: ["NEGOT", "PITCH"] } });
  Object.assign(callers, { rankSurveyTopics: as.participant(respondent) });
  // an event set up as a chosen training: its training fields are swept on a valid baseline
  const training = { surveyId: await tellChosenTrainings(node, surveyed), topicCode: "NEGOT" };
  const trainingEvent = { kind: "TRAINING", description: "Negotiation", onlineUrl: "https://meet.example.org/x", tracks: ["health"], visibility: "CONSORTIUM" };
  Object.assign(baselines, {
    createEvent: { node: "hst", input: eventInput({ ...trainingEvent, cohorts: [{ cohortId: surveyed, obligation: "MANDATORY", audience: "MENTEES" }], training, ...translated }) },
  });
  Object.assign(baselines, { createCalendarFeed: { participantId: mentee.id }, revokeCalendarFeed: { participantId: mentee.id } });
  Object.assign(callers, { createCalendarFeed: self, revokeCalendarFeed: self });
  // certificates: a mentee whose tandem in a described cohort closed, and a certificate to revoke
  const certified = await describedCohort(node);
  const [graduate, holder] = [await createParticipant(node), await createParticipant(node)];
  for (const person of [graduate, holder]) await (await tandemInCohort(node, certified, person.id, "MENTEE", remoteParticipantId("zcu"))).complete();
  const certificate = (await node.query(ISSUE_CERTIFICATE, { p: holder.id, c: certified })).data!.issueCertificate as { id: string };
  Object.assign(baselines, {
    issueCertificate: { participantId: graduate.id, cohortId: certified, language: "de" },
    revokeCertificate: { id: certificate.id, reason: "Issued to the wrong cohort" },
  });
});
afterAll(() => node?.stop());

it.each(MUTATIONS)("%s: no bad input gets a 500, and every refusal names the field", async (mutation) => {
  const [swept] = sweepMutations(schema, { baselines, nodes: { self: "hst", other: "zcu", unknown: "mars" } }).filter((entry) => entry.name === mutation);
  const problems = await sweepProblems(swept!, async (name, query, variables) => node.as(callers[name] ?? as.nodeCoordinator("hst")).query(query, variables));
  expect(problems).toEqual([]);
});
