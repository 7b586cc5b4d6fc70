/**
 * The coordination office's word on its programmes and cohorts, delivered
 * as facts (DESIGN.md §9): every version of a programme's eligibility rules
 * is kept, and a cohort's state of the highest revision. Both are verified
 * (signed by the office) before a handler sees them.
 */
import { AppError, ErrorCode, ProofType, type CohortStateProof, type ProgrammeRulesProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { ProgrammeStore } from "./programme.store.js";

export function programmeFactHandlers(programmes: ProgrammeStore): FactHandlers {
  const rules = async ({ manager, proof, audit }: FactApplication<ProgrammeRulesProof>) => {
    assertStorable(proof.version, "version");
    const recorded = await programmes.recordRules(manager, proof);
    audit.changed(`programme-rules:v${proof.version}`, recorded ? "ok" : "known", { targetId: proof.programmeId });
  };
  const cohort = async ({ manager, proof, audit }: FactApplication<CohortStateProof>) => {
    assertStorable(proof.revision, "revision");
    const recorded = await programmes.recordCohortState(manager, proof);
    audit.changed(`cohort-state:${proof.state}`, recorded ? "ok" : "stale", { targetId: proof.cohortId });
  };
  return { [ProofType.PROGRAMME_RULES]: rules, [ProofType.COHORT_STATE]: cohort };
}

const MAX_STORED = 2_147_483_647;

/** Versions, revisions and places are stored as integers: a fact beyond them is refused (recorded, not retried), not a failed delivery. */
export function assertStorable(value: number | null, field: string): void {
  if (value !== null && value > MAX_STORED) throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: ${value} is beyond ${MAX_STORED}`, { field });
}
