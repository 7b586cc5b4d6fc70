/**
 * Replay protection of gateway tokens: a party accepts each token id (jti)
 * once. The record lives in the party's own database, so it survives a
 * restart and every replica of the party sees what the others accepted; the
 * primary key decides atomically which of two concurrent uses wins.
 */
import type { DataSource } from "typeorm";
import type { Logger, TokenUseStore } from "@tandem/shared";

export interface PostgresTokenUseStoreOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Between prunes of expired rows (default: a minute). */
  pruneIntervalMs?: number;
  now?: () => Date;
}

interface PendingClaim {
  jti: string;
  expiresAt: Date;
  settle: (claimed: boolean) => void;
  fail: (error: unknown) => void;
}

/**
 * Claims are recorded in one INSERT per turn of the event loop: the calls
 * that arrived together (a busy party gets several at once) share one
 * statement and one round trip to the database instead of one each, which
 * was a large part of a party's fixed cost per call. The primary key still
 * decides each token id atomically; the same id twice in one statement is
 * answered once (the first), the others as replays. Expired rows are pruned
 * by an unref'd timer (replicas pruning together is harmless).
 */
export class PostgresTokenUseStore implements TokenUseStore {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private pending: PendingClaim[] = [];

  constructor(private readonly options: PostgresTokenUseStoreOptions) {}

  claim(jti: string, expiresAt: Date): Promise<boolean> {
    return new Promise((settle, fail) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ jti, expiresAt, settle, fail });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const first = new Map<string, PendingClaim>();
    for (const claim of batch) {
      if (first.has(claim.jti)) claim.settle(false);
      else first.set(claim.jti, claim);
    }
    const claims = [...first.values()];
    try {
      const inserted: { jti: string }[] = await this.options.dataSource.query(
        `INSERT INTO gateway_token_uses (jti, expires_at) SELECT * FROM unnest($1::text[], $2::timestamptz[]) ON CONFLICT (jti) DO NOTHING RETURNING jti`,
        [claims.map((claim) => claim.jti), claims.map((claim) => claim.expiresAt)],
      );
      const accepted = new Set(inserted.map((row) => row.jti));
      for (const claim of claims) claim.settle(accepted.has(claim.jti));
    } catch (error) {
      for (const claim of claims) claim.fail(error);
    }
  }

  /** Deletes the rows past their expiry; returns how many. */
  async prune(): Promise<number> {
    const now = this.options.now?.() ?? new Date();
    const [row]: { deleted: number }[] = await this.options.dataSource.query(
      `WITH pruned AS (DELETE FROM gateway_token_uses WHERE expires_at < $1 RETURNING 1) SELECT count(*)::int AS deleted FROM pruned`,
      [now],
    );
    return Number(row?.deleted ?? 0);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running = this.prune().catch((error: unknown) => this.options.logger.warn({ err: error }, "pruning used gateway tokens failed"));
    }, this.options.pruneIntervalMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
