import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import type { GoalAchievement } from "@tandem/shared";
import { TandemEntity } from "../tandem/tandem.entity.js";
import type { TandemSide } from "../checkin/check-in-record.entity.js";

/**
 * A partner's final evaluation as the office holds it (DESIGN.md §8): the
 * programme's rating and each goal's achievement, as codes signed by the
 * author's home node, which keeps the comment. One per side.
 */
@Entity({ name: "tandem_evaluations" })
@Check("tandem_evaluations_side_known", `"side" IN ('MENTEE', 'MENTOR')`)
@Check("tandem_evaluations_rating_range", `"programme_rating" BETWEEN 1 AND 5`)
export class TandemEvaluationEntity {
  @PrimaryColumn({ name: "tandem_id", type: "uuid", primaryKeyConstraintName: "PK_tandem_evaluations" })
  tandemId: string;

  @ManyToOne(() => TandemEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_evaluations_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  @PrimaryColumn({ type: "varchar", length: 8, primaryKeyConstraintName: "PK_tandem_evaluations" })
  side: TandemSide;

  @Column({ name: "programme_rating", type: "smallint" })
  programmeRating: number;

  @CreateDateColumn({ name: "received_at", type: "timestamptz", precision: 3 })
  receivedAt: Date;
}

/** One goal's achievement in a side's evaluation: the goal by its key in the pair's agreement (a code, never its text). */
@Entity({ name: "tandem_goal_ratings" })
@Check("tandem_goal_ratings_achievement_known", `"achievement" IN ('NOT', 'PARTLY', 'FULLY')`)
export class TandemGoalRatingEntity {
  @PrimaryColumn({ name: "tandem_id", type: "uuid", primaryKeyConstraintName: "PK_tandem_goal_ratings" })
  tandemId: string;

  @ManyToOne(() => TandemEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_goal_ratings_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  @PrimaryColumn({ type: "varchar", length: 8, primaryKeyConstraintName: "PK_tandem_goal_ratings" })
  side: TandemSide;

  @PrimaryColumn({ name: "goal_key", type: "varchar", length: 40, primaryKeyConstraintName: "PK_tandem_goal_ratings" })
  goalKey: string;

  @Column({ type: "varchar", length: 8 })
  achievement: GoalAchievement;
}
