/**
 * Cursors of a party's lists carry the sort key of an item, so that the
 * gateway can merge the lists of several nodes k-way without a lookup. A
 * sort key is a tuple compared element by element; a cursor is bound to its
 * list and filter (see cursor.ts).
 */
import { CursorCodec } from "./cursor.js";

export type SortKey = readonly (string | number)[];

export function isSortKey(value: unknown): value is SortKey {
  return Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === "string" || (typeof part === "number" && Number.isFinite(part)));
}

/** Cursors of one party's lists: `k1.<scope>.<sort key>`. */
export const listCursor = new CursorCodec<SortKey>({ tag: "k1", noun: "list", isPosition: isSortKey });

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
