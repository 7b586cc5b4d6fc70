/**
 * Joint matching at a node (DESIGN.md §7): the person's consent per cohort,
 * pseudonymised profiles for the matching round, the person's own
 * pseudonym with a signed proof, and re-identification for this node's
 * coordinators only.
 */
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { MatchingProfilesArgs, ReidentifyPseudonymsArgs } from "./matching.args.js";
import { MatchingConsent, MatchingProfileConnection, MatchingPseudonym, PseudonymIdentity } from "./matching.type.js";

@Resolver()
export class MatchingResolver {
  @Mutation(() => MatchingConsent, { nullable: true, description: "Consents to joint matching for a cohort (the person only; idempotent). Routed to the participant's home node." })
  async consentToMatching(@Arg("participantId", () => ID) participantId: string, @Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: NodeContext): Promise<MatchingConsent> {
    return MatchingConsent.fromEntity(await ctx.services.matchingConsents.consent(participantId, cohortId), ctx.self);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description: "Withdraws consent to joint matching for a cohort (the person only): their profile leaves no more exports. True when there was a consent to withdraw.",
  })
  async withdrawMatchingConsent(@Arg("participantId", () => ID) participantId: string, @Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: NodeContext): Promise<boolean> {
    return ctx.services.matchingConsents.withdraw(participantId, cohortId);
  }

  @Query(() => [MatchingConsent], { nullable: true, description: "A participant's consents to joint matching, oldest first: for the person and their node's coordinators." })
  async matchingConsents(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<MatchingConsent[]> {
    const localId = ctx.services.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    return (await ctx.services.matchingConsents.given(localId)).map((consent) => MatchingConsent.fromEntity(consent, ctx.self));
  }

  @Query(() => MatchingProfileConnection, {
    description:
      "Pseudonymised matching profiles of participants who consented for a cohort, by pseudonym: for joint coordinators and each node's coordinators. Through the gateway: every node's profiles, merged.",
  })
  async matchingProfiles(@Args(() => MatchingProfilesArgs) args: MatchingProfilesArgs, @Ctx() ctx: NodeContext): Promise<MatchingProfileConnection> {
    const { participantIds, ...page } = await ctx.services.matchingProfiles.list(args);
    for (const participantId of participantIds) ctx.audit.processed("matching-profile", { participantId, targetId: args.cohortId });
    return page;
  }

  @Query(() => MatchingPseudonym, { nullable: true, description: "The person's own pseudonym for a cohort, with their home node's signed proof (the person only; after consenting)." })
  async myMatchingPseudonym(@Arg("participantId", () => ID) participantId: string, @Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: NodeContext): Promise<MatchingPseudonym> {
    return ctx.services.matchingProfiles.own(participantId, cohortId);
  }

  @Query(() => [PseudonymIdentity], {
    nullable: true,
    description: "Who pseudonyms of `node`'s consenting participants stand for in a cohort (that node's coordinators only; audited). Unknown pseudonyms are absent.",
  })
  async reidentifyPseudonyms(@Args(() => ReidentifyPseudonymsArgs) args: ReidentifyPseudonymsArgs, @Ctx() ctx: NodeContext): Promise<PseudonymIdentity[]> {
    const identities = await ctx.services.matchingProfiles.reidentify(args.cohortId, args.pseudonyms);
    for (const identity of identities) ctx.audit.processed("reidentify", { participantId: identity.participantId, targetId: args.cohortId });
    return identities;
  }
}
