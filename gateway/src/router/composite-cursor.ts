/**
 * Cursors of merged connections: one position per node, plus a fingerprint
 * of the filter, so a cursor cannot be replayed against another query.
 */
import { createHash } from "node:crypto";
import { AppError, ErrorCode, type SortKey } from "@tandem/shared";

const PREFIX = "c1.";

/** Per node, the sort key of the last item taken from it (null: nothing taken yet). */
export type NodePositions = Record<string, SortKey | null>;

export function filterFingerprint(fieldName: string, filterArgs: Record<string, unknown>): string {
  const canonical = JSON.stringify([
    fieldName,
    Object.keys(filterArgs)
      .sort()
      .map((key) => [key, canonicalValue(filterArgs[key])]),
  ]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 16);
}

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return [...value].map(canonicalValue).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return value ?? null;
}

export function encodeCompositeCursor(fingerprint: string, positions: NodePositions): string {
  return PREFIX + Buffer.from(JSON.stringify({ f: fingerprint, p: positions }), "utf8").toString("base64url");
}

/** Positions per node for `nodes`; BAD_CURSOR when malformed, foreign, or from another filter. */
export function decodeCompositeCursor(cursor: string, fingerprint: string, nodes: readonly string[], field: string): NodePositions {
  const bad = (reason: string): never => {
    throw new AppError(ErrorCode.BAD_CURSOR, `${field}: ${reason}`, { field });
  };
  if (!cursor.startsWith(PREFIX)) return bad("not a cursor of this connection");
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    return bad("malformed cursor");
  }
  const { f, p } = (decoded ?? {}) as { f?: unknown; p?: unknown };
  if (typeof f !== "string" || typeof p !== "object" || p === null || Array.isArray(p)) return bad("malformed cursor");
  if (f !== fingerprint) return bad("cursor was issued for a different query or filter");
  const positions: NodePositions = {};
  for (const node of nodes) {
    const position = (p as Record<string, unknown>)[node];
    if (position !== undefined && position !== null && !isSortKey(position)) return bad("malformed cursor");
    positions[node] = (position as SortKey | null | undefined) ?? null;
  }
  return positions;
}

function isSortKey(value: unknown): value is SortKey {
  return Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === "string" || (typeof part === "number" && Number.isFinite(part)));
}
