/**
 * Runs matching rounds in the background, so that startMatchingRound answers
 * at once and the service keeps answering while a round runs: profiles are
 * pulled page by page (I/O), pairs are scored and the assignment solved in
 * a worker thread (solve-in-worker.ts), and the results are stored in one
 * transaction. Every step shows in the round's status and progress.
 *
 * One process runs the rounds of one coordination database: at start it
 * fails the rounds an earlier process left running (they cannot resume).
 */
import type { DataSource } from "typeorm";
import { MatchingRoundChangeKind, type Logger } from "@tandem/shared";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { MatchingProfileSource } from "../../matching/profile-source.js";
import { RoundFailure, RoundInterrupted } from "../../matching/round-failure.js";
import { solveInWorker } from "../../matching/solve-in-worker.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { MatchingRoundEntity, RUNNING_ROUND_STATUSES } from "./matching-round.entity.js";
import { publishRoundChange, roundChangePublisher } from "./matching-round.changes.js";
import { roundInputOf } from "./matching-round.inputs.js";
import { PROGRESS, RoundProgress } from "./matching-round.progress.js";
import { storeSolution } from "./matching-round.results.js";

export interface RoundRunnerOptions {
  dataSource: DataSource;
  directory: ConsortiumDirectory;
  profiles: MatchingProfileSource;
  logger: Logger;
}

const MAX_ERROR_LENGTH = 1000;
const UNEXPECTED = "the round failed unexpectedly (see the coordination service's log); start it again";

export class MatchingRoundRunner {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private stopping = false;

  constructor(private readonly options: RoundRunnerOptions) {}

  /** Starts a PENDING round in the background; its end is in the store. While stopping, it ends at once, FAILED. */
  launch(roundId: string): void {
    const controller = new AbortController();
    if (this.stopping) controller.abort();
    const done = this.run(roundId, controller.signal).finally(() => this.running.delete(roundId));
    this.running.set(roundId, { controller, done });
  }

  /** Resolves once the round has ended (for tests and shutdown). */
  async settled(roundId: string): Promise<void> {
    await this.running.get(roundId)?.done;
  }

  /** Interrupts running rounds (each ends FAILED, saying so) and waits for them. */
  async stop(): Promise<void> {
    this.stopping = true;
    while (this.running.size) {
      for (const { controller } of this.running.values()) controller.abort();
      await Promise.all([...this.running.values()].map((entry) => entry.done));
    }
  }

  /** Fails the rounds an earlier process left running (created before `startedAt`). */
  async failInterrupted(startedAt: Date): Promise<number> {
    return this.failWhere(
      "status IN (:...running) AND created_at < :startedAt",
      { running: [...RUNNING_ROUND_STATUSES], startedAt },
      "interrupted: the coordination service restarted while the round ran; start it again",
    );
  }

  private now(): Date {
    return new Date();
  }

  private async run(roundId: string, signal: AbortSignal): Promise<void> {
    const { dataSource, directory, profiles: source, logger } = this.options;
    let running: RoundProgress | null = null;
    try {
      if (signal.aborted) throw new RoundInterrupted();
      const round = await dataSource.getRepository(MatchingRoundEntity).findOneByOrFail({ id: roundId });
      const publish = roundChangePublisher(directory, round);
      const progress = (running = new RoundProgress(dataSource, roundId, publish));
      await progress.enter("FETCHING", this.now(), 0);
      const request = { cohortId: directory.globalId(COHORT_KIND, round.cohortId), nodes: round.nodeIds, signal };
      const profiles = await source.fetchProfiles(request, (fetched, total) => progress.set((PROGRESS.FETCHED * fetched) / Math.max(total, 1)));
      if (signal.aborted) throw new RoundInterrupted();
      await progress.enter("SOLVING", this.now(), PROGRESS.FETCHED, { profileCount: profiles.length });
      const input = await roundInputOf(dataSource, directory, round, profiles);
      const solution = await solveInWorker(
        input,
        (event) => progress.set(event.kind === "solving" ? PROGRESS.SCORED : PROGRESS.FETCHED + (PROGRESS.SCORED - PROGRESS.FETCHED) * event.fraction),
        signal,
      );
      progress.set(PROGRESS.SOLVED);
      await progress.flush();
      await storeSolution(dataSource, round, solution, this.now(), publish);
    } catch (error) {
      await running?.flush();
      const expected = error instanceof RoundFailure || error instanceof RoundInterrupted;
      if (!expected) logger.error({ err: error, roundId }, "matching round failed");
      await this.fail(roundId, expected ? (error as Error).message : UNEXPECTED).catch((err: unknown) => logger.error({ err, roundId }, "could not record a failed matching round"));
    }
  }

  private async fail(roundId: string, message: string): Promise<void> {
    await this.failWhere("id = :id AND status IN (:...running)", { id: roundId, running: [...RUNNING_ROUND_STATUSES] }, message);
  }

  /** Fails the rounds `where` selects, publishing FAILED for each in the same transaction. */
  private async failWhere(where: string, parameters: Record<string, unknown>, message: string): Promise<number> {
    return this.options.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(MatchingRoundEntity)
        .set({ status: "FAILED", finishedAt: this.now(), error: message.slice(0, MAX_ERROR_LENGTH) })
        .where(where, parameters)
        .returning(`"id", "cohort_id"`)
        .execute();
      const failed = (result.raw as { id: string; cohort_id: string }[]) ?? [];
      for (const round of failed) await publishRoundChange(manager, this.options.directory, MatchingRoundChangeKind.FAILED, { id: round.id, cohortId: round.cohort_id });
      return failed.length;
    });
  }
}
