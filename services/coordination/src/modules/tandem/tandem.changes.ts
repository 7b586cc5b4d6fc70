/** What coordination tells the change feed about tandems, inside the transaction of the change: ids only. */
import type { EntityManager } from "typeorm";
import { tandemTopic, type TandemChangeKind } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { TANDEM_KIND } from "./tandem.type.js";

/** On `tandem:<tandemId>`. */
export function publishTandemChange(manager: EntityManager, directory: ConsortiumDirectory, kind: TandemChangeKind, localId: string): Promise<void> {
  const tandemId = directory.globalId(TANDEM_KIND, localId);
  return publishChange(manager, { topics: [tandemTopic(tandemId)], kind, refs: { tandemId } });
}
