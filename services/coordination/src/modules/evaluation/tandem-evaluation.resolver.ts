import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { Tandem } from "../tandem/tandem.type.js";
import { TandemEvaluation } from "./tandem-evaluation.type.js";

@Resolver(() => Tandem)
export class TandemEvaluationsResolver {
  @FieldResolver(() => [TandemEvaluation], { description: "The partners' final evaluations as codes, for joint coordinators and coordinators of the partners' nodes; empty for others." })
  async evaluations(@Root() tandem: Tandem, @Ctx() ctx: CoordinationContext): Promise<TandemEvaluation[]> {
    return (await ctx.loaders.evaluationsByTandem.load(tandem.localId)).map((codes) => TandemEvaluation.fromCodes(codes));
  }
}
