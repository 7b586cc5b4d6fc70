import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { Cohort } from "../cohort/cohort.type.js";
import { StartMatchingRoundArgs } from "./matching.args.js";
import { MatchingProposal, UnmatchedMentee } from "./matching-proposal.type.js";
import { MatchingRound } from "./matching-round.type.js";

@Resolver(() => MatchingRound)
export class MatchingRoundResolver {
  @Mutation(() => MatchingRound, {
    description:
      "Starts a matching round of a cohort and returns it at once (PENDING); it runs in the background: follow its status and progress live with the gateway's subscription matchingRoundUpdated(id), or poll matchingRound(id). Profiles come from every participating node through the gateway; a mentor takes at most their profile's capacity (1 when unset), cut to the office's limit of 2 open tandems per mentor. Joint coordinators.",
  })
  async startMatchingRound(@Args(() => StartMatchingRoundArgs) args: StartMatchingRoundArgs, @Ctx() ctx: CoordinationContext): Promise<MatchingRound> {
    return MatchingRound.fromEntity(await ctx.services.matchingRounds.start(args.cohortId, args.scope), ctx.self);
  }

  @Query(() => MatchingRound, {
    nullable: true,
    description: "A matching round by id; null when there is none. Joint coordinators see all of it; coordinators of a participating node see the proposals and unmatched mentees of their node.",
  })
  async matchingRound(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<MatchingRound | null> {
    const round = await ctx.services.matchingRounds.find(id, ctx.access.guard(rules.reviewMatching));
    return round ? MatchingRound.fromEntity(round, ctx.self) : null;
  }

  @Query(() => [MatchingRound], { description: "A cohort's matching rounds, newest first (as matchingRound)." })
  async matchingRounds(@Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: CoordinationContext): Promise<MatchingRound[]> {
    const rounds = await ctx.services.matchingRounds.ofCohort(cohortId, ctx.access.guard(rules.reviewMatching));
    return rounds.map((round) => MatchingRound.fromEntity(round, ctx.self));
  }

  @FieldResolver(() => Cohort)
  async cohort(@Root() round: MatchingRound, @Ctx() ctx: CoordinationContext): Promise<Cohort> {
    return Cohort.fromEntity((await ctx.loaders.cohort.load(round.cohortLocalId))!, ctx.self);
  }

  @FieldResolver(() => [MatchingProposal], { description: "The round's proposals you may see, best score first." })
  async proposals(@Root() round: MatchingRound, @Ctx() ctx: CoordinationContext): Promise<MatchingProposal[]> {
    const rows = await ctx.loaders.proposalsByRound.load(round.localId);
    return rows.map((row) => MatchingProposal.fromEntity(row, ctx.self));
  }

  @FieldResolver(() => [UnmatchedMentee], { description: "The mentees the round left unmatched that you may see, with the reason." })
  async unmatched(@Root() round: MatchingRound, @Ctx() ctx: CoordinationContext): Promise<UnmatchedMentee[]> {
    const rows = await ctx.loaders.unmatchedByRound.load(round.localId);
    return rows.map(UnmatchedMentee.fromEntity);
  }
}
