/**
 * A running round's state in the store, written as it moves: each status
 * change once, progress only forward and one write at a time, so a reader
 * polling `matchingRound` sees it advance; every write is published on the
 * round's topic in its transaction, so a subscriber sees it advance too.
 */
import type { DataSource } from "typeorm";
import { MatchingRoundChangeKind } from "@tandem/shared";
import type { RoundChangePublisher } from "./matching-round.changes.js";
import { MatchingRoundEntity, type MatchingRoundStatus } from "./matching-round.entity.js";

/** Progress at the end of each stage. */
export const PROGRESS = { FETCHED: 40, SCORED: 80, SOLVED: 95, STORED: 100 } as const;

export class RoundProgress {
  private written = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly roundId: string,
    private readonly publish: RoundChangePublisher,
  ) {}

  /** Moves the progress forward (never to 100 before the round is stored); writes are queued. */
  set(value: number): void {
    const progress = Math.min(PROGRESS.STORED - 1, Math.floor(value));
    if (progress <= this.written) return;
    this.written = progress;
    this.chain = this.chain.then(() => this.write(progress)).catch(() => {});
  }

  /** Waits for the queued writes. */
  flush(): Promise<void> {
    return this.chain;
  }

  /** Enters a status (FETCHING or SOLVING) with its timestamp and extra fields, after the queued writes. */
  async enter(status: Extract<MatchingRoundStatus, "FETCHING" | "SOLVING">, at: Date, progress: number, fields: Partial<MatchingRoundEntity> = {}): Promise<void> {
    await this.flush();
    this.written = Math.max(this.written, progress);
    const stamp = status === "FETCHING" ? { fetchingAt: at } : { solvingAt: at };
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(MatchingRoundEntity).update({ id: this.roundId }, { status, progress: this.written, ...stamp, ...fields });
      await this.publish(manager, status);
    });
  }

  private async write(progress: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const written = await manager
        .createQueryBuilder()
        .update(MatchingRoundEntity)
        .set({ progress })
        .where("id = :id AND status IN ('FETCHING', 'SOLVING') AND progress < :progress", { id: this.roundId, progress })
        .execute();
      if (written.affected) await this.publish(manager, MatchingRoundChangeKind.PROGRESS);
    });
  }
}
