/**
 * What a party knows about global ids: its own id (for the entities it owns)
 * and the nodes whose references it accepts, so that references can be
 * checked without asking anyone.
 */
import { AppError, ErrorCode } from "./errors.js";
import { formatGlobalId, parseGlobalId, type GlobalId } from "./ids.js";

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class IdDirectory {
  constructor(
    /** Id of the party owning the local entities (a node id or the coordination id). */
    readonly selfId: string,
    /** Nodes whose references are accepted. */
    private readonly referenceNodeIds: ReadonlySet<string>,
  ) {}

  globalId(kind: string, localId: string): string {
    return formatGlobalId(this.selfId, kind, localId);
  }

  isReferenceNode(nodeId: string): boolean {
    return this.referenceNodeIds.has(nodeId);
  }

  /** A reference to an entity held by one of the accepted nodes. */
  parseReference(id: string, kind: string, field: string): GlobalId {
    const parsed = parseGlobalId(id, kind, field);
    if (!this.referenceNodeIds.has(parsed.node)) {
      throw new AppError(ErrorCode.UNKNOWN_NODE, `${field}: "${parsed.node}" is not a node of this consortium`, { field, node: parsed.node });
    }
    assertUuid(parsed, id, field);
    return parsed;
  }

  /** The local id of an entity this party owns. */
  parseLocal(id: string, kind: string, field: string): string {
    const parsed = parseGlobalId(id, kind, field);
    if (parsed.node !== this.selfId) {
      if (!this.referenceNodeIds.has(parsed.node)) {
        throw new AppError(ErrorCode.UNKNOWN_NODE, `${field}: "${parsed.node}" is not a node of this consortium`, { field, node: parsed.node });
      }
      throw new AppError(ErrorCode.WRONG_NODE, `${field}: "${id}" belongs to ${parsed.node}, not ${this.selfId}`, { field, node: parsed.node });
    }
    assertUuid(parsed, id, field);
    return parsed.localId;
  }

  /** Refuses an argument naming another party (the router never sends one), or no party at all. */
  assertSelf(nodeId: string, field: string): void {
    if (nodeId !== this.selfId && !this.referenceNodeIds.has(nodeId)) {
      throw new AppError(ErrorCode.UNKNOWN_NODE, `${field}: "${nodeId}" is not a node of this consortium`, { field, node: nodeId });
    }
    if (nodeId !== this.selfId) {
      throw new AppError(ErrorCode.WRONG_NODE, `${field}: this is ${this.selfId}, not ${nodeId}`, { field, node: nodeId });
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

function assertUuid(parsed: GlobalId, id: string, field: string): void {
  if (!UUID_PATTERN.test(parsed.localId)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: "${id}" is not a valid id`, { field });
  }
}
