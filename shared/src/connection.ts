/**
 * Cursors of node-level connections encode their sort key, so that the
 * gateway can merge connections of several nodes k-way without a lookup.
 * A sort key is a tuple compared element by element.
 */
import { AppError, ErrorCode } from "./errors.js";

export type SortKey = readonly (string | number)[];

const CURSOR_PREFIX = "k1.";

export function encodeSortCursor(key: SortKey): string {
  return CURSOR_PREFIX + Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeSortCursor(cursor: string, field = "after"): SortKey {
  const fail = (): never => {
    throw new AppError(ErrorCode.BAD_CURSOR, `${field}: malformed cursor`, { field });
  };
  if (!cursor.startsWith(CURSOR_PREFIX)) return fail();
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor.slice(CURSOR_PREFIX.length), "base64url").toString("utf8"));
    if (!Array.isArray(key) || key.length === 0 || !key.every((part) => typeof part === "string" || Number.isFinite(part))) {
      return fail();
    }
    return key as SortKey;
  } catch {
    return fail();
  }
}

/**
 * Total order on sort keys: element by element, numbers numerically,
 * strings by UTF-16 code units, a number before any string; a key before
 * every longer key it is a prefix of.
 */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Page size bounds shared by every connection. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
