/** What coordination tells the change feed about mediation cases, inside the transaction of the change: ids and codes only. */
import type { EntityManager } from "typeorm";
import { mediationCasesTopic, mediationCaseTopic, MonitoringChangeKind, type MediationCaseChangeKind } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { publishMonitoringChange } from "../monitoring/monitoring.changes.js";
import type { MediationCaseEntity } from "./mediation-case.entity.js";
import { MEDIATION_CASE_KIND } from "./mediation-case.type.js";

/**
 * On the case's topic (its raiser and mediators), on the cohort's topic of
 * the raiser's node (the office's own id for a case a joint coordinator
 * raised: only joint coordinators read those), and as a monitoring change
 * of the mentee's node (open cases are a figure there).
 */
export async function publishCaseChange(
  manager: EntityManager,
  directory: ConsortiumDirectory,
  kind: MediationCaseChangeKind,
  found: MediationCaseEntity,
  tandem: { cohortId: string; menteeId: string },
): Promise<void> {
  const caseId = directory.globalId(MEDIATION_CASE_KIND, found.id);
  const cohortId = directory.globalId(COHORT_KIND, found.cohortId);
  const topics = [mediationCaseTopic(caseId), mediationCasesTopic(cohortId, found.raiserNodeId ?? directory.selfId)];
  await publishChange(manager, { topics, kind, refs: { caseId, cohortId } });
  await publishMonitoringChange(manager, directory, MonitoringChangeKind.CASE, tandem);
}
