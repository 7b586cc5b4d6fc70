import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { Tandem, TANDEM_KIND } from "../tandem/tandem.type.js";
import { MyProposalsArgs, RespondToProposalArgs } from "./matching-proposal.args.js";
import { MatchingProposal } from "./matching-proposal.type.js";

@Resolver(() => MatchingProposal)
export class MatchingProposalResolver {
  @Mutation(() => MatchingProposal, {
    description:
      "A participant's answer to a proposal, with their home node's proof that the pseudonym is theirs. A decline ends it; when both accepted, the tandem is created (ACCEPTED, with its acceptance proof for the nodes' disclosure grants), enrolling both in the cohort if needed.",
  })
  async respondToProposal(@Args(() => RespondToProposalArgs) args: RespondToProposalArgs, @Ctx() ctx: CoordinationContext): Promise<MatchingProposal> {
    const { proposal, tandem } = await ctx.services.matchingProposals.respond(args, ctx.access.guard(rules.respondToProposal));
    if (tandem) {
      const targetId = ctx.services.directory.globalId(TANDEM_KIND, tandem.id);
      for (const participantId of [tandem.menteeId, tandem.mentorId]) ctx.audit.changed("createTandemFromProposal", "ok", { participantId, targetId });
    }
    return MatchingProposal.fromEntity(proposal, ctx.self);
  }

  @Query(() => [MatchingProposal], { description: "Your proposals in a cohort, newest first, shown against your home node's matching-pseudonym proof." })
  async myMatchingProposals(@Args(() => MyProposalsArgs) args: MyProposalsArgs, @Ctx() ctx: CoordinationContext): Promise<MatchingProposal[]> {
    const rows = await ctx.services.matchingProposals.mine(args.cohortId, args.pseudonymProof, ctx.access.guard(rules.readOwnProposals));
    return rows.map((row) => MatchingProposal.fromEntity(row, ctx.self));
  }

  @FieldResolver(() => Tandem, { nullable: true, description: "The tandem created when both accepted; null before, or when it is not yours to see." })
  async tandem(@Root() proposal: MatchingProposal, @Ctx() ctx: CoordinationContext): Promise<Tandem | null> {
    if (!proposal.tandemLocalId) return null;
    const entity = await ctx.loaders.tandem.load(proposal.tandemLocalId);
    return entity ? Tandem.fromEntity(entity, ctx.self) : null;
  }
}
