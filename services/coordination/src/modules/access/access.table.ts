/**
 * Who may run each operation of the coordination subgraph: every root
 * field, field resolver and reference resolver names its rule here, and the
 * office refuses to start (NO_ACCESS_RULE) when one does not. The rules are
 * in access.rules.ts; the checks run in one place (@tandem/party
 * access/guard-resolvers.ts).
 */
import { FACT_INBOX_ACCESS, before, inside, onResult, withParent, type AccessTable } from "@tandem/party";
import { isUser } from "@tandem/shared";
import type { CoordinationContext } from "../../context.js";
import type { MatchingProposal, UnmatchedMentee } from "../matching/matching-proposal.type.js";
import type { MatchingRound } from "../matching/matching-round.type.js";
import type { Tandem } from "../tandem/tandem.type.js";
import type { InterestSurvey } from "../survey/interest-survey.type.js";
import type { PeerGroup } from "../peer-group/peer-group.type.js";
import { rules, type Partners } from "./access.rules.js";

type Table = AccessTable<CoordinationContext>;

const readCatalogue = before<CoordinationContext>(rules.readCatalogue);
const manageCatalogue = before<CoordinationContext>(rules.manageCatalogue);
const manageMatching = before<CoordinationContext>(rules.manageMatching);
const nullInstead = () => null;

/** Input objects of mutations, as a declaration reads them (validated before resolvers run). */
const input = <T>({ args }: { args: Record<string, unknown> }) => args.input as T;

export const COORDINATION_ACCESS: Table = {
  // the list applies read-mediation-case in SQL (ctx.access.scope); the mutations are checked by the service on the tandem or case it locked
  "Query.mediationCases": [readCatalogue, before(rules.readNodeMediationCases, { target: ({ args }) => (args.nodeId as string | null | undefined) ?? null }), inside(rules.readMediationCase)],
  "Query.mediationCase": inside(rules.readMediationCase),
  "MediationCase.__resolveReference": onResult(rules.readMediationCase, { otherwise: () => null }),
  "MediationCase.statements": withParent(),
  // figures of the nodes the caller may see (ctx.access.scope), small groups merged or suppressed
  "Query.tandemMonitoring": [before(rules.readMonitoring, { target: ({ args }) => (args.nodeId as string | null | undefined) ?? null }), inside(rules.readMonitoring)],
  "Mutation.openMediationCase": inside(rules.openMediationCase),
  "Mutation.resolveMediationCase": inside(rules.resolveMediationCase),

  // counts only; the service judges the caller against the cohort (enrolled) and the programme (its nodes' coordinators)
  "Query.interestSurvey": inside(rules.readSurvey),
  "Query.interestSurveys": inside(rules.readSurvey),
  "InterestSurvey.results": withParent(),
  "ChosenTraining.events": withParent(),
  "InterestSurvey.__resolveReference": onResult(rules.readSurvey, {
    target: (found: InterestSurvey, ctx: CoordinationContext) => ctx.services.interestSurveys.audience(found.cohortLocalId, isUser(ctx.caller) ? ctx.caller.sub : null),
    otherwise: () => null,
  }),
  "Mutation.openInterestSurvey": manageCatalogue,
  "Mutation.closeInterestSurvey": manageCatalogue,
  "Mutation.chooseTrainings": manageCatalogue,

  // the service judges the caller against the cohort (enrolled), the programme (its nodes' coordinators) and the group (members)
  "Query.peerGroup": inside(rules.readPeerGroup),
  "Query.peerGroups": inside(rules.readPeerGroup),
  "Query.myPeerGroups": before(rules.readOwnPeerGroups, { target: ({ args }) => args.participantId as string }),
  "PeerGroup.__resolveReference": onResult(rules.readPeerGroup, {
    target: (found: PeerGroup, ctx: CoordinationContext) => ctx.services.peerGroups.audience(found, isUser(ctx.caller) ? ctx.caller.sub : null),
    otherwise: () => null,
  }),
  "PeerGroup.cohort": withParent(),
  "PeerGroup.memberCount": withParent(),
  "PeerGroup.consentedCount": withParent(),
  "PeerGroup.myStatus": withParent(),
  // references and states only; each member's name is for their home node to disclose (rule disclosure.peer-group-member there)
  // empty for anyone else (the group's counts say how many)
  "PeerGroup.members": inside(rules.readPeerGroupMembers),
  "Mutation.createPeerGroup": manageCatalogue,
  "Mutation.addPeerGroupMember": manageCatalogue,
  // asked once the participant id is read (a malformed one is the caller's input error)
  "Mutation.joinPeerGroup": inside(rules.joinPeerGroup),
  "Mutation.leavePeerGroup": inside(rules.leavePeerGroup),
  "Programme.peerMeetingsCount": readCatalogue,
  "Mutation.setPeerMeetingsCount": manageCatalogue,

  "Query.programmes": readCatalogue,
  "Query.programme": readCatalogue,
  "Programme.__resolveReference": readCatalogue,
  "Programme.tracks": readCatalogue,
  // texts in the language asked for (README: Languages): whoever sees the programme, track or cohort
  "Programme.name": withParent(),
  "Programme.description": withParent(),
  "Track.name": withParent(),
  "Cohort.name": withParent(),
  "Programme.participatingNodes": readCatalogue,
  "Programme.cohorts": readCatalogue,
  "Programme.matchingWeights": readCatalogue,
  "Programme.eligibility": readCatalogue,
  "Programme.reviewer": readCatalogue,
  "Programme.rulesVersions": readCatalogue,
  "Mutation.createProgramme": manageCatalogue,
  "Mutation.updateProgramme": manageCatalogue,
  "Programme.completionRules": readCatalogue,
  "Mutation.setCompletionRules": manageCatalogue,

  "Query.cohort": readCatalogue,
  "Cohort.__resolveReference": readCatalogue,
  "Cohort.programme": readCatalogue,
  "Cohort.quotas": readCatalogue,
  // counts only, no one's enrolment: readable like the cohort itself
  "CohortQuota.enrolledMentees": readCatalogue,
  "CohortQuota.enrolledMentors": readCatalogue,
  "Mutation.createCohort": manageCatalogue,
  "Mutation.updateCohort": manageCatalogue,
  "Mutation.advanceCohort": manageCatalogue,

  // counts of the nodes the caller may see (ctx.access.scope), small groups suppressed
  "Query.applicationPipeline": [before(rules.readApplicationPipeline, { target: ({ args }) => (args.nodeId as string | undefined) ?? null }), inside(rules.readApplicationPipeline)],
  "Query.applicationRecords": before(rules.readApplicationRecords),

  "Query.enrolment": onResult(rules.readEnrolment),
  "Enrolment.__resolveReference": onResult(rules.readEnrolment),
  // the list applies read-enrolment in SQL (ctx.access.scope)
  "Query.enrolments": [readCatalogue, inside(rules.readEnrolment)],
  "Cohort.enrolments": onResult(rules.readEnrolment),
  "Enrolment.cohort": readCatalogue,
  "Mutation.enrol": before(rules.enrol, { target: (resolution) => input<{ participantId: string }>(resolution).participantId }),
  // checked by the service on the enrolment it locked
  "Mutation.withdrawEnrolment": inside(rules.withdrawEnrolment),

  "Query.tandem": onResult(rules.readTandem),
  "Tandem.__resolveReference": onResult(rules.readTandem),
  // the list applies read-tandem in SQL (ctx.access.scope)
  "Query.tandems": [readCatalogue, inside(rules.readTandem)],
  "Cohort.tandems": onResult(rules.readTandem),
  "Tandem.cohort": readCatalogue,
  "Tandem.acceptanceProof": before(rules.readAcceptanceProof, { target: ({ parent }) => parent as Tandem, otherwise: nullInstead }),
  "Mutation.proposeTandem": before(rules.proposeTandem, { target: input<Partners> }),
  // checked by the service on the tandem it locked
  "Mutation.respondToTandem": inside(rules.respondToTandem),
  "Mutation.activateTandem": inside(rules.activateTandem),
  "Mutation.closeTandem": inside(rules.closeTandem),

  "Mutation.updateMatchingWeights": manageMatching,
  "Mutation.pinPair": manageMatching,
  "Mutation.banPair": manageMatching,
  "Mutation.removePinOrBan": manageMatching,
  "Mutation.startMatchingRound": manageMatching,
  // the programme's participating nodes are known once the round (or cohort) is loaded
  "Query.matchingRound": inside(rules.reviewMatching),
  "Query.matchingRounds": inside(rules.reviewMatching),
  "MatchingRound.__resolveReference": onResult<CoordinationContext, readonly string[], MatchingRound>(rules.reviewMatching, { target: (round) => round.nodeIds, otherwise: () => null }),
  "Cohort.matchingPairRules": inside(rules.reviewMatching),
  "MatchingRound.cohort": readCatalogue,
  "MatchingRound.proposals": onResult<CoordinationContext, readonly string[], MatchingProposal>(rules.readMatchingEntry, { target: (proposal) => [proposal.menteeNodeId, proposal.mentorNodeId] }),
  "MatchingRound.unmatched": onResult<CoordinationContext, readonly string[], UnmatchedMentee>(rules.readMatchingEntry, { target: (unmatched) => [unmatched.menteeNodeId] }),
  "MatchingProposal.tandem": onResult(rules.readTandem, { otherwise: nullInstead }),
  // the participant is known once their matching-pseudonym proof is verified
  "Mutation.respondToProposal": inside(rules.respondToProposal),
  "Query.myMatchingProposals": inside(rules.readOwnProposals),

  "Query.coordinationAuditLog": before(rules.readAuditLog),
  // asked after the id is read (a malformed one is the caller's input error), and a refused export is audited
  "Query.exportCoordinationRecords": inside(rules.exerciseDataRights),
  "Mutation.eraseCoordinationRecords": inside(rules.exerciseDataRights),

  ...FACT_INBOX_ACCESS,

  // the agreement's status (no text) goes with the tandem to whoever may read it
  "Tandem.agreementId": withParent(),
  "Tandem.agreement": withParent(),
  // counts and the last date only, for whoever may read the tandem
  // the list applies read-attention in SQL (ctx.access.scope); the tandem itself is read under its own rule
  "Query.tandemsNeedingAttention": [readCatalogue, inside(rules.readAttention)],
  "TandemAttention.tandem": onResult(rules.readTandem, { otherwise: nullInstead }),
  "Programme.checkInEveryWeeks": readCatalogue,
  "Mutation.setCheckInInterval": manageCatalogue,
  "Tandem.evaluations": before(rules.readEvaluations, { target: ({ parent }) => parent as Tandem, otherwise: () => [] }),
  "Tandem.meetingTally": before(rules.readTandem, { target: ({ parent }) => parent as Tandem, otherwise: nullInstead }),
};
