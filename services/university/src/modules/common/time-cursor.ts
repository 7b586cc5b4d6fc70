/**
 * Cursors of this node's connections are sort keys `[epoch ms, id]`. Anything
 * else, including a time outside the range of a Date, is BAD_CURSOR rather
 * than a query PostgreSQL refuses.
 */
import { AppError, ErrorCode, decodeSortCursor } from "@tandem/shared";

export function decodeTimeCursor(cursor: string, connection: string, field = "after"): { at: Date; id: string } {
  const [at, id, ...rest] = decodeSortCursor(cursor, field);
  const date = typeof at === "number" ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || typeof id !== "string" || rest.length > 0) {
    throw new AppError(ErrorCode.BAD_CURSOR, `${field}: malformed ${connection} cursor`, { field });
  }
  return { at: date, id };
}
