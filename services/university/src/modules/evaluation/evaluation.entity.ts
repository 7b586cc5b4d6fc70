import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from "typeorm";
import type { GoalAchievement } from "@tandem/shared";
import { ParticipantEntity } from "../participant/participant.entity.js";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";

/** One goal's rating: the goal's key (see evaluation.input.ts on how loosely it links to the agreement) and how far it was reached. */
export interface GoalRating {
  key: string;
  achievement: GoalAchievement;
}

/**
 * A partner's final evaluation of a tandem, kept at their home node
 * (DESIGN.md §8): each goal's achievement, the programme's rating and a free
 * comment, for the author only. The office receives the codes, never the
 * comment (evaluation.service.ts). One per tandem and person.
 */
@Entity({ name: "evaluations" })
@Unique("evaluations_once_per_tandem", ["tandemId", "participantId"])
@Check("evaluations_programme_rating_range", `"programme_rating" BETWEEN 1 AND 5`)
@Check("evaluations_side_known", `"side" IN ('MENTEE', 'MENTOR')`)
export class EvaluationEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "tandem_id", type: "varchar", length: 160 })
  tandemId: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "evaluations_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  @Column({ type: "varchar", length: 8 })
  side: TandemSide;

  @Column({ name: "goal_ratings", type: "jsonb" })
  goalRatings: GoalRating[];

  @Column({ name: "programme_rating", type: "smallint" })
  programmeRating: number;

  /** Stays here. */
  @Column({ type: "text", default: "" })
  comment: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
