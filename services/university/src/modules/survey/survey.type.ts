import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { SurveyStates, type SurveyState } from "@tandem/shared";
import type { SurveyWithRanking } from "./survey.service.js";

export const NodeSurveyStateEnum = Object.fromEntries(SurveyStates.map((state) => [state, state])) as { [K in SurveyState]: K };
registerEnumType(NodeSurveyStateEnum, { name: "SurveyAnswerState", description: "OPEN: answers are taken until `closesAt`; CLOSED: no more." });

@ObjectType({ description: "A candidate topic of an interest survey, as the office stated it." })
export class SurveyCandidateTopic {
  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;
}

@ObjectType({ description: "An interest survey of a cohort you are enrolled in, with your ranking: it stays at your home node; the office receives sums over several people only." })
export class MyInterestSurvey {
  @Field(() => ID, { description: "The survey's id at the coordination office (`interestSurvey(id:)` there shows results and the trainings chosen)." })
  surveyId: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => [SurveyCandidateTopic])
  topics: SurveyCandidateTopic[];

  @Field(() => DateTimeISOResolver)
  closesAt: Date;

  @Field(() => NodeSurveyStateEnum)
  state: SurveyState;

  @Field(() => [String], { nullable: true, description: "Your ranking, most wanted first; null before you answered." })
  myRanking: string[] | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  answeredAt: Date | null;

  static of({ survey, ranking }: SurveyWithRanking, now: Date = new Date()): MyInterestSurvey {
    return Object.assign(new MyInterestSurvey(), {
      surveyId: survey.surveyId,
      cohortId: survey.cohortId,
      topics: survey.topics.map((topic) => Object.assign(new SurveyCandidateTopic(), { code: topic.code, title: topic.title })),
      closesAt: survey.closesAt,
      state: survey.state === "OPEN" && survey.closesAt.getTime() > now.getTime() ? "OPEN" : "CLOSED",
      myRanking: ranking?.topicCodes ?? null,
      answeredAt: ranking?.updatedAt ?? null,
    });
  }
}
