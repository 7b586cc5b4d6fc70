/**
 * What the node knows of the coordination office's programmes and cohorts:
 * only what the office signed and the gateway delivered as facts. The node
 * decides eligibility and the application window from these, never from a
 * caller's word.
 */
import { In, type DataSource, type EntityManager } from "typeorm";
import type { CohortStateProof, ProgrammeRulesProof } from "@tandem/shared";
import { managerOf } from "@tandem/party";
import { CohortStateEntity } from "./cohort-state.entity.js";
import { ProgrammeRulesEntity } from "./programme-rules.entity.js";

export class ProgrammeStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps a version of a programme's rules; true when it was new (a version is never replaced). */
  async recordRules(manager: EntityManager, proof: ProgrammeRulesProof): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO programme_rules (programme_id, version, rules, reviewer, participating_node_ids, track_codes, completion) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (programme_id, version) DO NOTHING RETURNING version`,
      [proof.programmeId, proof.version, JSON.stringify(proof.rules), proof.reviewer, proof.participatingNodeIds, proof.trackCodes, proof.completion ? JSON.stringify(proof.completion) : null],
    );
    return inserted.length > 0;
  }

  /** Keeps a cohort's state when its revision is higher than the one held; true when it was. */
  async recordCohortState(manager: EntityManager, proof: CohortStateProof): Promise<boolean> {
    const applied: unknown[] = await manager.query(
      `INSERT INTO cohort_states (cohort_id, programme_id, state, applications_open_at, applications_close_at, revision, cohort_name, programme_name, programme_language, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (cohort_id) DO UPDATE SET programme_id = EXCLUDED.programme_id, state = EXCLUDED.state, applications_open_at = EXCLUDED.applications_open_at,
         applications_close_at = EXCLUDED.applications_close_at, revision = EXCLUDED.revision, updated_at = now(),
         cohort_name = coalesce(EXCLUDED.cohort_name, cohort_states.cohort_name), programme_name = coalesce(EXCLUDED.programme_name, cohort_states.programme_name),
         programme_language = coalesce(EXCLUDED.programme_language, cohort_states.programme_language), starts_on = coalesce(EXCLUDED.starts_on, cohort_states.starts_on),
         ends_on = coalesce(EXCLUDED.ends_on, cohort_states.ends_on)
       WHERE cohort_states.revision < EXCLUDED.revision RETURNING cohort_id`,
      [
        proof.cohortId,
        proof.programmeId,
        proof.state,
        proof.applicationsOpenAt,
        proof.applicationsCloseAt,
        proof.revision,
        proof.details?.name ?? null,
        proof.details?.programmeName ?? null,
        proof.details?.language ?? null,
        proof.details?.startsOn ?? null,
        proof.details?.endsOn ?? null,
      ],
    );
    return applied.length > 0;
  }

  cohortState(cohortId: string, manager: EntityManager = managerOf(this.dataSource)): Promise<CohortStateEntity | null> {
    return manager.getRepository(CohortStateEntity).findOneBy({ cohortId });
  }

  async cohortStates(cohortIds: readonly string[]): Promise<CohortStateEntity[]> {
    if (cohortIds.length === 0) return [];
    return managerOf(this.dataSource)
      .getRepository(CohortStateEntity)
      .findBy({ cohortId: In([...cohortIds]) });
  }

  /** The programme's rules of the highest version the node holds. */
  latestRules(programmeId: string, manager: EntityManager = managerOf(this.dataSource)): Promise<ProgrammeRulesEntity | null> {
    return manager.getRepository(ProgrammeRulesEntity).findOne({ where: { programmeId }, order: { version: "DESC" } });
  }
}
