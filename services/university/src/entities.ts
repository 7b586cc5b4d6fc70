import { AppliedFactEntity, AuditEntryEntity, FactEntity, FactPositionEntity, GatewayTokenUseEntity, IdempotencyRecordEntity, OutboxEntryEntity, OutboxWatermarkEntity } from "@tandem/party";
import { AgreementSignatureEntity, AgreementTandemEntity, AgreementVersionEntity } from "./modules/agreement/agreement.entity.js";
import { ApplicationEntity } from "./modules/application/application.entity.js";
import { CohortStateEntity } from "./modules/programme/cohort-state.entity.js";
import { ProgrammeRulesEntity } from "./modules/programme/programme-rules.entity.js";
import { DisclosureEndEntity } from "./modules/disclosure/disclosure-end.entity.js";
import { DisclosureGrantEntity } from "./modules/disclosure/disclosure-grant.entity.js";
import { EventEntity } from "./modules/event/event.entity.js";
import { MatchingConsentEntity } from "./modules/matching/matching-consent.entity.js";
import { ParticipantEntity } from "./modules/participant/participant.entity.js";
import { RegistrationEntity } from "./modules/registration/registration.entity.js";
import { ActiveTandemEntity } from "./modules/active-tandem/active-tandem.entity.js";
import { MeetingEntity } from "./modules/meeting/meeting.entity.js";
import { CheckInEntity } from "./modules/checkin/check-in.entity.js";
import { ConcernEntity } from "./modules/concern/concern.entity.js";
import { EvaluationEntity } from "./modules/evaluation/evaluation.entity.js";
import { EventParticipationEntity } from "./modules/package/event-participation.entity.js";
import { ProgrammeEventEntity } from "./modules/package/programme-event.entity.js";
import { SurveyEntity, SurveyRankingEntity } from "./modules/survey/survey.entity.js";
import { PeerGroupRosterEntity } from "./modules/peer-group/peer-group-roster.entity.js";
import { CalendarFeedEntity } from "./modules/calendar/calendar-feed.entity.js";
import { EventCalendarRevisionEntity } from "./modules/calendar/event-revision.entity.js";
import { CredentialStatusListEntity, IssuedCredentialEntity } from "./modules/credential/credential.entity.js";

export const entities = [
  ParticipantEntity,
  EventEntity,
  RegistrationEntity,
  DisclosureGrantEntity,
  MatchingConsentEntity,
  AuditEntryEntity,
  OutboxEntryEntity,
  OutboxWatermarkEntity,
  GatewayTokenUseEntity,
  IdempotencyRecordEntity,
  FactEntity,
  AppliedFactEntity,
  FactPositionEntity,
  DisclosureEndEntity,
  ProgrammeRulesEntity,
  CohortStateEntity,
  ApplicationEntity,
  AgreementTandemEntity,
  AgreementVersionEntity,
  AgreementSignatureEntity,
  ActiveTandemEntity,
  MeetingEntity,
  CheckInEntity,
  ConcernEntity,
  EvaluationEntity,
  ProgrammeEventEntity,
  EventParticipationEntity,
  SurveyEntity,
  SurveyRankingEntity,
  PeerGroupRosterEntity,
  CalendarFeedEntity,
  EventCalendarRevisionEntity,
  IssuedCredentialEntity,
  CredentialStatusListEntity,
];
