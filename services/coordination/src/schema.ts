/**
 * The coordination subgraph: programmes (with their rules for
 * applications), cohorts (with their states), application records,
 * enrolments,
 * tandems, matching (weights, pins and bans, rounds, proposals), the
 * office's audit log and its part of the GDPR rights. Resolvers and
 * reference resolvers are listed here explicitly, and who may run each
 * operation in the access table.
 */
import { FactInboxResolver, buildSubgraph, type AccessTable, type Subgraph } from "@tandem/party";
import type { CoordinationContext } from "./context.js";
import { TandemAgreementResolver } from "./modules/agreement/agreement.resolver.js";
import { ApplicationRecordResolver } from "./modules/application/application-record.resolver.js";
import { CohortResolver, ProgrammeCohortsResolver } from "./modules/cohort/cohort.resolver.js";
import { cohortReference } from "./modules/cohort/cohort.reference.js";
import { CohortEnrolmentsResolver, CohortQuotaUsageResolver, EnrolmentResolver } from "./modules/enrolment/enrolment.resolver.js";
import { enrolmentReference } from "./modules/enrolment/enrolment.reference.js";
import { COORDINATION_ACCESS } from "./modules/access/access.table.js";
import { AuditLogResolver } from "./modules/audit/audit.resolver.js";
import { ParticipantDataResolver } from "./modules/gdpr/participant-data.resolver.js";
import { MatchingProposalResolver } from "./modules/matching/matching-proposal.resolver.js";
import { MatchingRoundResolver } from "./modules/matching/matching-round.resolver.js";
import { CohortMatchingResolver, MatchingPairRuleResolver, ProgrammeMatchingResolver } from "./modules/matching/matching-settings.resolver.js";
import { ProgrammeResolver, TrackResolver } from "./modules/programme/programme.resolver.js";
import { programmeReference } from "./modules/programme/programme.reference.js";
import { CohortTandemsResolver, TandemResolver } from "./modules/tandem/tandem.resolver.js";
import { tandemReference } from "./modules/tandem/tandem.reference.js";
import { MediationCaseResolver } from "./modules/mediation/mediation-case.resolver.js";
import { mediationCaseReference } from "./modules/mediation/mediation-case.reference.js";
import { matchingRoundReference } from "./modules/matching/matching-round.reference.js";
import { TandemMonitoringResolver } from "./modules/monitoring/tandem-monitoring.resolver.js";
import { TandemMeetingTallyResolver } from "./modules/meeting/meeting-tally.resolver.js";
import { ProgrammeCheckInResolver, TandemAttentionResolver } from "./modules/checkin/check-in.resolver.js";
import { ProgrammeCompletionResolver } from "./modules/completion/completion-rules.resolver.js";
import { TandemEvaluationsResolver } from "./modules/evaluation/tandem-evaluation.resolver.js";
import { ChosenTrainingResolver, InterestSurveyResolver } from "./modules/survey/interest-survey.resolver.js";
import { interestSurveyReference } from "./modules/survey/interest-survey.reference.js";
import { PeerGroupResolver, ProgrammePeerGroupResolver } from "./modules/peer-group/peer-group.resolver.js";
import { peerGroupReference } from "./modules/peer-group/peer-group.reference.js";

export const SUBGRAPH_NAME = "coordination";

/** `access` is the table every operation must appear in (tests leave one out to see the subgraph refused). */
export function buildCoordinationSubgraph(access: AccessTable<CoordinationContext> = COORDINATION_ACCESS): Promise<Subgraph> {
  return buildSubgraph({
    resolvers: [
      ProgrammeResolver,
      TrackResolver,
      ProgrammeCohortsResolver,
      CohortResolver,
      EnrolmentResolver,
      CohortEnrolmentsResolver,
      ApplicationRecordResolver,
      CohortQuotaUsageResolver,
      TandemResolver,
      CohortTandemsResolver,
      ProgrammeMatchingResolver,
      MatchingPairRuleResolver,
      CohortMatchingResolver,
      MatchingRoundResolver,
      MatchingProposalResolver,
      AuditLogResolver,
      ParticipantDataResolver,
      FactInboxResolver,
      TandemAgreementResolver,
      MediationCaseResolver,
      TandemMonitoringResolver,
      TandemMeetingTallyResolver,
      TandemAttentionResolver,
      ProgrammeCheckInResolver,
      ProgrammeCompletionResolver,
      TandemEvaluationsResolver,
      InterestSurveyResolver,
      PeerGroupResolver,
      ProgrammePeerGroupResolver,
      ChosenTrainingResolver,
    ],
    referenceResolvers: {
      ...programmeReference,
      ...cohortReference,
      ...enrolmentReference,
      ...tandemReference,
      ...mediationCaseReference,
      ...matchingRoundReference,
      ...interestSurveyReference,
      ...peerGroupReference,
    },
    access,
  });
}
