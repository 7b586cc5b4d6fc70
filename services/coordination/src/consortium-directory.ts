/**
 * What the coordination service knows about the consortium: the registry's
 * nodes (served as ConsortiumNode, and the only homes a participant
 * reference may name) and its own id for the entities it owns.
 */
import { AppError, ErrorCode, IdDirectory, type ConsortiumRegistry, type GlobalId, type RegisteredNode } from "@tandem/shared";

export const PARTICIPANT_KIND = "participant";

export class ConsortiumDirectory extends IdDirectory {
  private readonly nodesById: ReadonlyMap<string, RegisteredNode>;

  constructor(readonly registry: ConsortiumRegistry) {
    super(registry.coordination.id, new Set(registry.nodes.map((node) => node.id)));
    this.nodesById = new Map(registry.nodes.map((node) => [node.id, node]));
  }

  get nodes(): readonly RegisteredNode[] {
    return this.registry.nodes;
  }

  node(id: string): RegisteredNode | null {
    return this.nodesById.get(id) ?? null;
  }

  /** A registered node, or UNKNOWN_NODE naming `field`. */
  requireNode(id: string, field: string): RegisteredNode {
    const node = this.nodesById.get(id);
    if (!node) throw new AppError(ErrorCode.UNKNOWN_NODE, `${field}: "${id}" is not a node of this consortium`, { field, node: id });
    return node;
  }

  /** A participant reference: well formed and at a registered node. Existence is the node's business. */
  parseParticipant(id: string, field: string): GlobalId {
    return this.parseReference(id, PARTICIPANT_KIND, field);
  }
}
