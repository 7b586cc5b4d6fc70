/**
 * Connections of the coordination subgraph ordered by (creation time, id).
 * The time columns have millisecond precision, so a cursor's key
 * round-trips exactly through a JavaScript Date.
 */
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { AppError, ErrorCode, decodeSortCursor, encodeSortCursor } from "@tandem/shared";
import { toPage } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";

export function encodeTimeCursor(at: Date, globalId: string): string {
  return encodeSortCursor([at.getTime(), globalId]);
}

export function decodeTimeCursor(cursor: string, kind: string, directory: ConsortiumDirectory, field = "after"): { at: Date; localId: string } {
  const [at, globalId] = decodeSortCursor(cursor, field);
  const localId = typeof globalId === "string" ? directory.tryLocal(globalId, kind) : null;
  if (typeof at !== "number" || !localId) throw new AppError(ErrorCode.BAD_CURSOR, `${field}: not a ${kind} cursor`, { field });
  return { at: new Date(at), localId };
}

export interface TimeOrder<T> {
  /** Alias of the entity in `query`. */
  alias: string;
  /** Column (not property) holding the creation time. */
  timeColumn: string;
  timeOf: (row: T) => Date;
  kind: string;
  directory: ConsortiumDirectory;
}

/** One page of a filtered query, oldest first, plus the total over all pages. */
export async function timeOrderedPage<T extends ObjectLiteral & { id: string }>(query: SelectQueryBuilder<T>, order: TimeOrder<T>, args: { first: number; after?: string | null }) {
  const { alias, timeColumn, directory, kind } = order;
  const totalCount = await query.clone().getCount();
  const page = query
    .clone()
    .orderBy(`${alias}.${timeColumn}`, "ASC")
    .addOrderBy(`${alias}.id`, "ASC")
    .limit(args.first + 1);
  if (args.after) {
    const { at, localId } = decodeTimeCursor(args.after, kind, directory);
    page.andWhere(`(${alias}.${timeColumn}, ${alias}.id) > (:at, :localId)`, { at, localId });
  }
  const rows = await page.getMany();
  const cursorOf = (row: T) => encodeTimeCursor(order.timeOf(row), directory.globalId(kind, row.id));
  return { ...toPage(rows, args.first, cursorOf, Boolean(args.after)), totalCount };
}
