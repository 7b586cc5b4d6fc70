import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import type { GoalAchievement } from "@tandem/shared";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";
import { TandemSideEnum } from "../meeting/meeting.type.js";
import type { EvaluationEntity } from "./evaluation.entity.js";
import { GoalAchievementEnum } from "./evaluation.input.js";

@ObjectType()
export class GoalRating {
  @Field(() => String)
  key: string;

  @Field(() => GoalAchievementEnum)
  achievement: GoalAchievement;
}

@ObjectType({ description: "Your final evaluation of a tandem, kept at your home node for you only." })
export class Evaluation {
  @Field(() => ID)
  tandemId: string;

  @Field(() => TandemSideEnum)
  side: TandemSide;

  @Field(() => [GoalRating])
  goals: GoalRating[];

  @Field(() => Int)
  programmeRating: number;

  @Field(() => String)
  comment: string;

  @Field(() => DateTimeISOResolver)
  submittedAt: Date;

  static fromEntity(entity: EvaluationEntity): Evaluation {
    return Object.assign(new Evaluation(), {
      tandemId: entity.tandemId,
      side: entity.side,
      goals: entity.goalRatings.map((rating) => Object.assign(new GoalRating(), rating)),
      programmeRating: entity.programmeRating,
      comment: entity.comment,
      submittedAt: entity.createdAt,
    });
  }
}
