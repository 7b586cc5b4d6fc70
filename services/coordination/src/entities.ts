import { AppliedFactEntity, AuditEntryEntity, FactEntity, FactPositionEntity, GatewayTokenUseEntity, IdempotencyRecordEntity, OutboxEntryEntity, OutboxWatermarkEntity } from "@tandem/party";
import { ApplicationRecordEntity } from "./modules/application/application-record.entity.js";
import { CohortEntity } from "./modules/cohort/cohort.entity.js";
import { CohortQuotaEntity } from "./modules/cohort/cohort-quota.entity.js";
import { EnrolmentEntity } from "./modules/enrolment/enrolment.entity.js";
import { MatchingPairRuleEntity } from "./modules/matching/matching-pair-rule.entity.js";
import { MatchingProposalEntity } from "./modules/matching/matching-proposal.entity.js";
import { MatchingRoundEntity } from "./modules/matching/matching-round.entity.js";
import { MatchingUnmatchedEntity } from "./modules/matching/matching-unmatched.entity.js";
import { MatchingWeightsEntity } from "./modules/matching/matching-weights.entity.js";
import { ProgrammeEntity } from "./modules/programme/programme.entity.js";
import { ProgrammeRulesVersionEntity } from "./modules/programme/programme-rules-version.entity.js";
import { ProgrammeTrackEntity } from "./modules/programme/programme-track.entity.js";
import { TandemAgreementEntity, TandemAgreementSignatureEntity } from "./modules/agreement/agreement.entity.js";
import { TandemEntity } from "./modules/tandem/tandem.entity.js";
import { MediationCaseEntity, MediationCaseStatementEntity } from "./modules/mediation/mediation-case.entity.js";
import { MeetingMonthEntity } from "./modules/meeting/meeting-month.entity.js";
import { MeetingTallyEntity } from "./modules/meeting/meeting-tally.entity.js";
import { CheckInRecordEntity } from "./modules/checkin/check-in-record.entity.js";
import { TandemAttentionEntity } from "./modules/checkin/tandem-attention.entity.js";
import { TandemEvaluationEntity, TandemGoalRatingEntity } from "./modules/evaluation/tandem-evaluation.entity.js";
import { PeerGroupEntity, PeerGroupMemberEntity } from "./modules/peer-group/peer-group.entity.js";
import { InterestSurveyEntity, SurveyTallyEntity, SurveyTrainingEntity } from "./modules/survey/interest-survey.entity.js";
import { TandemActivationFactEntity } from "./modules/tandem/tandem-activation-fact.entity.js";

export const entities = [
  ProgrammeEntity,
  ProgrammeTrackEntity,
  ProgrammeRulesVersionEntity,
  CohortEntity,
  CohortQuotaEntity,
  EnrolmentEntity,
  ApplicationRecordEntity,
  TandemEntity,
  MatchingWeightsEntity,
  MatchingPairRuleEntity,
  MatchingRoundEntity,
  MatchingProposalEntity,
  MatchingUnmatchedEntity,
  AuditEntryEntity,
  OutboxEntryEntity,
  OutboxWatermarkEntity,
  IdempotencyRecordEntity,
  GatewayTokenUseEntity,
  FactEntity,
  AppliedFactEntity,
  FactPositionEntity,
  TandemAgreementEntity,
  TandemAgreementSignatureEntity,
  MediationCaseEntity,
  MediationCaseStatementEntity,
  MeetingTallyEntity,
  MeetingMonthEntity,
  CheckInRecordEntity,
  TandemAttentionEntity,
  InterestSurveyEntity,
  SurveyTallyEntity,
  PeerGroupEntity,
  PeerGroupMemberEntity,
  SurveyTrainingEntity,
  TandemEvaluationEntity,
  TandemGoalRatingEntity,
  TandemActivationFactEntity,
];
