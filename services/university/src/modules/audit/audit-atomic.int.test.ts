/**
 * A change and its audit entry commit together: with the audit log refusing
 * every write, each mutation of the node is refused with AUDIT_UNAVAILABLE,
 * and nothing of it is visible anywhere — no row in any table, no outbox
 * entry, no change on the feed the gateway's subscribers follow.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { answersWithAuditRefused } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { activateTandemAt, dayFromToday } from "../../../test/tandems.js";
import { describedCohort, ISSUE_CERTIFICATE, REVOKE_CERTIFICATE, tandemInCohort } from "../../../test/credentials.js";
import { enrolledParticipant, tellChosenTrainings, tellSurvey } from "../../../test/surveys.js";
import {
  CANCEL_EVENT,
  CANCEL_REGISTRATION,
  CONSENT,
  CREATE_EVENT,
  CREATE_PARTICIPANT,
  REGISTER,
  UPDATE_EVENT,
  UPDATE_PARTICIPANT,
  WITHDRAW,
  cohortId,
  consentToMatching,
  createEvent,
  createParticipant,
  eventInput,
  participantInput,
  register,
  remoteParticipantId,
} from "../../../test/fixtures.js";
import {
  CREATE_MY_PROFILE,
  REVIEW_APPLICATION,
  SAVE_APPLICATION,
  SUBMIT_APPLICATION,
  WITHDRAW_APPLICATION,
  WITHDRAW_JOINT_OFFICE_CONSENT,
  apply,
  applicationInput,
  openCohort,
} from "../../../test/applications.js";
import { CHECK_IN, ISSUE_CODE, RECORD_ATTENDANCE, startNow } from "../../../test/programme.js";
import { DRAFT_AGREEMENT, REVISE_AGREEMENT, SIGN_AGREEMENT, acceptedTandem, agreementInput, draftedAgreement } from "../../../test/agreements.js";

interface Case {
  caller: Caller;
  query: string;
  variables: Record<string, unknown>;
}

describe("a node whose audit log cannot be written", () => {
  let node: TestNode;
  let cases: Record<string, Case>;
  const topics: string[] = ["consortium-events"];

  beforeAll(async () => {
    node = await startTestNode("hst");
    const ines = await createParticipant(node);
    const eve = await createParticipant(node);
    const [event, other, doomed] = [await createEvent(node, { visibility: "CONSORTIUM" }), await createEvent(node), await createEvent(node)];
    for (const id of [event.id, other.id, doomed.id]) topics.push(`event:${id}`, `registrations:${id}`);
    const registration = await register(node, event.id, ines.id);
    const consented = cohortId();
    await consentToMatching(node, ines.id, consented);
    const proof = await signProof(node.trust.keys.get("coord")!, "coord", {
      type: "tandem-accepted",
      tandemId: `coord:tandem:${randomUUID()}`,
      menteeId: ines.id,
      mentorId: remoteParticipantId("zcu"),
    });
    const coordinator = as.nodeCoordinator("hst");
    const self = as.participant(ines.id);
    const { cohortId: open } = await openCohort(node);
    const { cohortId: office } = await openCohort(node, { reviewer: "JOINT_OFFICE" });
    const [submitter, withdrawer, sharer, reviewed] = [await createParticipant(node), await createParticipant(node), await createParticipant(node), await createParticipant(node)];
    const toWithdraw = await apply(node, withdrawer.id, open);
    const shared = await apply(node, sharer.id, office, applicationInput(), true);
    const toReview = await apply(node, reviewed.id, open);
    for (const application of [toWithdraw, shared, toReview]) topics.push(`application:${application.id}`);
    const newcomer = `hst:participant:${randomUUID()}`;
    const undrafted = await acceptedTandem(node, eve.id, remoteParticipantId("zcu"));
    const drafted = await draftedAgreement(node, ines.id, remoteParticipantId("zcu"));
    topics.push(`agreement:${undrafted.agreementId}`, `agreement:${drafted.agreementId}`);
    const tandem = await activateTandemAt(node, { menteeId: ines.id, mentorId: remoteParticipantId("zcu") });
    topics.push(`meetings:${tandem.tandemId}`, "facts:coord");
    const LOG = `mutation($m: ID!, $t: ID!, $i: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $i) { id } }`;
    const meetingInput = { heldOn: dayFromToday(-2), format: "PHONE", durationMinutes: 30, topics: [], notes: "" };
    const logged = (await node.as(self).query(LOG, { m: ines.id, t: tandem.tandemId, i: meetingInput })).data!.logMeeting;
    const RAISE = `mutation($p: ID!, $input: RaiseConcernInput!) { raiseConcern(participantId: $p, input: $input) { id } }`;
    const raised = (await node.as(self).query(RAISE, { p: ines.id, input: { tandemId: drafted.tandemId, concern: "OTHER", statement: "Kept?" } })).data!.raiseConcern;
    const running = await createEvent(node);
    const seat = await register(node, running.id, ines.id);
    await startNow(node, running.id);
    const code = (await node.query(ISSUE_CODE, { e: running.id })).data!.issueCheckInCode as string;
    topics.push(`attendance:${running.id}`, "facts:zcu");
    const surveyed = (await openCohort(node)).cohortId;
    const survey = await tellSurvey(node, { cohortId: surveyed });
    const [firstRespondent, secondRespondent] = [await enrolledParticipant(node, surveyed), await enrolledParticipant(node, surveyed)];
    const RANK_SURVEY = `mutation($p: ID!, $s: ID!, $codes: [String!]!) { rankSurveyTopics(participantId: $p, surveyId: $s, topicCodes: $codes) { surveyId } }`;
    await node.as(as.participant(firstRespondent)).query(RANK_SURVEY, { p: firstRespondent, s: survey, codes: ["PITCH"] });
    const chosen = await tellChosenTrainings(node, surveyed);
    // a feed to revoke: refused, revoking must leave it active
    expect((await node.as(self).query(`mutation($p: ID!) { createCalendarFeed(participantId: $p) { path } }`, { p: ines.id })).errors).toBeUndefined();
    // certificates: one to issue (its status bit must stay free), one to revoke (its bit must stay clear)
    const certified = await describedCohort(node);
    const [graduate, holder] = [await createParticipant(node), await createParticipant(node)];
    for (const person of [graduate, holder]) await (await tandemInCohort(node, certified, person.id, "MENTEE", remoteParticipantId("zcu"))).complete();
    const certificate = (await node.query(ISSUE_CERTIFICATE, { p: holder.id, c: certified })).data!.issueCertificate as { id: string };
    cases = {
      createParticipant: { caller: coordinator, query: CREATE_PARTICIPANT, variables: { node: "hst", input: participantInput() } },
      updateParticipant: { caller: self, query: UPDATE_PARTICIPANT, variables: { id: ines.id, input: { about: "Changed without a trace?" } } },
      createEvent: {
        caller: coordinator,
        query: CREATE_EVENT,
        // a chosen training: it would tell every node and the office
        variables: { node: "hst", input: eventInput({ kind: "TRAINING", title: "Never held", visibility: "CONSORTIUM", training: { surveyId: chosen, topicCode: "CV" } }) },
      },
      recordAttendance: { caller: coordinator, query: RECORD_ATTENDANCE, variables: { id: seat.id, a: "NO_SHOW" } },
      checkInToEvent: { caller: self, query: CHECK_IN, variables: { id: seat.id, code } },
      issueCheckInCode: { caller: coordinator, query: ISSUE_CODE, variables: { e: running.id, rotate: true } },
      updateEvent: { caller: coordinator, query: UPDATE_EVENT, variables: { id: event.id, input: { capacity: 99 } } },
      cancelEvent: { caller: coordinator, query: CANCEL_EVENT, variables: { id: doomed.id } },
      registerForEvent: { caller: self, query: REGISTER, variables: { eventId: other.id, participantId: ines.id } },
      cancelRegistration: { caller: self, query: CANCEL_REGISTRATION, variables: { id: registration.id } },
      consentToMatching: { caller: self, query: CONSENT, variables: { p: ines.id, c: cohortId() } },
      withdrawMatchingConsent: { caller: self, query: WITHDRAW, variables: { p: ines.id, c: consented } },
      recordDisclosure: { caller: self, query: `mutation($p: String!) { recordDisclosure(node: "hst", proof: $p) { scope } }`, variables: { p: proof } },
      receiveFacts: {
        caller: as.system(),
        query: `mutation($f: [FactInput!]!) { receiveFacts(node: "hst", source: "coord", facts: $f) { applied } }`,
        variables: {
          f: [
            {
              seq: "1",
              proof: await signProof(node.trust.keys.get("coord")!, "coord", {
                type: "tandem-accepted",
                tandemId: `coord:tandem:${randomUUID()}`,
                menteeId: ines.id,
                mentorId: remoteParticipantId("zcu"),
              }),
            },
          ],
        },
      },
      saveApplication: { caller: self, query: SAVE_APPLICATION, variables: { p: ines.id, c: open, input: applicationInput() } },
      submitApplication: { caller: as.participant(submitter.id), query: SUBMIT_APPLICATION, variables: { p: submitter.id, c: open, input: applicationInput() } },
      withdrawApplication: { caller: as.participant(withdrawer.id), query: WITHDRAW_APPLICATION, variables: { p: withdrawer.id, c: open } },
      withdrawJointOfficeConsent: { caller: as.participant(sharer.id), query: WITHDRAW_JOINT_OFFICE_CONSENT, variables: { p: sharer.id, c: office } },
      reviewApplication: { caller: coordinator, query: REVIEW_APPLICATION, variables: { id: toReview.id, decision: "ACCEPT", reason: null } },
      createMyProfile: { caller: as.participant(newcomer), query: CREATE_MY_PROFILE, variables: { p: newcomer, input: participantInput() } },
      draftAgreement: { caller: as.participant(eve.id), query: DRAFT_AGREEMENT, variables: { id: undrafted.agreementId, input: agreementInput() } },
      reviseAgreement: { caller: self, query: REVISE_AGREEMENT, variables: { id: drafted.agreementId, basedOn: drafted.versionHash, input: agreementInput({ additions: "Unrecorded?" }) } },
      signAgreement: { caller: self, query: SIGN_AGREEMENT, variables: { p: ines.id, a: drafted.agreementId, h: drafted.versionHash } },
      logMeeting: { caller: self, query: LOG, variables: { m: ines.id, t: tandem.tandemId, i: meetingInput } },
      confirmMeeting: { caller: as.participant(tandem.mentorId, "mentor"), query: `mutation($id: ID!) { confirmMeeting(id: $id) { id } }`, variables: { id: logged.id } },
      answerCheckIn: {
        caller: self,
        query: `mutation($p: ID!, $t: ID!) { answerCheckIn(participantId: $p, tandemId: $t, input: { satisfaction: 1, onTrack: false, contactRequested: true }) { dueOn } }`,
        variables: { p: ines.id, t: tandem.tandemId },
      },
      submitEvaluation: {
        caller: self,
        query: `mutation($p: ID!, $t: ID!) { submitEvaluation(participantId: $p, tandemId: $t, input: { goals: [{ key: "short-1", achievement: FULLY }], programmeRating: 5 }) { side } }`,
        variables: { p: ines.id, t: tandem.tandemId },
      },
      raiseConcern: { caller: self, query: RAISE, variables: { p: ines.id, input: { tandemId: drafted.tandemId, concern: "CONDUCT", statement: "Unrecorded?" } } },
      updateConcern: { caller: self, query: `mutation($id: ID!) { updateConcern(id: $id, input: { mediatorMayRead: true }) { id } }`, variables: { id: raised.id } },
      // the second answer since the last tally: it would release one to the office
      rankSurveyTopics: { caller: as.participant(secondRespondent), query: RANK_SURVEY, variables: { p: secondRespondent, s: survey, codes: ["CV"] } },
      createCalendarFeed: { caller: self, query: `mutation($p: ID!) { createCalendarFeed(participantId: $p) { path } }`, variables: { p: ines.id } },
      revokeCalendarFeed: { caller: self, query: `mutation($p: ID!) { revokeCalendarFeed(participantId: $p) }`, variables: { p: ines.id } },
      eraseParticipantData: { caller: coordinator, query: `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords } }`, variables: { p: eve.id } },
      issueCertificate: { caller: coordinator, query: ISSUE_CERTIFICATE, variables: { p: graduate.id, c: certified } },
      revokeCertificate: { caller: coordinator, query: REVOKE_CERTIFICATE, variables: { id: certificate.id, reason: "Unrecorded?" } },
    };
  });
  afterAll(() => node.stop());

  it("has a case for every mutation of the node", async () => {
    const { data } = await node.query(`{ __schema { mutationType { fields { name } } } }`);
    const names = (data!.__schema.mutationType.fields as { name: string }[]).map((field) => field.name).sort();
    expect(Object.keys(cases).sort()).toEqual(names);
  });

  it("refuses every mutation with AUDIT_UNAVAILABLE and leaves no trace of it", async () => {
    const feed = node.feed();
    const subscription = feed.subscribe(topics, await node.node.outbox.feed.head());
    const { answers, before, after } = await answersWithAuditRefused(node.sql, cases, (_name, { caller, query, variables }) => node.as(caller).query(query, variables));
    expect(answers).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, { data: null, code: "AUDIT_UNAVAILABLE" }])));
    expect(after).toEqual(before);
    expect(subscription.received).toEqual([]);
    // the feed was listening all along: the same change, audited, arrives
    const { caller, query, variables } = cases.updateEvent!;
    expect((await node.as(caller).query(query, variables)).errors).toBeUndefined();
    expect((await subscription.waitFor(1)).map((change) => change.kind)).toEqual(["UPDATED"]);
  });
});
