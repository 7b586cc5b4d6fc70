import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { Programme } from "../programme/programme.type.js";
import { CompletionRules, CompletionRulesInput } from "./completion-rules.type.js";
import { completionRulesFrom } from "./completion-rules.input.js";

@Resolver(() => Programme)
export class ProgrammeCompletionResolver {
  @FieldResolver(() => CompletionRules, { nullable: true, description: "What a participant must meet to complete the programme, per role (the current version of the rules); null: none set." })
  async completionRules(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<CompletionRules | null> {
    const versions = await ctx.loaders.rulesVersionsByProgramme.load(programme.localId);
    const current = versions.find((each) => each.version === programme.rulesVersion);
    return current?.completion ? CompletionRules.of(current.completion) : null;
  }

  @Mutation(() => Programme, {
    description:
      "Sets a programme's completion rules, the whole set (joint coordinators): a new version of its rules, sent as a signed programme-rules fact to its nodes, which evaluate them for their people. The rules in force again change nothing.",
  })
  async setCompletionRules(
    @Arg("programmeId", () => ID) programmeId: string,
    @Arg("input", () => CompletionRulesInput) input: CompletionRulesInput,
    @Ctx() ctx: CoordinationContext,
  ): Promise<Programme> {
    const rules = completionRulesFrom(input, "input");
    return Programme.fromEntity(await ctx.services.programmes.setCompletionRules(programmeId, rules), ctx.self);
  }
}
