import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import type { GoalAchievement } from "@tandem/shared";
import type { TandemSide } from "../checkin/check-in-record.entity.js";
import { CheckInSideEnum } from "../checkin/tandem-attention.type.js";
import type { EvaluationCodes } from "./tandem-evaluation.service.js";

export const GoalAchievementEnum = { NOT: "NOT", PARTLY: "PARTLY", FULLY: "FULLY" } as const;
registerEnumType(GoalAchievementEnum, { name: "GoalAchievement", description: "How far a goal of the tandem was reached." });

@ObjectType({ description: "One goal's achievement: the goal by its key in the agreement." })
export class GoalAchievementCode {
  @Field(() => String)
  key: string;

  @Field(() => GoalAchievementEnum)
  achievement: GoalAchievement;
}

@ObjectType({ description: "A partner's final evaluation as the office holds it: codes only; the comment stays at their home node." })
export class TandemEvaluation {
  @Field(() => CheckInSideEnum)
  side: TandemSide;

  @Field(() => Int)
  programmeRating: number;

  @Field(() => [GoalAchievementCode])
  goals: GoalAchievementCode[];

  @Field(() => DateTimeISOResolver)
  receivedAt: Date;

  static fromCodes(codes: EvaluationCodes): TandemEvaluation {
    return Object.assign(new TandemEvaluation(), {
      side: codes.evaluation.side,
      programmeRating: codes.evaluation.programmeRating,
      goals: codes.goals.map((goal) => Object.assign(new GoalAchievementCode(), { key: goal.goalKey, achievement: goal.achievement })),
      receivedAt: codes.evaluation.receivedAt,
    });
  }
}
