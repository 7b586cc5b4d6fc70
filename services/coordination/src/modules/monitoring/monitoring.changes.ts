/** What coordination tells the change feed when a cohort's monitoring figures change: the cohort only, on the topic of the tandem's mentee's node. */
import type { EntityManager } from "typeorm";
import { homeNodeOf, monitoringTopic, type MonitoringChangeKind } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";

/** Figures are grouped by the mentee's home node: a change of a tandem changes that node's figures. */
export async function publishMonitoringChange(manager: EntityManager, directory: ConsortiumDirectory, kind: MonitoringChangeKind, tandem: { cohortId: string; menteeId: string }): Promise<void> {
  const node = homeNodeOf(tandem.menteeId);
  if (!node) return;
  const cohortId = directory.globalId(COHORT_KIND, tandem.cohortId);
  await publishChange(manager, { topics: [monitoringTopic(cohortId, node)], kind, refs: { cohortId } });
}
