/**
 * What a node knows about the consortium: itself and the ids of its peers,
 * so that references can be checked without asking anyone.
 */
import { AppError, ErrorCode, parseGlobalId, formatGlobalId, type GlobalId } from "@tandem/shared";
import type { NodeIdentity } from "./context.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class NodeDirectory {
  constructor(
    readonly self: NodeIdentity,
    private readonly knownNodeIds: ReadonlySet<string>,
  ) {}

  globalId(kind: string, localId: string): string {
    return formatGlobalId(this.self.id, kind, localId);
  }

  /** A reference to an entity of any registered node. */
  parseReference(id: string, kind: string, field: string): GlobalId {
    const parsed = parseGlobalId(id, kind, field);
    if (!this.knownNodeIds.has(parsed.node) && parsed.node !== this.self.id) {
      throw new AppError(ErrorCode.UNKNOWN_NODE, `${field}: "${parsed.node}" is not a node of this consortium`, { field, node: parsed.node });
    }
    if (!UUID.test(parsed.localId)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: "${id}" is not a valid id`, { field });
    }
    return parsed;
  }

  /** The local id of an entity that must live on this node. */
  parseLocal(id: string, kind: string, field: string): string {
    const parsed = this.parseReference(id, kind, field);
    if (parsed.node !== this.self.id) {
      throw new AppError(ErrorCode.WRONG_NODE, `${field}: "${id}" belongs to node ${parsed.node}, not ${this.self.id}`, {
        field,
        node: parsed.node,
      });
    }
    return parsed.localId;
  }

  /** Refuses a `node` argument naming another node (the router should never send one). */
  assertSelf(node: string, field: string): void {
    if (node !== this.self.id) {
      throw new AppError(ErrorCode.WRONG_NODE, `${field}: this is node ${this.self.id}, not ${node}`, { field, node });
    }
  }

  /** Like parseLocal, but answers null for ids that are malformed or foreign (reference resolution). */
  tryLocal(id: string, kind: string): string | null {
    try {
      return this.parseLocal(id, kind, "id");
    } catch {
      return null;
    }
  }
}
