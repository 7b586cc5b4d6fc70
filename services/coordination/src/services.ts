import type { DataSource } from "typeorm";
import type { SigningKey } from "@tandem/shared";
import type { ConsortiumDirectory } from "./consortium-directory.js";
import { AuditLogService } from "./modules/audit/audit.service.js";
import { CohortService } from "./modules/cohort/cohort.service.js";
import { EnrolmentService } from "./modules/enrolment/enrolment.service.js";
import { ParticipantDataService } from "./modules/gdpr/participant-data.service.js";
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
}

export function createCoordinationServices(dataSource: DataSource, directory: ConsortiumDirectory, signingKey: SigningKey): CoordinationServices {
  const auditLog = new AuditLogService(dataSource);
  return {
    directory,
    programmes: new ProgrammeService(dataSource, directory),
    cohorts: new CohortService(dataSource, directory),
    enrolments: new EnrolmentService(dataSource, directory),
    tandems: new TandemService(dataSource, directory, signingKey),
    auditLog,
    participantData: new ParticipantDataService(dataSource, directory, auditLog),
  };
}
