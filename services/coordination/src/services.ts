import type { DataSource } from "typeorm";
import type { Logger, SigningKey } from "@tandem/shared";
import { FactInbox, combineFactHandlers } from "@tandem/party";
import type { ConsortiumDirectory } from "./consortium-directory.js";
import type { MatchingProfileSource } from "./matching/profile-source.js";
import { agreementFactHandlers } from "./modules/agreement/agreement.facts.js";
import { AgreementStateReader } from "./modules/agreement/agreement.loader.js";
import { ApplicationPlacementService } from "./modules/application/application-placement.service.js";
import { applicationFactHandlers } from "./modules/application/application-record.facts.js";
import { ApplicationRecordService } from "./modules/application/application-record.service.js";
import { EnrolmentOutcomeFacts } from "./modules/application/enrolment-outcome.facts.js";
import { AuditLogService } from "./modules/audit/audit.service.js";
import { CohortFacts } from "./modules/cohort/cohort.facts.js";
import { CohortService } from "./modules/cohort/cohort.service.js";
import { EnrolmentService } from "./modules/enrolment/enrolment.service.js";
import { ParticipantDataService } from "./modules/gdpr/participant-data.service.js";
import { MatchingPairRuleService } from "./modules/matching/matching-pair-rule.service.js";
import { MatchingProposalService } from "./modules/matching/matching-proposal.service.js";
import { MatchingRoundRunner } from "./modules/matching/matching-round.runner.js";
import { MatchingRoundService } from "./modules/matching/matching-round.service.js";
import { MatchingWeightsService } from "./modules/matching/matching-weights.service.js";
import { ProgrammeFacts } from "./modules/programme/programme.facts.js";
import { ProgrammeService } from "./modules/programme/programme.service.js";
import { TandemService } from "./modules/tandem/tandem.service.js";
import { MediationCaseService } from "./modules/mediation/mediation-case.service.js";
import { mediationFactHandlers } from "./modules/mediation/mediation-case.facts.js";
import { TandemMonitoringService } from "./modules/monitoring/tandem-monitoring.service.js";
import { meetingFactHandlers } from "./modules/meeting/meeting-tally.facts.js";
import { MeetingTallyService } from "./modules/meeting/meeting-tally.service.js";
import { checkInFactHandlers } from "./modules/checkin/check-in.facts.js";
import { CheckInService } from "./modules/checkin/check-in.service.js";
import { evaluationFactHandlers } from "./modules/evaluation/tandem-evaluation.facts.js";
import { TandemEvaluationService } from "./modules/evaluation/tandem-evaluation.service.js";
import { InterestSurveyFacts, surveyFactHandlers } from "./modules/survey/interest-survey.facts.js";
import { InterestSurveyService } from "./modules/survey/interest-survey.service.js";
import { PeerGroupFacts } from "./modules/peer-group/peer-group.facts.js";
import { PeerGroupService } from "./modules/peer-group/peer-group.service.js";

/** The coordination service's singletons, wired once at start. */
export interface CoordinationServices {
  directory: ConsortiumDirectory;
  programmes: ProgrammeService;
  cohorts: CohortService;
  enrolments: EnrolmentService;
  /** Accepted applications within quotas: enrolled, waitlisted, promoted. */
  placements: ApplicationPlacementService;
  applicationRecords: ApplicationRecordService;
  tandems: TandemService;
  auditLog: AuditLogService;
  participantData: ParticipantDataService;
  matchingWeights: MatchingWeightsService;
  matchingPairRules: MatchingPairRuleService;
  matchingRounds: MatchingRoundService;
  /** Runs rounds in the background; stopped before the database closes. */
  matchingRunner: MatchingRoundRunner;
  matchingProposals: MatchingProposalService;
  /** Facts of the nodes, delivered by the gateway: application records, agreement versions and signatures, meeting tallies, check-ins, evaluations. */
  factInbox: FactInbox;
  /** Tandems' agreements as the nodes' facts stated them: versions, hashes, signing dates. */
  agreementStates: AgreementStateReader;
  mediationCases: MediationCaseService;
  tandemMonitoring: TandemMonitoringService;
  meetingTallies: MeetingTallyService;
  /** Check-ins' codes, the tandems needing attention, programmes' check-in intervals. */
  checkIns: CheckInService;
  /** The partners' final evaluations, as codes. */
  evaluations: TandemEvaluationService;
  /** Interest surveys of cohorts, the nodes' sums, the trainings chosen. */
  interestSurveys: InterestSurveyService;
  /** Peer-mentoring groups of cohorts' mentees: references and consent states, rosters told to the members' nodes. */
  peerGroups: PeerGroupService;
}

export interface CoordinationSettings {
  /** The consortium's minimum group size: pipeline counts below it are suppressed. */
  minimumGroupSize: number;
}

export interface MatchingDependencies {
  /** Where rounds pull profiles from: the gateway in service, given profiles in tests. */
  profiles: MatchingProfileSource;
  logger: Logger;
}

export function createCoordinationServices(
  dataSource: DataSource,
  directory: ConsortiumDirectory,
  signingKey: SigningKey,
  matching: MatchingDependencies,
  settings: CoordinationSettings,
): CoordinationServices {
  const auditLog = new AuditLogService(dataSource);
  const enrolments = new EnrolmentService(dataSource, directory);
  const cohortFacts = new CohortFacts(directory, signingKey);
  const peerGroups = new PeerGroupService(dataSource, directory, new PeerGroupFacts(directory, signingKey));
  const placements = new ApplicationPlacementService(dataSource, directory, enrolments, new EnrolmentOutcomeFacts(directory, signingKey), matching.logger, (manager, enrolment) =>
    peerGroups.removeMember(manager, enrolment.participantId, enrolment.cohortId),
  );
  const applicationRecords = new ApplicationRecordService(dataSource, directory, placements, matching.logger, settings.minimumGroupSize);
  const tandems = new TandemService(dataSource, directory, signingKey);
  const mediationCases = new MediationCaseService(dataSource, directory, tandems);
  const matchingWeights = new MatchingWeightsService(dataSource, directory);
  const matchingRunner = new MatchingRoundRunner({ dataSource, directory, profiles: matching.profiles, logger: matching.logger });
  return {
    directory,
    programmes: new ProgrammeService(dataSource, directory, new ProgrammeFacts(directory, signingKey), cohortFacts),
    cohorts: new CohortService(dataSource, directory, cohortFacts, placements),
    enrolments,
    placements,
    applicationRecords,
    tandems,
    auditLog,
    participantData: new ParticipantDataService(dataSource, directory, auditLog, tandems.facts, placements, peerGroups),
    factInbox: new FactInbox(
      dataSource,
      directory.registry,
      directory.selfId,
      combineFactHandlers(
        applicationFactHandlers(applicationRecords),
        agreementFactHandlers(directory, tandems),
        meetingFactHandlers(directory),
        checkInFactHandlers(directory),
        evaluationFactHandlers(directory),
        mediationFactHandlers(directory, mediationCases),
        surveyFactHandlers(directory),
      ),
    ),
    matchingWeights,
    matchingPairRules: new MatchingPairRuleService(dataSource, directory),
    matchingRounds: new MatchingRoundService(dataSource, directory, matchingWeights, matchingRunner),
    matchingRunner,
    matchingProposals: new MatchingProposalService(dataSource, directory, enrolments, tandems),
    agreementStates: new AgreementStateReader(dataSource),
    mediationCases,
    tandemMonitoring: new TandemMonitoringService(dataSource, directory, settings.minimumGroupSize),
    meetingTallies: new MeetingTallyService(dataSource),
    checkIns: new CheckInService(dataSource, directory),
    evaluations: new TandemEvaluationService(dataSource),
    interestSurveys: new InterestSurveyService(dataSource, directory, new InterestSurveyFacts(directory, signingKey), settings.minimumGroupSize),
    peerGroups,
  };
}
