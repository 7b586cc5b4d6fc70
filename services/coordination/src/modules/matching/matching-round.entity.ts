import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import type { MatchingWeights } from "../../matching/criteria.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import type { CrossBorderRule } from "../programme/programme.entity.js";

/** FULL: every consenting participant. REMATCH_POOL: those declined or unmatched, around what stays fixed. */
export type MatchingRoundScope = "FULL" | "REMATCH_POOL";
/** PENDING → FETCHING (profiles) → SOLVING → SOLVED | FAILED. */
export type MatchingRoundStatus = "PENDING" | "FETCHING" | "SOLVING" | "SOLVED" | "FAILED";
export const RUNNING_ROUND_STATUSES: readonly MatchingRoundStatus[] = ["PENDING", "FETCHING", "SOLVING"];

/**
 * One matching round of a cohort: what it was asked (scope, and the weights,
 * rule and nodes it ran with, frozen at its start), how far it got, and its
 * counts. Its proposals and unmatched mentees are rows of their own.
 */
@Entity({ name: "matching_rounds" })
@Index("matching_rounds_cohort_order_idx", ["cohortId", "createdAt", "id"])
@Index("matching_rounds_one_running_per_cohort", ["cohortId"], { unique: true, where: `"status" IN ('PENDING', 'FETCHING', 'SOLVING')` })
@Check("matching_rounds_scope_known", `"scope" IN ('FULL', 'REMATCH_POOL')`)
@Check("matching_rounds_status_known", `"status" IN ('PENDING', 'FETCHING', 'SOLVING', 'SOLVED', 'FAILED')`)
@Check("matching_rounds_progress_range", `"progress" BETWEEN 0 AND 100 AND ("status" <> 'SOLVED' OR "progress" = 100)`)
@Check("matching_rounds_finish_consistent", `("status" IN ('SOLVED', 'FAILED')) = ("finished_at" IS NOT NULL) AND ("status" = 'FAILED') = ("error" IS NOT NULL)`)
export class MatchingRoundEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "matching_rounds_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  @Column({ type: "varchar", length: 16 })
  scope: MatchingRoundScope;

  @Column({ type: "varchar", length: 12, default: "PENDING" })
  status: MatchingRoundStatus;

  /** 0–100. */
  @Column({ type: "smallint", default: 0 })
  progress: number;

  /** The programme's weights when the round started. */
  @Column({ type: "jsonb" })
  weights: MatchingWeights;

  @Column({ name: "cross_border_rule", type: "varchar", length: 24 })
  crossBorderRule: CrossBorderRule;

  /** The participating nodes asked for profiles. */
  @Column({ name: "node_ids", type: "text", array: true })
  nodeIds: string[];

  @Column({ name: "profile_count", type: "integer", nullable: true })
  profileCount: number | null;

  @Column({ name: "mentee_count", type: "integer", nullable: true })
  menteeCount: number | null;

  @Column({ name: "mentor_count", type: "integer", nullable: true })
  mentorCount: number | null;

  @Column({ name: "matched_count", type: "integer", nullable: true })
  matchedCount: number | null;

  @Column({ name: "unmatched_count", type: "integer", nullable: true })
  unmatchedCount: number | null;

  @Column({ name: "total_score", type: "double precision", nullable: true })
  totalScore: number | null;

  /** Why it failed: names nodes or pseudonyms, never a person. */
  @Column({ type: "varchar", length: 1000, nullable: true })
  error: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @Column({ name: "fetching_at", type: "timestamptz", precision: 3, nullable: true })
  fetchingAt: Date | null;

  @Column({ name: "solving_at", type: "timestamptz", precision: 3, nullable: true })
  solvingAt: Date | null;

  @Column({ name: "finished_at", type: "timestamptz", precision: 3, nullable: true })
  finishedAt: Date | null;
}
