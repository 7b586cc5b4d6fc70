import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { CompletionProgress } from "./completion.type.js";

@Resolver()
export class CompletionResolver {
  @Query(() => CompletionProgress, {
    nullable: true,
    description:
      "Which of the programme's completion rules hold for a person in a cohort, and which are open (at their home node): for the person, their home node's coordinators and joint coordinators (codes and counts only).",
  })
  async completionProgress(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("cohortId", () => ID) cohortId: string,
    @Arg("language", () => String, { defaultValue: "en", description: "de, en, fr or cs: the language of the rules' texts." }) language: string,
    @Ctx() ctx: NodeContext,
  ): Promise<CompletionProgress> {
    return CompletionProgress.of(await ctx.services.completion.progress(participantId, cohortId, language));
  }
}
