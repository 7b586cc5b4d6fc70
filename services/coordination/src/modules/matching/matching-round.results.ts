/** A solved round's proposals and unmatched mentees, stored with the round's end in one transaction. */
import type { DataSource, EntityManager } from "typeorm";
import { MatchingRoundChangeKind } from "@tandem/shared";
import type { RoundSolution } from "../../matching/round-input.js";
import type { RoundChangePublisher } from "./matching-round.changes.js";
import { MatchingProposalEntity } from "./matching-proposal.entity.js";
import { MatchingRoundEntity } from "./matching-round.entity.js";
import { MatchingUnmatchedEntity } from "./matching-unmatched.entity.js";
import { PROGRESS } from "./matching-round.progress.js";

const CHUNK = 500;

async function insertInChunks<T extends object>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await manager.getRepository(entity).insert(rows.slice(start, start + CHUNK) as never);
}

export async function storeSolution(dataSource: DataSource, round: MatchingRoundEntity, solution: RoundSolution, finishedAt: Date, publish: RoundChangePublisher): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const proposals = solution.proposals.map((proposal) =>
      manager.getRepository(MatchingProposalEntity).create({
        roundId: round.id,
        cohortId: round.cohortId,
        menteePseudonym: proposal.menteePseudonym,
        menteeNodeId: proposal.menteeNodeId,
        mentorPseudonym: proposal.mentorPseudonym,
        mentorNodeId: proposal.mentorNodeId,
        trackCode: proposal.trackCode,
        score: proposal.score,
        breakdown: proposal.breakdown,
        pinned: proposal.pinned,
      }),
    );
    await insertInChunks(manager, MatchingProposalEntity, proposals);
    await insertInChunks(
      manager,
      MatchingUnmatchedEntity,
      solution.unmatched.map((entry) => Object.assign(new MatchingUnmatchedEntity(), { roundId: round.id, ...entry })),
    );
    const ended = await manager
      .createQueryBuilder()
      .update(MatchingRoundEntity)
      .set({
        status: "SOLVED",
        progress: PROGRESS.STORED,
        finishedAt,
        menteeCount: solution.menteeCount,
        mentorCount: solution.mentorCount,
        matchedCount: solution.proposals.length,
        unmatchedCount: solution.unmatched.length,
        totalScore: solution.totalScore,
      })
      .where("id = :id AND status = 'SOLVING'", { id: round.id })
      .execute();
    // stopped meanwhile (shutdown): keep nothing of it
    if (!ended.affected) throw new Error(`matching round ${round.id} is no longer SOLVING`);
    await publish(manager, MatchingRoundChangeKind.SOLVED);
  });
}
