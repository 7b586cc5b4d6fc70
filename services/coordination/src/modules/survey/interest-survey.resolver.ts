import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { AppError, ErrorCode, isUser, type UserCaller } from "@tandem/shared";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { OpenInterestSurveyInput } from "./interest-survey.input.js";
import { ChosenTraining, EventObligationEnum, InterestSurvey, ScheduledTraining, SurveyResults } from "./interest-survey.type.js";
import type { EventObligation } from "@tandem/shared";

@Resolver(() => InterestSurvey)
export class InterestSurveyResolver {
  @Query(() => InterestSurvey, { description: "One interest survey: for joint coordinators, coordinators of the programme's nodes and the cohort's enrolled participants." })
  async interestSurvey(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<InterestSurvey> {
    const survey = await ctx.services.interestSurveys.get(id);
    ctx.access.guard(rules.readSurvey)(await ctx.services.interestSurveys.audience(survey.cohortId, subjectOf(ctx)));
    return InterestSurvey.fromEntity(survey, ctx.self);
  }

  @Query(() => [InterestSurvey], { description: "A cohort's interest surveys, oldest first: for joint coordinators, coordinators of the programme's nodes and the cohort's enrolled participants." })
  async interestSurveys(@Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: CoordinationContext): Promise<InterestSurvey[]> {
    const { cohort, surveys } = await ctx.services.interestSurveys.ofCohort(cohortId);
    ctx.access.guard(rules.readSurvey)(await ctx.services.interestSurveys.audience(cohort.id, subjectOf(ctx)));
    return surveys.map((survey) => InterestSurvey.fromEntity(survey, ctx.self));
  }

  @FieldResolver(() => SurveyResults, { description: "The nodes' sums, under the minimum group size (counts only: each ranking stays at its author's home node)." })
  async results(@Root() survey: InterestSurvey, @Ctx() ctx: CoordinationContext): Promise<SurveyResults> {
    const service = ctx.services.interestSurveys;
    return SurveyResults.of(await service.results(await service.get(survey.id)), service.minimumGroupSize);
  }

  @Mutation(() => InterestSurvey, {
    description:
      "Opens an interest survey of a cohort (not CLOSED) with its candidate topics; the programme's nodes learn it as a signed fact and let the cohort's enrolled participants rank the topics there. Joint coordinators.",
  })
  async openInterestSurvey(@Arg("input", () => OpenInterestSurveyInput) input: OpenInterestSurveyInput, @Ctx() ctx: CoordinationContext): Promise<InterestSurvey> {
    return InterestSurvey.fromEntity(await ctx.services.interestSurveys.open(input, userOf(ctx)), ctx.self);
  }

  @Mutation(() => InterestSurvey, { description: "Closes a survey: the nodes take no more answers. Closed already: returned as it is. Joint coordinators." })
  async closeInterestSurvey(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<InterestSurvey> {
    return InterestSurvey.fromEntity(await ctx.services.interestSurveys.close(id), ctx.self);
  }

  @Mutation(() => InterestSurvey, {
    description:
      "Records the trainings chosen from a survey that is closed (or past `closesAt`; SURVEY_STATE while open): topic codes of the survey, in order, each MANDATORY (the default) or VOLUNTARY for the cohort. Choosing again replaces the choice. Joint coordinators. The programme's nodes learn the choice as a signed fact; a node's coordinator then schedules each as an event (`createEvent(input: { training: { surveyId, topicCode } })`).",
  })
  async chooseTrainings(
    @Arg("surveyId", () => ID) surveyId: string,
    @Arg("topicCodes", () => [String]) topicCodes: string[],
    @Arg("obligation", () => EventObligationEnum, { defaultValue: EventObligationEnum.MANDATORY }) obligation: EventObligation,
    @Ctx() ctx: CoordinationContext,
  ): Promise<InterestSurvey> {
    return InterestSurvey.fromEntity(await ctx.services.interestSurveys.choose(surveyId, topicCodes, obligation, userOf(ctx)), ctx.self);
  }
}

@Resolver(() => ChosenTraining)
export class ChosenTrainingResolver {
  @FieldResolver(() => [ScheduledTraining], { description: "The events nodes scheduled as this training, by start (cancelled ones too), as their hosts' signed facts told the office." })
  async events(@Root() training: ChosenTraining, @Ctx() ctx: CoordinationContext): Promise<ScheduledTraining[]> {
    const scheduled = await ctx.loaders.trainingsBySurvey.load(training.surveyLocalId);
    return scheduled.filter((entry) => entry.topicCode === training.code).map(ScheduledTraining.of);
  }
}

function subjectOf(ctx: CoordinationContext): string | null {
  return isUser(ctx.caller) ? ctx.caller.sub : null;
}

function userOf(ctx: CoordinationContext): UserCaller {
  if (!isUser(ctx.caller)) throw new AppError(ErrorCode.FORBIDDEN, "a person's token is needed");
  return ctx.caller;
}
