/**
 * Keyset paging of a TypeORM query over `(time, id)`: a page is the rows
 * after the last one seen in that order, never an offset, so rows added or
 * removed meanwhile neither repeat nor skip others. Cursors carry
 * `[epoch ms, id]` (time columns have millisecond precision, so the key
 * round-trips exactly); the id is as cursors show it, e.g. a global id so
 * that lists merged across nodes order alike everywhere.
 */
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { IdDirectory, SortKey } from "@tandem/shared";
import type { PageArgsShape } from "./page-args.js";
import { lazily, pageRequest, toPage, type Page } from "./page.js";

export interface CursorIds<T> {
  /** The row's id as cursors carry it. */
  of(row: T): string;
  /** The column value for an id read from a cursor; null when it cannot be an id of this list here. */
  fromCursor(id: string): string | null;
}

export interface Keyset<T> {
  /** The list's query field: cursors of other lists, or of other filters of it, are BAD_CURSOR. */
  list: string;
  /** SQL of the timestamp ordering the list and of the id breaking ties, e.g. `e.starts_at`, `e.id`. */
  timeColumn: string;
  idColumn: string;
  timeOf(row: T): Date;
  ids: CursorIds<T>;
  /** Newest first (default: oldest first). */
  descending?: boolean;
}

/** One page of `query` (filtered, unordered) in keyset order, with the total over all pages (counted only when selected). */
export async function keysetPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: PageArgsShape, keyset: Keyset<T>): Promise<Page<T>> {
  const request = pageRequest(keyset.list, args, (key) => timeKey(key, (id) => keyset.ids.fromCursor(id)));
  const counted = query.clone();
  const totalCount = lazily(() => counted.getCount());
  const direction = keyset.descending ? "DESC" : "ASC";
  const page = query
    .clone()
    .orderBy(keyset.timeColumn, direction)
    .addOrderBy(keyset.idColumn, direction)
    .limit(args.first + 1);
  if (request.after) {
    const comparison = keyset.descending ? "<" : ">";
    page.andWhere(`(${keyset.timeColumn}, ${keyset.idColumn}) ${comparison} (:keysetTime, :keysetId)`, { keysetTime: request.after.time, keysetId: request.after.id });
  }
  return toPage(await page.getMany(), request, (row) => [keyset.timeOf(row).getTime(), keyset.ids.of(row)], totalCount);
}

/** `[epoch ms, id]` with a time a Date can hold and an id of this list; anything else is no key of it. */
function timeKey(key: SortKey, fromCursor: (id: string) => string | null): { time: Date; id: string } | null {
  const [ms, cursorId, ...rest] = key;
  const time = typeof ms === "number" ? new Date(ms) : null;
  if (!time || Number.isNaN(time.getTime()) || typeof cursorId !== "string" || rest.length > 0) return null;
  const id = fromCursor(cursorId);
  return id === null ? null : { time, id };
}

/** Ids as global ids of `kind` at this party (`directory.selfId`). */
export function globalIds<T extends { id: string }>(directory: IdDirectory, kind: string): CursorIds<T> {
  return { of: (row) => directory.globalId(kind, row.id), fromCursor: (id) => directory.tryLocal(id, kind) };
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** Ids of a bigint serial column, as decimal strings. */
export function serialIds<T extends { id: string | number }>(): CursorIds<T> {
  return { of: (row) => String(row.id), fromCursor: (id) => (/^\d{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT ? id : null) };
}
