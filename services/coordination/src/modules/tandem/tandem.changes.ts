/** What coordination tells the change feed about tandems, inside the transaction of the change: ids only. */
import type { EntityManager } from "typeorm";
import { MonitoringChangeKind, tandemTopic, type TandemChangeKind } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { publishMonitoringChange } from "../monitoring/monitoring.changes.js";
import type { TandemEntity } from "./tandem.entity.js";
import { TANDEM_KIND } from "./tandem.type.js";

/** On `tandem:<tandemId>`, and on the cohort's monitoring topic of the mentee's node (the tandem's state is a figure there). */
export async function publishTandemChange(manager: EntityManager, directory: ConsortiumDirectory, kind: TandemChangeKind, tandem: Pick<TandemEntity, "id" | "cohortId" | "menteeId">): Promise<void> {
  const tandemId = directory.globalId(TANDEM_KIND, tandem.id);
  await publishChange(manager, { topics: [tandemTopic(tandemId)], kind, refs: { tandemId } });
  await publishMonitoringChange(manager, directory, MonitoringChangeKind.TANDEM, tandem);
}
