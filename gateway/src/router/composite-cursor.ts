/**
 * Cursors of merged connections: per node, that node's own cursor of the
 * last item taken from it, bound (like every cursor, see @tandem/shared
 * cursor.ts) to the field and its filter, so a cursor cannot be replayed
 * against another query. A node checks its own cursor when it gets it back.
 */
import { CursorCodec, listCursor } from "@tandem/shared";

/** Per node, its cursor of the last item taken from it (null: nothing taken yet). */
export type NodePositions = Record<string, string | null>;

const mergedCursor = new CursorCodec<NodePositions>({ tag: "c1", noun: "merged list", isPosition: isNodePositions });

export function encodeCompositeCursor(scope: string, positions: NodePositions): string {
  return mergedCursor.encode(positions, scope);
}

/** Positions per node for `nodes`; BAD_CURSOR when malformed, foreign, or from another filter. */
export function decodeCompositeCursor(cursor: string, scope: string, nodes: readonly string[], field: string): NodePositions {
  const stored = mergedCursor.decode(cursor, scope, field);
  return Object.fromEntries(nodes.map((node) => [node, stored[node] ?? null]));
}

function isNodePositions(value: unknown): value is NodePositions {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((position) => position === null || (typeof position === "string" && isListCursor(position)));
}

function isListCursor(cursor: string): boolean {
  try {
    return listCursor.read(cursor).scope !== null;
  } catch {
    return false;
  }
}
