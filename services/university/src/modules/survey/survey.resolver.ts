import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { MyInterestSurvey } from "./survey.type.js";

@Resolver(() => MyInterestSurvey)
export class SurveyResolver {
  @Query(() => [MyInterestSurvey], { nullable: true, description: "The interest surveys of the cohorts you are enrolled in, with your ranking, at your home node. For you only." })
  async myInterestSurveys(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<MyInterestSurvey[]> {
    return (await ctx.services.surveys.ofParticipant(participantId)).map((entry) => MyInterestSurvey.of(entry));
  }

  @Mutation(() => MyInterestSurvey, {
    nullable: true,
    description:
      "Ranks an open survey's topics (most wanted first; a topic left out gets no points), or changes your ranking, at your home node: for participants enrolled in the survey's cohort. Your ranking stays here; the office receives sums over at least two people.",
  })
  async rankSurveyTopics(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("surveyId", () => ID) surveyId: string,
    @Arg("topicCodes", () => [String]) topicCodes: string[],
    @Ctx() ctx: NodeContext,
  ): Promise<MyInterestSurvey> {
    return MyInterestSurvey.of(await ctx.services.surveys.rank(participantId, surveyId, topicCodes));
  }
}
