import { In, type DataSource } from "typeorm";
import { AppError, ErrorCode } from "@tandem/shared";
import { isUniqueViolation, inTransaction, repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { lockCohort } from "../cohort/cohort.service.js";
import { assertCohortAllows } from "../cohort/cohort-state.rules.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { MatchingPairRuleEntity, type PairRuleKind } from "./matching-pair-rule.entity.js";
import type { PairRuleArgs } from "./matching-pair-rule.args.js";
import { PAIR_RULE_KIND } from "./matching.ids.js";

/** Pins and bans of cohorts, between pseudonyms. */
export class MatchingPairRuleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
  ) {}

  /** Rules of several cohorts (local ids), oldest first, one query. */
  async byCohorts(cohortIds: readonly string[]): Promise<MatchingPairRuleEntity[]> {
    if (cohortIds.length === 0) return [];
    return repositoryOf(this.dataSource, MatchingPairRuleEntity).find({ where: { cohortId: In([...cohortIds]) }, order: { createdAt: "ASC", id: "ASC" } });
  }

  /**
   * Adds a pin or a ban. The same rule again returns it; a pair has one rule
   * and a mentee one pin, so the other cases are CONFLICT saying what to remove.
   */
  async add(kind: PairRuleKind, args: PairRuleArgs): Promise<MatchingPairRuleEntity> {
    const cohortId = this.directory.parseLocal(args.cohortId, COHORT_KIND, "cohortId");
    const { menteePseudonym, mentorPseudonym } = args;
    if (menteePseudonym === mentorPseudonym) throw new AppError(ErrorCode.BAD_USER_INPUT, "mentorPseudonym: must differ from the mentee's", { field: "mentorPseudonym" });
    const conflict = (message: string, field = "mentorPseudonym") => new AppError(ErrorCode.CONFLICT, `${field}: ${message}`, { field });
    return inTransaction(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, cohortId, "cohortId");
      const rules = manager.getRepository(MatchingPairRuleEntity);
      const existing = await rules.findOneBy({ cohortId, menteePseudonym, mentorPseudonym });
      if (existing?.kind === kind) return existing;
      assertCohortAllows(cohort, "addPairRule", "cohortId");
      if (existing) throw conflict(`the pair already has a ${existing.kind} (${this.directory.globalId(PAIR_RULE_KIND, existing.id)}); remove it first`);
      if (kind === "PIN") {
        const pin = await rules.findOneBy({ cohortId, menteePseudonym, kind: "PIN" });
        if (pin) throw conflict(`the mentee is already pinned to ${pin.mentorPseudonym}; remove that pin first`, "menteePseudonym");
      }
      return rules.save(rules.create({ cohortId, kind, menteePseudonym, mentorPseudonym }));
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict("a rule for this pair or a pin of this mentee was added at the same time; try again") : error;
    });
  }

  /** Removes a pin or a ban; false when there was none. */
  async remove(id: string): Promise<boolean> {
    const localId = this.directory.parseLocal(id, PAIR_RULE_KIND, "id");
    const result = await repositoryOf(this.dataSource, MatchingPairRuleEntity).delete({ id: localId });
    return (result.affected ?? 0) > 0;
  }
}
