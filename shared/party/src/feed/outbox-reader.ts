/**
 * Reading the outbox by position: pages after a cursor, checked against
 * retention (CURSOR_EXPIRED) and against the feed's head (BAD_CURSOR for a
 * cursor this database never handed out, e.g. after a reset).
 */
import { AppError, ErrorCode, FEED_MAX_PAGE_SIZE, FEED_PAGE_SIZE, toChange, type Change, type OutboxRow } from "@tandem/shared";

/** Runs one SQL statement and returns its rows (a DataSource, a pool or the listener's own client). */
export type SqlQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export class OutboxReader {
  constructor(private readonly query: SqlQuery) {}

  /**
   * Changes after `after` (oldest first), only those naming one of `topics`
   * (all when null). The bounds are read after the page: retention only
   * moves forward, so a cursor still above the watermark then was above it
   * while the page was read, and the page misses nothing.
   */
  async page(after: bigint, topics: readonly string[] | null, limit = FEED_PAGE_SIZE): Promise<Change[]> {
    const rows = (await this.query(
      `SELECT id, topics, kind, refs, created_at FROM outbox
        WHERE id > $1 AND ($2::text[] IS NULL OR topics && $2::text[])
        ORDER BY id LIMIT $3`,
      [after.toString(), topics, Math.min(Math.max(limit, 1), FEED_MAX_PAGE_SIZE)],
    )) as unknown as OutboxRow[];
    const { purgedThrough, head } = await this.bounds();
    if (after > head && after > purgedThrough) throw new AppError(ErrorCode.BAD_CURSOR, "after: this feed never handed out that cursor", { field: "after" });
    if (after < purgedThrough) {
      throw new AppError(ErrorCode.CURSOR_EXPIRED, "after: changes after this cursor are past the feed's retention; resynchronise and resume from the head", { field: "after" });
    }
    return rows.map(toChange);
  }

  /** The last committed position: every change at or below it is readable (or deleted by retention). */
  async head(): Promise<bigint> {
    const { purgedThrough, head } = await this.bounds();
    return head > purgedThrough ? head : purgedThrough;
  }

  private async bounds(): Promise<{ purgedThrough: bigint; head: bigint }> {
    const [row] = await this.query(
      `SELECT coalesce((SELECT purged_through FROM outbox_watermark WHERE id = 1), 0)::text AS purged_through,
              coalesce((SELECT max(id) FROM outbox), 0)::text AS head`,
      [],
    );
    return { purgedThrough: BigInt(String(row!.purged_through)), head: BigInt(String(row!.head)) };
  }
}
