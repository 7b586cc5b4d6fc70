import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { EvaluationInput } from "./evaluation.input.js";
import { Evaluation } from "./evaluation.type.js";

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => Evaluation, { nullable: true, description: "Your final evaluation of a tandem, at your home node; null before you submitted one. For you only." })
  async myEvaluation(@Arg("participantId", () => ID) participantId: string, @Arg("tandemId", () => ID) tandemId: string, @Ctx() ctx: NodeContext): Promise<Evaluation | null> {
    const entity = await ctx.services.evaluations.mine(participantId, tandemId);
    return entity ? Evaluation.fromEntity(entity) : null;
  }

  @Mutation(() => Evaluation, {
    nullable: true,
    description:
      "Your final evaluation of a tandem (once it started; after its close too), at your home node, once: each agreed goal NOT / PARTLY / FULLY achieved, the programme 1–5, a comment. The comment stays here; the coordination office receives the codes.",
  })
  async submitEvaluation(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("tandemId", () => ID) tandemId: string,
    @Arg("input", () => EvaluationInput) input: EvaluationInput,
    @Ctx() ctx: NodeContext,
  ): Promise<Evaluation> {
    return Evaluation.fromEntity(await ctx.services.evaluations.submit(participantId, tandemId, input));
  }
}
