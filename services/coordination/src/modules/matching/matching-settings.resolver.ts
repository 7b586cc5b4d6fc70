/** A programme's matching weights, and a cohort's pins and bans (by pseudonym). */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { Cohort } from "../cohort/cohort.type.js";
import { Programme } from "../programme/programme.type.js";
import { PairRuleArgs } from "./matching-pair-rule.args.js";
import { MatchingPairRule } from "./matching-pair-rule.type.js";
import { UpdateMatchingWeightsArgs } from "./matching.args.js";
import { MatchingWeights } from "./matching-weights.type.js";

@Resolver(() => Programme)
export class ProgrammeMatchingResolver {
  @FieldResolver(() => MatchingWeights, { description: "Weights of the matching criteria for the programme's rounds (the defaults until a joint coordinator sets them)." })
  async matchingWeights(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<MatchingWeights> {
    return MatchingWeights.of(await ctx.loaders.matchingWeights.load(programme.localId));
  }

  @Mutation(() => Programme, { description: "Sets weights of the programme's matching criteria, 0–10 each; omitted ones keep their value (joint coordinators). Rounds started afterwards use them." })
  async updateMatchingWeights(@Args(() => UpdateMatchingWeightsArgs) args: UpdateMatchingWeightsArgs, @Ctx() ctx: CoordinationContext): Promise<Programme> {
    return Programme.fromEntity(await ctx.services.matchingWeights.update(args.programmeId, args.weights), ctx.self);
  }
}

@Resolver(() => MatchingPairRule)
export class MatchingPairRuleResolver {
  @Mutation(() => MatchingPairRule, {
    description:
      "Pins a mentee to a mentor of a cohort, by pseudonym: the next rounds pair them before solving, unless that breaks a conflict token or the cross-border rule (the round then fails, saying so). Joint coordinators.",
  })
  async pinPair(@Args(() => PairRuleArgs) args: PairRuleArgs, @Ctx() ctx: CoordinationContext): Promise<MatchingPairRule> {
    return MatchingPairRule.fromEntity(await ctx.services.matchingPairRules.add("PIN", args), ctx.self);
  }

  @Mutation(() => MatchingPairRule, { description: "Bans a mentee and a mentor of a cohort from being paired, by pseudonym (joint coordinators)." })
  async banPair(@Args(() => PairRuleArgs) args: PairRuleArgs, @Ctx() ctx: CoordinationContext): Promise<MatchingPairRule> {
    return MatchingPairRule.fromEntity(await ctx.services.matchingPairRules.add("BAN", args), ctx.self);
  }

  @Mutation(() => Boolean, { description: "Removes a pin or a ban; false when there was none (joint coordinators)." })
  async removePinOrBan(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<boolean> {
    return ctx.services.matchingPairRules.remove(id);
  }
}

@Resolver(() => Cohort)
export class CohortMatchingResolver {
  @FieldResolver(() => [MatchingPairRule], { description: "The cohort's pins and bans, oldest first: for joint coordinators and coordinators of the programme's nodes (empty for others)." })
  async matchingPairRules(@Root() cohort: Cohort, @Ctx() ctx: CoordinationContext): Promise<MatchingPairRule[]> {
    const programme = await ctx.loaders.programme.load(cohort.programmeLocalId);
    if (!programme || !ctx.access.allows(rules.reviewMatching, programme.participatingNodeIds)) return [];
    return (await ctx.loaders.pairRulesByCohort.load(cohort.localId)).map((row) => MatchingPairRule.fromEntity(row, ctx.self));
  }
}
