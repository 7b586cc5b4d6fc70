import type { DataSource } from "typeorm";
import type { ConsortiumDirectory } from "./consortium-directory.js";
import { CohortService } from "./modules/cohort/cohort.service.js";
import { EnrolmentService } from "./modules/enrolment/enrolment.service.js";
import { ProgrammeService } from "./modules/programme/programme.service.js";
import { TandemService } from "./modules/tandem/tandem.service.js";

/** The coordination service's singletons, wired once at start. */
export interface CoordinationServices {
  directory: ConsortiumDirectory;
  programmes: ProgrammeService;
  cohorts: CohortService;
  enrolments: EnrolmentService;
  tandems: TandemService;
}

export function createCoordinationServices(dataSource: DataSource, directory: ConsortiumDirectory): CoordinationServices {
  return {
    directory,
    programmes: new ProgrammeService(dataSource, directory),
    cohorts: new CohortService(dataSource, directory),
    enrolments: new EnrolmentService(dataSource, directory),
    tandems: new TandemService(dataSource, directory),
  };
}
