/**
 * Retention of the outbox: rows older than the window are deleted, and the
 * watermark remembers the highest id deleted, so a cursor below it is
 * refused as expired instead of silently missing changes. One unref'd timer
 * per process; replicas purging together is harmless.
 */
import { z } from "zod";
import type { Logger } from "@tandem/shared";
import type { SqlQuery } from "./outbox-reader.js";

export const DEFAULT_RETENTION_HOURS = 24;

/** `OUTBOX_RETENTION_HOURS`: how long a party keeps changes for subscribers resuming by cursor (1 minute to 90 days). */
export const outboxRetentionHours = z.coerce
  .number()
  .min(1 / 60)
  .max(90 * 24)
  .default(DEFAULT_RETENTION_HOURS);

export interface OutboxRetentionOptions {
  query: SqlQuery;
  logger: Logger;
  retentionHours: number;
  /** Between purges (default: a quarter of the window, at most 10 minutes). */
  intervalMs?: number;
  now?: () => Date;
}

export class OutboxRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: OutboxRetentionOptions) {}

  get windowMs(): number {
    return this.options.retentionHours * 3600_000;
  }

  start(): void {
    if (this.timer) return;
    const interval = this.options.intervalMs ?? Math.max(1_000, Math.min(10 * 60_000, Math.floor(this.windowMs / 4)));
    this.timer = setInterval(() => {
      this.running = this.purge().catch((error: unknown) => this.options.logger.warn({ err: error }, "outbox retention failed"));
    }, interval);
    this.timer.unref();
  }

  /** Deletes the rows older than the window, in one statement with the watermark; returns how many. */
  async purge(): Promise<number> {
    const cutoff = new Date((this.options.now?.() ?? new Date()).getTime() - this.windowMs);
    const [row] = await this.options.query(
      `WITH purged AS (DELETE FROM outbox WHERE created_at < $1 RETURNING id),
            marked AS (
              INSERT INTO outbox_watermark (id, purged_through, purged_at)
              SELECT 1, max(id), now() FROM purged HAVING count(*) > 0
              ON CONFLICT (id) DO UPDATE SET purged_through = GREATEST(outbox_watermark.purged_through, EXCLUDED.purged_through), purged_at = EXCLUDED.purged_at
            )
       SELECT count(*)::int AS deleted FROM purged`,
      [cutoff],
    );
    const deleted = Number(row?.deleted ?? 0);
    if (deleted > 0) this.options.logger.info({ deleted, cutoff }, "outbox retention deleted old changes");
    return deleted;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
