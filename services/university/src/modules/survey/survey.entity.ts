import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from "typeorm";
import type { ChosenTrainingClaim, SurveyState, SurveyTopicClaim } from "@tandem/shared";
import { ParticipantEntity } from "../participant/participant.entity.js";

/** An interest survey of the coordination office, as its signed fact stated it (the highest revision received wins), and the node's last released tally. */
@Entity({ name: "interest_surveys" })
@Index("interest_surveys_cohort_idx", ["cohortId"])
@Check("interest_surveys_state_known", `"state" IN ('OPEN', 'CLOSED')`)
export class SurveyEntity {
  /** Global id at the coordination office, e.g. coord:interest-survey:…. */
  @PrimaryColumn({ name: "survey_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_interest_surveys" })
  surveyId: string;

  @Column({ name: "cohort_id", type: "varchar", length: 160 })
  cohortId: string;

  @Column({ type: "jsonb" })
  topics: SurveyTopicClaim[];

  @Column({ name: "closes_at", type: "timestamptz", precision: 3 })
  closesAt: Date;

  @Column({ type: "varchar", length: 8 })
  state: SurveyState;

  /** The trainings the office chose, with their obligation (null until it chose): only these may be scheduled as the survey's trainings. */
  @Column({ type: "jsonb", nullable: true })
  trainings: ChosenTrainingClaim[] | null;

  @Column({ type: "int" })
  revision: number;

  /** The revision of the last survey-tally this node released (0: none yet). */
  @Column({ name: "tally_revision", type: "int", default: 0 })
  tallyRevision: number;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}

/**
 * A participant's ranking of a survey's topics, kept at their home node: it
 * never leaves it. `unreleased`: answered or changed since the node's last
 * tally (a tally is released once at least RANKINGS_PER_RELEASE people are).
 */
@Entity({ name: "survey_rankings" })
@Unique("survey_rankings_one_per_person", ["surveyId", "participantId"])
export class SurveyRankingEntity {
  @PrimaryGeneratedColumn("uuid", { primaryKeyConstraintName: "PK_survey_rankings" })
  id: string;

  @Column({ name: "survey_id", type: "varchar", length: 160 })
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "survey_id", foreignKeyConstraintName: "survey_rankings_survey_fk" })
  survey?: Relation<SurveyEntity>;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "survey_rankings_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  /** Topic codes, most wanted first. */
  @Column({ name: "topic_codes", type: "text", array: true })
  topicCodes: string[];

  @Column({ type: "boolean", default: true })
  unreleased: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
