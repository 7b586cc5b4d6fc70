/**
 * A change and its audit entry commit together: with the audit log refusing
 * every write, each mutation of the coordination office is refused with
 * AUDIT_UNAVAILABLE, and nothing of it is visible anywhere — no row in any
 * table, no outbox entry, no change on the feed, no matching round started.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { answersWithAuditRefused } from "@tandem/party/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import {
  ACTIVATE,
  ADVANCE_COHORT,
  CLOSE,
  CREATE_COHORT,
  CREATE_PROGRAMME,
  ENROL,
  UPDATE_COHORT,
  UPDATE_PROGRAMME,
  PROPOSE_TANDEM,
  RESPOND,
  acceptByBoth,
  cohortInput,
  enrolNew,
  OPEN_SURVEY,
  openSurvey,
  CREATE_PEER_GROUP,
  createPeerGroup,
  surveyInput,
  ok,
  participantId,
  programmeInput,
  proposeNew,
  seedCohort,
} from "../../../test/fixtures.js";
import { GivenProfiles, RESPOND_TO_PROPOSAL, START_ROUND, mentee, mentor, pseudonymProof, solvedRound } from "../../../test/matching-fixtures.js";
import { record, recordProof } from "../../../test/journey-fixtures.js";

interface Case {
  caller: Caller;
  query: string;
  variables: Record<string, unknown>;
}

const OPEN_CASE = `mutation($input: OpenMediationCaseInput!) { openMediationCase(input: $input) { id } }`;
const PAIR_RULE = (kind: "pinPair" | "banPair") => `mutation($c: ID!, $m: String!, $n: String!) { ${kind}(cohortId: $c, menteePseudonym: $m, mentorPseudonym: $n) { id } }`;

describe("a coordination office whose audit log cannot be written", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  let cases: Record<string, Case>;
  const topics: string[] = [];

  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
    const joint = as.jointCoordinator();
    const { programme, cohort } = await seedCohort(service, {}, 8);
    const proposed = await proposeNew(service, cohort.id);
    const accepted = await acceptByBoth(service, await proposeNew(service, cohort.id));
    const toClose = await proposeNew(service, cohort.id);
    const mediated = await acceptByBoth(service, await proposeNew(service, cohort.id));
    for (const tandem of [proposed, accepted, toClose, mediated]) topics.push(`tandem:${tandem.id}`);
    const mediationCase = (await ok(service, OPEN_CASE, { input: { tandemId: mediated.id, concern: "CONDUCT" } })).openMediationCase;
    const enrolled = await enrolNew(service, cohort.id, "hst", "MENTEE", "engineering");
    const enrolment = (await ok(service, `query($c: ID!) { enrolments(cohortId: $c, first: 50) { edges { node { id participantId } } } }`, { c: cohort.id })).enrolments.edges
      .map((edge: { node: { id: string; participantId: string } }) => edge.node)
      .find((node: { participantId: string }) => node.participantId === enrolled);
    const matched = await seedCohort(service);
    const [menteeProfile, mentorProfile] = [mentee({ nodeId: "hst" }), mentor({ nodeId: "zcu" })];
    profiles.set(matched.cohort.id, [menteeProfile, mentorProfile]);
    const round = await solvedRound(service, matched.cohort.id);
    const proposal = round.proposals[0];
    const menteeId = participantId("hst");
    const proof = await pseudonymProof(service, { cohortId: matched.cohort.id, pseudonym: proposal.menteePseudonym, participantId: menteeId });
    const ban = (await ok(service, PAIR_RULE("banPair"), { c: matched.cohort.id, m: menteeProfile.pseudonym, n: mentorProfile.pseudonym })).banPair;
    const other = await seedCohort(service);
    const draft = await seedCohort(service, {}, 5, "DRAFT");
    const open = await seedCohort(service, {}, 1, "APPLICATIONS_OPEN");
    const [openSurveyId, closedSurveyId] = [await openSurvey(service, cohort.id), await openSurvey(service, cohort.id, true)];
    topics.push(`application-pipeline:${open.cohort.id}`, "facts:hst", "facts:zcu", "facts:unilu", "facts:othaw", `survey:${openSurveyId}`, `survey:${closedSurveyId}`);
    const [formed, openGroup] = [await createPeerGroup(service, cohort.id), await createPeerGroup(service, cohort.id, { name: "Open circle", mode: "OPEN" })];
    const [invitee, joiner, member] = [await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTEE")];
    const ADD_MEMBER = `mutation($g: ID!, $p: ID!) { addPeerGroupMember(peerGroupId: $g, participantId: $p) { id } }`;
    for (const person of [invitee, member]) await ok(service, ADD_MEMBER, { g: formed, p: person });
    topics.push(`peer-group:${formed}`, `peer-group:${openGroup}`);
    cases = {
      createProgramme: { caller: joint, query: CREATE_PROGRAMME, variables: { input: programmeInput() } },
      createCohort: { caller: joint, query: CREATE_COHORT, variables: { input: cohortInput(programme.id, { name: "Never opened" }) } },
      updateProgramme: { caller: joint, query: UPDATE_PROGRAMME, variables: { id: programme.id, input: { participatingNodeIds: ["hst", "zcu", "unilu"], reviewer: "JOINT_OFFICE" } } },
      updateCohort: { caller: joint, query: UPDATE_COHORT, variables: { id: draft.cohort.id, input: { name: "Never renamed", quotas: [{ nodeId: "hst", mentees: 9, mentors: 9 }] } } },
      advanceCohort: { caller: joint, query: ADVANCE_COHORT, variables: { id: draft.cohort.id, to: "APPLICATIONS_OPEN" } },
      enrol: { caller: joint, query: ENROL, variables: { input: { cohortId: cohort.id, participantId: participantId("zcu"), role: "MENTOR", track: "health" } } },
      withdrawEnrolment: { caller: joint, query: `mutation($id: ID!) { withdrawEnrolment(id: $id) { id status } }`, variables: { id: enrolment.id } },
      proposeTandem: {
        caller: joint,
        query: PROPOSE_TANDEM,
        variables: { input: { cohortId: cohort.id, menteeId: await enrolNew(service, cohort.id, "hst", "MENTEE"), mentorId: await enrolNew(service, cohort.id, "zcu", "MENTOR") } },
      },
      respondToTandem: { caller: as.participant(proposed.menteeId, "mentee"), query: RESPOND, variables: { id: proposed.id, accept: true } },
      activateTandem: { caller: joint, query: ACTIVATE, variables: { id: accepted.id } },
      closeTandem: { caller: joint, query: CLOSE, variables: { id: toClose.id, reason: "DISSOLVED_BY_PARTICIPANT" } },
      openMediationCase: { caller: as.participant(accepted.menteeId), query: OPEN_CASE, variables: { input: { tandemId: accepted.id, concern: "COMMUNICATION", mediator: "HOME_NODE" } } },
      resolveMediationCase: { caller: joint, query: `mutation($id: ID!) { resolveMediationCase(id: $id, outcome: RE_MATCH) { id } }`, variables: { id: mediationCase.id } },
      respondToProposal: { caller: as.participant(menteeId), query: RESPOND_TO_PROPOSAL, variables: { p: proposal.id, a: true, proof } },
      startMatchingRound: { caller: joint, query: START_ROUND, variables: { c: other.cohort.id, s: "FULL" } },
      updateMatchingWeights: { caller: joint, query: `mutation($p: ID!) { updateMatchingWeights(programmeId: $p, weights: { track: 7 }) { id } }`, variables: { p: programme.id } },
      pinPair: { caller: joint, query: PAIR_RULE("pinPair"), variables: { c: matched.cohort.id, m: menteeProfile.pseudonym, n: mentorProfile.pseudonym } },
      banPair: { caller: joint, query: PAIR_RULE("banPair"), variables: { c: other.cohort.id, m: menteeProfile.pseudonym, n: mentorProfile.pseudonym } },
      removePinOrBan: { caller: joint, query: `mutation($id: ID!) { removePinOrBan(id: $id) }`, variables: { id: ban.id } },
      // an accepted application: no record, no enrolment, no outcome fact for the node, no position moved
      receiveFacts: {
        caller: as.system(),
        query: `mutation($f: [FactInput!]!) { receiveFacts(node: "coord", source: "hst", facts: $f) { applied } }`,
        variables: { f: [{ seq: "1", proof: await recordProof(service, record(open.cohort.id, "hst", { status: "ACCEPTED" })) }] },
      },
      openInterestSurvey: { caller: joint, query: OPEN_SURVEY, variables: { input: surveyInput(cohort.id) } },
      closeInterestSurvey: { caller: joint, query: `mutation($id: ID!) { closeInterestSurvey(id: $id) { id } }`, variables: { id: openSurveyId } },
      chooseTrainings: { caller: joint, query: `mutation($id: ID!) { chooseTrainings(surveyId: $id, topicCodes: ["PITCH"]) { id } }`, variables: { id: closedSurveyId } },
      createPeerGroup: { caller: joint, query: CREATE_PEER_GROUP, variables: { input: { cohortId: cohort.id, name: "Never formed" } } },
      addPeerGroupMember: { caller: joint, query: ADD_MEMBER, variables: { g: openGroup, p: member } },
      joinPeerGroup: {
        caller: as.participant(joiner, "mentee"),
        query: `mutation($g: ID!, $p: ID!) { joinPeerGroup(peerGroupId: $g, participantId: $p) { id } }`,
        variables: { g: openGroup, p: joiner },
      },
      leavePeerGroup: {
        caller: as.participant(invitee, "mentee"),
        query: `mutation($g: ID!, $p: ID!) { leavePeerGroup(peerGroupId: $g, participantId: $p) { id } }`,
        variables: { g: formed, p: invitee },
      },
      setPeerMeetingsCount: { caller: joint, query: `mutation($p: ID!) { setPeerMeetingsCount(programmeId: $p, count: true) { id } }`, variables: { p: programme.id } },
      setCheckInInterval: { caller: joint, query: `mutation($p: ID!) { setCheckInInterval(programmeId: $p, everyWeeks: 3) { id } }`, variables: { p: programme.id } },
      setCompletionRules: {
        caller: joint,
        query: `mutation($p: ID!) { setCompletionRules(programmeId: $p, input: { mentee: [{ code: MEETINGS_LOGGED, count: 4 }], mentor: [{ code: AGREEMENT_SIGNED }] }) { id } }`,
        variables: { p: programme.id },
      },
      eraseCoordinationRecords: {
        caller: as.participant(proposed.menteeId),
        query: `mutation($p: ID!) { eraseCoordinationRecords(participantId: $p) { removedRecords } }`,
        variables: { p: proposed.menteeId },
      },
    };
  });
  afterAll(() => service.stop());

  it("has a case for every mutation of the office", async () => {
    const { data } = await service.query(`{ __schema { mutationType { fields { name } } } }`);
    const names = (data!.__schema.mutationType.fields as { name: string }[]).map((field) => field.name).sort();
    expect(Object.keys(cases).sort()).toEqual(names);
  });

  it("refuses every mutation with AUDIT_UNAVAILABLE and leaves no trace of it", async () => {
    const feed = service.feed();
    const subscription = feed.subscribe(topics, await service.coordination.outbox.feed.head());
    const { answers, before, after } = await answersWithAuditRefused(service.sql, cases, (_name, { caller, query, variables }) => service.as(caller).query(query, variables));
    expect(answers).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, { data: null, code: "AUDIT_UNAVAILABLE" }])));
    expect(after).toEqual(before);
    expect(subscription.received).toEqual([]);
    // the feed was listening all along: the same change, audited, arrives
    const { caller, query, variables } = cases.closeTandem!;
    expect((await service.as(caller).query(query, variables)).errors).toBeUndefined();
    expect((await subscription.waitFor(1)).map((change) => change.kind)).toEqual(["CLOSED"]);
  });
});
