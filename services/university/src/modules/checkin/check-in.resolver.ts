import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { CheckInInput } from "./check-in.input.js";
import { CheckIn, CheckInState } from "./check-in.type.js";

@Resolver(() => CheckIn)
export class CheckInResolver {
  @Query(() => CheckInState, { nullable: true, description: "Your check-ins of a tandem, at your home node: the one open now and your answers. For you only." })
  async checkIns(@Arg("participantId", () => ID) participantId: string, @Arg("tandemId", () => ID) tandemId: string, @Ctx() ctx: NodeContext): Promise<CheckInState> {
    const state = await ctx.services.checkIns.state(participantId, tandemId);
    return Object.assign(new CheckInState(), { ...state, answers: state.answers.map((answer) => CheckIn.fromEntity(answer)) });
  }

  @Mutation(() => CheckIn, {
    nullable: true,
    description:
      "Answers the check-in open now (the cohort's mid-point, or every N weeks per programme) at your home node, once. The answer stays here; the coordination office receives the codes, and 'contact me' or a satisfaction of 2 or lower marks the tandem as needing attention there.",
  })
  async answerCheckIn(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("tandemId", () => ID) tandemId: string,
    @Arg("input", () => CheckInInput) input: CheckInInput,
    @Ctx() ctx: NodeContext,
  ): Promise<CheckIn> {
    return CheckIn.fromEntity(await ctx.services.checkIns.answer(participantId, tandemId, input));
  }
}
