import type { DataSource } from "typeorm";
import type { Logger, SigningKey } from "@tandem/shared";
import { FactInbox } from "@tandem/party";
import type { ConsortiumDirectory } from "./consortium-directory.js";
import type { MatchingProfileSource } from "./matching/profile-source.js";
import { AuditLogService } from "./modules/audit/audit.service.js";
import { CohortService } from "./modules/cohort/cohort.service.js";
import { EnrolmentService } from "./modules/enrolment/enrolment.service.js";
import { ParticipantDataService } from "./modules/gdpr/participant-data.service.js";
import { MatchingPairRuleService } from "./modules/matching/matching-pair-rule.service.js";
import { MatchingProposalService } from "./modules/matching/matching-proposal.service.js";
import { MatchingRoundRunner } from "./modules/matching/matching-round.runner.js";
import { MatchingRoundService } from "./modules/matching/matching-round.service.js";
import { MatchingWeightsService } from "./modules/matching/matching-weights.service.js";
import { ProgrammeService } from "./modules/programme/programme.service.js";
import { TandemService } from "./modules/tandem/tandem.service.js";

/** The coordination service's singletons, wired once at start. */
export interface CoordinationServices {
  directory: ConsortiumDirectory;
  programmes: ProgrammeService;
  cohorts: CohortService;
  enrolments: EnrolmentService;
  tandems: TandemService;
  auditLog: AuditLogService;
  participantData: ParticipantDataService;
  matchingWeights: MatchingWeightsService;
  matchingPairRules: MatchingPairRuleService;
  matchingRounds: MatchingRoundService;
  /** Runs rounds in the background; stopped before the database closes. */
  matchingRunner: MatchingRoundRunner;
  matchingProposals: MatchingProposalService;
  /** Facts of the nodes, delivered by the gateway (none applied yet). */
  factInbox: FactInbox;
}

export interface MatchingDependencies {
  /** Where rounds pull profiles from: the gateway in service, given profiles in tests. */
  profiles: MatchingProfileSource;
  logger: Logger;
}

/** The office applies no facts of the nodes yet (application verdicts will come): its inbox knows no kind. */
export function createCoordinationServices(dataSource: DataSource, directory: ConsortiumDirectory, signingKey: SigningKey, matching: MatchingDependencies): CoordinationServices {
  const auditLog = new AuditLogService(dataSource);
  const enrolments = new EnrolmentService(dataSource, directory);
  const tandems = new TandemService(dataSource, directory, signingKey);
  const matchingWeights = new MatchingWeightsService(dataSource, directory);
  const matchingRunner = new MatchingRoundRunner({ dataSource, directory, profiles: matching.profiles, logger: matching.logger });
  return {
    directory,
    programmes: new ProgrammeService(dataSource, directory),
    cohorts: new CohortService(dataSource, directory),
    enrolments,
    tandems,
    auditLog,
    participantData: new ParticipantDataService(dataSource, directory, auditLog, tandems.facts),
    factInbox: new FactInbox(dataSource, directory.registry, directory.selfId, {}),
    matchingWeights,
    matchingPairRules: new MatchingPairRuleService(dataSource, directory),
    matchingRounds: new MatchingRoundService(dataSource, directory, matchingWeights, matchingRunner),
    matchingRunner,
    matchingProposals: new MatchingProposalService(dataSource, directory, enrolments, tandems),
  };
}
