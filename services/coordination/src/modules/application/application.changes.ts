/** What coordination tells the change feed about a cohort's applications, inside the transaction of the change: ids only. */
import type { EntityManager } from "typeorm";
import { ApplicationChangeKind, applicationPipelineTopic, type ApplicationStatus } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";

/** On `application-pipeline:<cohortId>`, naming the cohort and the application. */
export function publishPipelineChange(manager: EntityManager, directory: ConsortiumDirectory, cohortLocalId: string, applicationId: string, kind: ApplicationChangeKind): Promise<void> {
  const cohortId = directory.globalId(COHORT_KIND, cohortLocalId);
  return publishChange(manager, { topics: [applicationPipelineTopic(cohortId)], kind, refs: { cohortId, applicationId } });
}

/** The kind of change a record with this status (from its home node) is. */
export function changeKindOf(status: ApplicationStatus): ApplicationChangeKind {
  switch (status) {
    case "DRAFT":
      return ApplicationChangeKind.SAVED;
    case "SUBMITTED":
      return ApplicationChangeKind.SUBMITTED;
    case "ENROLLED":
      return ApplicationChangeKind.ENROLLED;
    case "WITHDRAWN":
      return ApplicationChangeKind.WITHDRAWN;
    default:
      return ApplicationChangeKind.DECIDED;
  }
}
