import { In, IsNull, type DataSource } from "typeorm";
import { AppError, ErrorCode, MatchingRoundChangeKind } from "@tandem/shared";
import { afterCommit, inTransaction, isUniqueViolation, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { lockCohort } from "../cohort/cohort.service.js";
import { assertCohortAllows } from "../cohort/cohort-state.rules.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { publishRoundChange } from "./matching-round.changes.js";
import { HELD_PROPOSAL_STATUSES, MatchingProposalEntity } from "./matching-proposal.entity.js";
import { MatchingRoundEntity, RUNNING_ROUND_STATUSES, type MatchingRoundScope } from "./matching-round.entity.js";
import type { MatchingRoundRunner } from "./matching-round.runner.js";
import { MatchingUnmatchedEntity } from "./matching-unmatched.entity.js";
import type { MatchingWeightsService } from "./matching-weights.service.js";
import { ROUND_KIND } from "./matching.ids.js";

/** Who may see a cohort's matching: decided from the programme's participating nodes. */
export type MatchingGuard = (nodeIds: readonly string[]) => void;

export class MatchingRoundService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly weights: MatchingWeightsService,
    private readonly runner: MatchingRoundRunner,
  ) {}

  /**
   * Creates a PENDING round and starts it in the background. One round runs
   * per cohort at a time; a FULL round is refused while proposals of earlier
   * rounds are open or accepted (those stay fixed only in REMATCH_POOL).
   */
  async start(cohortId: string, scope: MatchingRoundScope): Promise<MatchingRoundEntity> {
    const localId = this.directory.parseLocal(cohortId, COHORT_KIND, "cohortId");
    const busy = () => new AppError(ErrorCode.CONFLICT, "cohortId: a matching round of this cohort is still running; wait for it to end", { field: "cohortId" });
    const round = await inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, localId, "cohortId");
      assertCohortAllows(cohort, "startMatchingRound", "cohortId");
      const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
      const rounds = manager.getRepository(MatchingRoundEntity);
      if (await rounds.existsBy({ cohortId: localId, status: In([...RUNNING_ROUND_STATUSES]) })) throw busy();
      if (scope === "FULL") {
        const held = await manager.getRepository(MatchingProposalEntity).countBy({ cohortId: localId, status: In([...HELD_PROPOSAL_STATUSES]), releasedAt: IsNull() });
        if (held > 0) {
          throw new AppError(ErrorCode.CONFLICT, `scope: the cohort has ${held} open or accepted proposal(s) from earlier rounds; start a REMATCH_POOL round, which keeps them`, { field: "scope" });
        }
      }
      const nodeIds = programme.participatingNodeIds.filter((id) => this.directory.node(id) !== null);
      const weights = await this.weights.current(manager, programme.id);
      const created = await rounds.save(rounds.create({ cohortId: localId, scope, status: "PENDING", progress: 0, weights, crossBorderRule: programme.crossBorderRule, nodeIds }));
      await publishRoundChange(manager, this.directory, MatchingRoundChangeKind.STARTED, created);
      return created;
    }).catch((error: unknown) => {
      throw isUniqueViolation(error, "matching_rounds_one_running_per_cohort") ? busy() : error;
    });
    afterCommit(this.dataSource, () => this.runner.launch(round.id));
    return round;
  }

  /** A round by global id, after `guard` accepted the caller for its nodes; null when there is none. */
  async find(id: string, guard: MatchingGuard): Promise<MatchingRoundEntity | null> {
    const round = await repositoryOf(this.dataSource, MatchingRoundEntity).findOneBy({ id: this.directory.parseLocal(id, ROUND_KIND, "id") });
    if (round) guard(round.nodeIds);
    return round;
  }

  /** A cohort's rounds, newest first, after `guard` accepted the caller for the programme's nodes. */
  async ofCohort(cohortId: string, guard: MatchingGuard): Promise<MatchingRoundEntity[]> {
    const localId = this.directory.parseLocal(cohortId, COHORT_KIND, "cohortId");
    const cohort = await repositoryOf(this.dataSource, CohortEntity).findOne({ where: { id: localId }, relations: { programme: true } });
    if (!cohort) throw new AppError(ErrorCode.NOT_FOUND, `cohortId: no cohort ${cohortId}`, { field: "cohortId" });
    guard(cohort.programme!.participatingNodeIds);
    return repositoryOf(this.dataSource, MatchingRoundEntity).find({ where: { cohortId: localId }, order: { createdAt: "DESC", id: "DESC" } });
  }

  /** Proposals of several rounds, best score first, one query. */
  async proposalsOf(roundIds: readonly string[]): Promise<MatchingProposalEntity[]> {
    if (roundIds.length === 0) return [];
    return repositoryOf(this.dataSource, MatchingProposalEntity).find({ where: { roundId: In([...roundIds]) }, order: { roundId: "ASC", score: "DESC", id: "ASC" } });
  }

  /** Unmatched mentees of several rounds, one query. */
  async unmatchedOf(roundIds: readonly string[]): Promise<MatchingUnmatchedEntity[]> {
    if (roundIds.length === 0) return [];
    return repositoryOf(this.dataSource, MatchingUnmatchedEntity).find({ where: { roundId: In([...roundIds]) }, order: { roundId: "ASC", menteeNodeId: "ASC", menteePseudonym: "ASC" } });
  }
}
