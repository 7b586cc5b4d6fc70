import { ArrayMaxSize, IsIn, IsInt, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, InputType, Int, registerEnumType } from "type-graphql";
import { GoalAchievements, type GoalAchievement } from "@tandem/shared";

export const GoalAchievementEnum = { NOT: "NOT", PARTLY: "PARTLY", FULLY: "FULLY" } as const;
registerEnumType(GoalAchievementEnum, { name: "GoalAchievement", description: "How far a goal of the tandem was reached." });

export const GOAL_KEY = /^[A-Za-z0-9_.-]{1,40}$/;
export const MAX_GOALS = 20;

/** One agreed goal's rating, by the goal's key in the agreement (`AgreementGoal.key`: `short-1`, `long-1`, …). */
@InputType()
export class GoalRatingInput {
  @Field(() => String, { description: "The goal's key in the agreement (`AgreementGoal.key`, e.g. short-1)." })
  @Matches(GOAL_KEY, { message: "must be the goal's key in the agreement: 1–40 letters, digits, '.', '_' or '-'" })
  key: string;

  @Field(() => GoalAchievementEnum)
  @IsIn(GoalAchievements)
  achievement: GoalAchievement;
}

@InputType({ description: "A final evaluation: it stays at your home node; the coordination office receives the goals' achievements and the rating, never the comment." })
export class EvaluationInput {
  @Field(() => [GoalRatingInput], { description: `Every agreed goal, once each (at most ${MAX_GOALS}).` })
  @ArrayMaxSize(MAX_GOALS)
  @ValidateNested({ each: true })
  goals: GoalRatingInput[];

  @Field(() => Int, { description: "The programme, 1 (poor) to 5 (excellent)." })
  @IsInt()
  @Min(1)
  @Max(5)
  programmeRating: number;

  @Field(() => String, { defaultValue: "", description: "Free text for your home node only." })
  @MaxLength(5000)
  comment: string;
}
