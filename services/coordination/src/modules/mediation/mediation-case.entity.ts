import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { MediationConcerns, MediationMediators, type MediationConcern, type MediationMediator } from "@tandem/shared";
import { TandemEntity } from "../tandem/tandem.entity.js";

/** Who raised the concern: one of the partners, or a coordinator. */
export type CaseRaiser = "MENTEE" | "MENTOR" | "COORDINATOR";
/** What the concern is about, coded: what anyone wrote about it stays at the raiser's home node. */
export type CaseConcern = MediationConcern;
/** Who mediates: the joint office, or the coordinators of the raiser's home node. */
export type CaseMediator = MediationMediator;
/** RESOLVED: the tandem goes on. RE_MATCH: it ends and the mentee returns to the re-match pool. DISSOLVED: it ends. */
export type CaseOutcome = "RESOLVED" | "RE_MATCH" | "DISSOLVED";

export const CASE_RAISERS: readonly CaseRaiser[] = ["MENTEE", "MENTOR", "COORDINATOR"];
export const CASE_CONCERNS: readonly CaseConcern[] = MediationConcerns;
export const CASE_MEDIATORS: readonly CaseMediator[] = MediationMediators;
export const CASE_OUTCOMES: readonly CaseOutcome[] = ["RESOLVED", "RE_MATCH", "DISSOLVED"];

const inList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(", ");

/**
 * A mediation case of a tandem at the coordination office: its state, codes
 * and dates, and references (the tandem; the raising partner's id). No text:
 * what the raiser wrote stays at their home node. One open case per tandem.
 */
@Entity({ name: "mediation_cases" })
@Index("mediation_cases_one_open_per_tandem", ["tandemId"], { unique: true, where: `"outcome" IS NULL` })
@Index("mediation_cases_cohort_order_idx", ["cohortId", "openedAt", "id"])
@Check("mediation_cases_raiser_known", `"raised_by" IN (${inList(CASE_RAISERS)})`)
@Check("mediation_cases_concern_known", `"concern" IN (${inList(CASE_CONCERNS)})`)
@Check("mediation_cases_mediator_known", `"mediator" IN (${inList(CASE_MEDIATORS)})`)
@Check("mediation_cases_outcome_known", `"outcome" IS NULL OR "outcome" IN (${inList(CASE_OUTCOMES)})`)
@Check("mediation_cases_closed_consistent", `("outcome" IS NULL) = ("closed_at" IS NULL)`)
@Check("mediation_cases_raiser_consistent", `("raised_by" = 'COORDINATOR') = ("raiser_id" IS NULL)`)
export class MediationCaseEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "tandem_id", type: "uuid" })
  tandemId: string;

  @ManyToOne(() => TandemEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "mediation_cases_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @Column({ name: "raised_by", type: "varchar", length: 12 })
  raisedBy: CaseRaiser;

  /** The raising partner (global id at their home node); null when a coordinator raised it. */
  @Column({ name: "raiser_id", type: "varchar", length: 120, nullable: true })
  raiserId: string | null;

  /** The raiser's home node: whose coordinators mediate a HOME_NODE case (null: a joint coordinator raised it). */
  @Column({ name: "raiser_node_id", type: "varchar", length: 16, nullable: true })
  raiserNodeId: string | null;

  @Column({ type: "varchar", length: 16 })
  concern: CaseConcern;

  @Column({ type: "varchar", length: 12 })
  mediator: CaseMediator;

  @Column({ type: "varchar", length: 12, nullable: true })
  outcome: CaseOutcome | null;

  @CreateDateColumn({ name: "opened_at", type: "timestamptz", precision: 3 })
  openedAt: Date;

  @Column({ name: "closed_at", type: "timestamptz", precision: 3, nullable: true })
  closedAt: Date | null;
}

/**
 * What a partner wrote about a case, by reference: the statement stays at
 * their home node (`statementId` is its global id there); the mediator
 * reads it there while the raiser lets them. A case has at most one per partner.
 */
@Entity({ name: "mediation_case_statements" })
@Index("mediation_case_statements_case_idx", ["caseId", "addedAt"])
export class MediationCaseStatementEntity {
  @PrimaryColumn({ name: "statement_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_mediation_case_statements" })
  statementId: string;

  @Column({ name: "case_id", type: "uuid" })
  caseId: string;

  @ManyToOne(() => MediationCaseEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "case_id", foreignKeyConstraintName: "mediation_case_statements_case_fk" })
  mediationCase?: Relation<MediationCaseEntity>;

  /** The partner who wrote it (global id; the erasure pseudonym once erased). */
  @Column({ name: "raiser_id", type: "varchar", length: 160 })
  raiserId: string;

  @CreateDateColumn({ name: "added_at", type: "timestamptz", precision: 3 })
  addedAt: Date;
}
