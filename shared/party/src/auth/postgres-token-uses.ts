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

/** One INSERT per accepted call; expired rows pruned by an unref'd timer (replicas pruning together is harmless). */
export class PostgresTokenUseStore implements TokenUseStore {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PostgresTokenUseStoreOptions) {}

  async claim(jti: string, expiresAt: Date): Promise<boolean> {
    const inserted: unknown[] = await this.options.dataSource.query(`INSERT INTO gateway_token_uses (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING RETURNING 1`, [jti, expiresAt]);
    return inserted.length === 1;
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
