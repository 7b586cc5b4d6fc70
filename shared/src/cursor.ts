/**
 * The one cursor codec. Every cursor the product hands out reads
 * `<tag>.<scope>.<position>` (or `<tag>.<position>` where no scope is
 * needed): a tag telling kinds of cursors apart, a fingerprint of the query
 * and filter it was issued for, and the position as base64url JSON. A
 * malformed cursor, one of another kind, or one issued for another query or
 * filter is BAD_CURSOR naming the argument.
 */
import { createHash } from "node:crypto";
import { AppError, ErrorCode } from "./errors.js";

const SEGMENT = /^[A-Za-z0-9_-]+$/;

export interface CursorKind<P> {
  /** Tells this kind of cursor from others, e.g. `k1`. */
  tag: string;
  /** What such a cursor points into, for messages: "list", "live update". */
  noun: string;
  isPosition(value: unknown): value is P;
}

export interface ReadCursor<P> {
  /** The scope it was issued for; null for a cursor without one. */
  scope: string | null;
  position: P;
}

export class CursorCodec<P> {
  constructor(private readonly kind: CursorKind<P>) {}

  encode(position: P, scope?: string): string {
    const body = Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
    return scope === undefined ? `${this.kind.tag}.${body}` : `${this.kind.tag}.${scope}.${body}`;
  }

  /** The position of a cursor issued for `scope` (undefined: issued without one). */
  decode(cursor: string, scope: string | undefined, field = "after"): P {
    const read = this.read(cursor, field);
    if (read.scope !== (scope ?? null)) throw badCursor(field, "cursor was issued for a different query or filter");
    return read.position;
  }

  /** Reads a cursor whatever it was issued for: the gateway reading a node's own cursors. */
  read(cursor: string, field = "after"): ReadCursor<P> {
    const [tag, ...rest] = cursor.split(".");
    if (tag !== this.kind.tag) throw badCursor(field, `not a cursor of a ${this.kind.noun}`);
    if (rest.length < 1 || rest.length > 2 || !rest.every((segment) => SEGMENT.test(segment))) throw badCursor(field, "malformed cursor");
    const position = parseJson(rest.at(-1)!);
    if (!this.kind.isPosition(position)) throw badCursor(field, "malformed cursor");
    return { scope: rest.length === 2 ? rest[0]! : null, position };
  }
}

export function badCursor(field: string, reason: string): AppError {
  return new AppError(ErrorCode.BAD_CURSOR, `${field}: ${reason}`, { field });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Fingerprint of a query (a list's field name) and its filter: the same for
 * equal filters whatever the order of keys or of set-like lists, and whether
 * an argument is absent or null.
 */
export function cursorScope(query: string, filter: Record<string, unknown>): string {
  const entries = Object.keys(filter)
    .filter((key) => filter[key] !== undefined && filter[key] !== null)
    .sort()
    .map((key) => [key, canonicalValue(filter[key])]);
  return createHash("sha256")
    .update(JSON.stringify([query, entries]))
    .digest("base64url")
    .slice(0, 16);
}

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue).sort((a, b) => compareJson(a, b));
  if (value instanceof Date) return value.toJSON();
  return value ?? null;
}

function compareJson(a: unknown, b: unknown): number {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
