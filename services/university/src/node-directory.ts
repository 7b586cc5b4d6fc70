/**
 * What a node knows about the consortium: itself and the ids of its peers,
 * so that references can be checked without asking anyone.
 */
import { IdDirectory } from "@tandem/shared";
import type { NodeIdentity } from "./context.js";

export class NodeDirectory extends IdDirectory {
  constructor(
    readonly self: NodeIdentity,
    peerNodeIds: ReadonlySet<string>,
  ) {
    super(self.id, new Set([...peerNodeIds, self.id]));
  }
}
