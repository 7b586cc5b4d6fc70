/** What coordination tells the change feed about a cohort's applications, inside the transaction of the change: ids only. */
import type { EntityManager } from "typeorm";
import { ApplicationChangeKind, applicationPipelineTopic, type ApplicationStatus } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";

/** The application of a record, and its home node. */
export interface PipelineSubject {
  cohortId: string;
  applicationId: string;
  nodeId: string;
}

/** On the cohort's pipeline topic and on its topic for the application's home node (what that node's coordinators may follow), naming the cohort and the application. */
export function publishPipelineChange(manager: EntityManager, directory: ConsortiumDirectory, record: PipelineSubject, kind: ApplicationChangeKind): Promise<void> {
  const cohortId = directory.globalId(COHORT_KIND, record.cohortId);
  const topics = [applicationPipelineTopic(cohortId), applicationPipelineTopic(cohortId, record.nodeId)];
  return publishChange(manager, { topics, kind, refs: { cohortId, applicationId: record.applicationId } });
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
