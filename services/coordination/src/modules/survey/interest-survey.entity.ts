import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from "typeorm";
import type { EventObligation, SurveyState, SurveyTopicClaim } from "@tandem/shared";
import { CohortEntity } from "../cohort/cohort.entity.js";

/**
 * A cohort's interest survey before its trainings are set: the candidate
 * topics, when it closes, and the trainings the office chose from it. The
 * rankings stay at the participants' home nodes; the office holds their
 * nodes' sums only (SurveyTallyEntity).
 */
@Entity({ name: "interest_surveys" })
@Index("interest_surveys_cohort_idx", ["cohortId", "createdAt"])
@Check("interest_surveys_state_known", `"state" IN ('OPEN', 'CLOSED')`)
@Check("interest_surveys_choice_complete", `("chosen_codes" IS NULL) = ("chosen_at" IS NULL) AND ("chosen_at" IS NULL) = ("chosen_by" IS NULL)`)
@Check("interest_surveys_obligation_with_choice", `("chosen_obligation" IS NULL) = ("chosen_codes" IS NULL) AND ("chosen_obligation" IS NULL OR "chosen_obligation" IN ('MANDATORY', 'VOLUNTARY'))`)
export class InterestSurveyEntity {
  @PrimaryGeneratedColumn("uuid", { primaryKeyConstraintName: "PK_interest_surveys" })
  id: string;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "interest_surveys_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  @Column({ type: "varchar", length: 200 })
  title: string;

  /** The candidate topics in the order the office gave them. */
  @Column({ type: "jsonb" })
  topics: SurveyTopicClaim[];

  @Column({ name: "closes_at", type: "timestamptz", precision: 3 })
  closesAt: Date;

  @Column({ type: "varchar", length: 8, default: "OPEN" })
  state: SurveyState;

  /** Increases with every change told to the nodes (the interest-survey fact). */
  @Column({ type: "int" })
  revision: number;

  /** Subject of the joint coordinator who opened it. */
  @Column({ name: "opened_by", type: "varchar", length: 160 })
  openedBy: string;

  @Column({ name: "closed_at", type: "timestamptz", precision: 3, nullable: true })
  closedAt: Date | null;

  /** The topics chosen as the cohort's trainings, in the order chosen. */
  @Column({ name: "chosen_codes", type: "text", array: true, nullable: true })
  chosenCodes: string[] | null;

  /** Whether the chosen trainings are MANDATORY or VOLUNTARY for the cohort. */
  @Column({ name: "chosen_obligation", type: "varchar", length: 16, nullable: true })
  chosenObligation: EventObligation | null;

  @Column({ name: "chosen_by", type: "varchar", length: 160, nullable: true })
  chosenBy: string | null;

  @Column({ name: "chosen_at", type: "timestamptz", precision: 3, nullable: true })
  chosenAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}

/** A node's sums over its participants' rankings (a survey-tally fact): the highest revision received wins. */
@Entity({ name: "survey_tallies" })
@Check("survey_tallies_respondents_positive", `"respondents" >= 0`)
export class SurveyTallyEntity {
  @PrimaryColumn({ name: "survey_id", type: "uuid", primaryKeyConstraintName: "PK_survey_tallies" })
  surveyId: string;

  @PrimaryColumn({ name: "node_id", type: "varchar", length: 16, primaryKeyConstraintName: "PK_survey_tallies" })
  nodeId: string;

  @ManyToOne(() => InterestSurveyEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "survey_id", foreignKeyConstraintName: "survey_tallies_survey_fk" })
  survey?: Relation<InterestSurveyEntity>;

  @Column({ type: "int" })
  respondents: number;

  /** Points per topic code. */
  @Column({ type: "jsonb" })
  points: Record<string, number>;

  @Column({ type: "int" })
  revision: number;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}

/**
 * An event a node scheduled as one of a survey's chosen trainings, as its
 * signed training-scheduled fact stated it (the highest revision wins):
 * title, time, status; who registered stays with the host.
 */
@Entity({ name: "survey_trainings" })
@Index("survey_trainings_survey_idx", ["surveyId", "startsAt"])
@Check("survey_trainings_status_known", `"status" IN ('SCHEDULED', 'CANCELLED')`)
export class SurveyTrainingEntity {
  /** Global id of the event at its host node. */
  @PrimaryColumn({ name: "event_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_survey_trainings" })
  eventId: string;

  @Column({ name: "survey_id", type: "uuid" })
  surveyId: string;

  @ManyToOne(() => InterestSurveyEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "survey_id", foreignKeyConstraintName: "survey_trainings_survey_fk" })
  survey?: Relation<InterestSurveyEntity>;

  @Column({ name: "topic_code", type: "varchar", length: 32 })
  topicCode: string;

  /** The host node (the fact's signer). */
  @Column({ name: "node_id", type: "varchar", length: 16 })
  nodeId: string;

  @Column({ type: "varchar", length: 200 })
  title: string;

  @Column({ name: "starts_at", type: "timestamptz", precision: 3 })
  startsAt: Date;

  @Column({ name: "ends_at", type: "timestamptz", precision: 3 })
  endsAt: Date;

  @Column({ type: "varchar", length: 16 })
  status: "SCHEDULED" | "CANCELLED";

  @Column({ type: "int" })
  revision: number;
}
