import { createGroupedLoader } from "@tandem/party";
import type { CoordinationServices } from "./services.js";
import { createCohortLoader, createCohortsByProgrammeLoader, createQuotasByCohortLoader } from "./modules/cohort/cohort.loader.js";
import { createMatchingWeightsLoader, createPairRulesByCohortLoader, createProposalsByRoundLoader, createUnmatchedByRoundLoader } from "./modules/matching/matching.loader.js";
import { createEnrolmentLoader, createEnrolmentsByCohortLoader, createQuotaUsageLoader } from "./modules/enrolment/enrolment.loader.js";
import { createProgrammeLoader, createRulesVersionsByProgrammeLoader, createTracksByProgrammeLoader } from "./modules/programme/programme.loader.js";
import { createAgreementStateLoader } from "./modules/agreement/agreement.loader.js";
import { createMeetingTallyLoader } from "./modules/meeting/meeting-tally.loader.js";
import { createEvaluationsByTandemLoader } from "./modules/evaluation/tandem-evaluation.loader.js";
import { createTandemLoader, createTandemsByCohortLoader } from "./modules/tandem/tandem.loader.js";

/** ConsortiumNode needs none: the gateway serves it from the registry. */
export function createLoaders(services: CoordinationServices) {
  return {
    programme: createProgrammeLoader(services.programmes),
    tracksByProgramme: createTracksByProgrammeLoader(services.programmes),
    rulesVersionsByProgramme: createRulesVersionsByProgrammeLoader(services.programmes),
    cohort: createCohortLoader(services.cohorts),
    cohortsByProgramme: createCohortsByProgrammeLoader(services.cohorts),
    quotasByCohort: createQuotasByCohortLoader(services.cohorts),
    enrolment: createEnrolmentLoader(services.enrolments),
    enrolmentsByCohort: createEnrolmentsByCohortLoader(services.enrolments),
    quotaUsageByCohort: createQuotaUsageLoader(services.enrolments),
    tandem: createTandemLoader(services.tandems),
    tandemsByCohort: createTandemsByCohortLoader(services.tandems),
    matchingWeights: createMatchingWeightsLoader(services.matchingWeights),
    pairRulesByCohort: createPairRulesByCohortLoader(services.matchingPairRules),
    proposalsByRound: createProposalsByRoundLoader(services.matchingRounds),
    unmatchedByRound: createUnmatchedByRoundLoader(services.matchingRounds),
    agreementState: createAgreementStateLoader(services.agreementStates),
    meetingTally: createMeetingTallyLoader(services.meetingTallies),
    evaluationsByTandem: createEvaluationsByTandemLoader(services.evaluations),
    membersByPeerGroup: createGroupedLoader(
      (groupIds: readonly string[]) => services.peerGroups.membersOf(groupIds),
      (member) => member.groupId,
    ),
    trainingsBySurvey: createGroupedLoader(
      (surveyIds: readonly string[]) => services.interestSurveys.trainingsOf(surveyIds),
      (training) => training.surveyId,
    ),
    statementsByCase: createGroupedLoader(
      (caseIds: readonly string[]) => services.mediationCases.statementsOf(caseIds),
      (statement) => statement.caseId,
    ),
  };
}

export type CoordinationLoaders = ReturnType<typeof createLoaders>;
