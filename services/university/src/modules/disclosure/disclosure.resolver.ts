import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { isUser } from "@tandem/shared";
import { rules } from "../access/access.rules.js";
import type { NodeContext } from "../../context.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { DisclosureGrant } from "./disclosure-grant.type.js";

@Resolver(() => DisclosureGrant)
export class DisclosureResolver {
  @Mutation(() => [DisclosureGrant], {
    nullable: true,
    description:
      "Records at the participant's home node (`node`) the disclosure grants a signed proof establishes: a tandem acceptance signed by the coordination office, or a registration signed by the event's host node. Idempotent.",
  })
  async recordDisclosure(@Arg("node", () => String) node: string, @Arg("proof", () => String) token: string, @Ctx() ctx: NodeContext): Promise<DisclosureGrant[]> {
    ctx.services.directory.assertSelf(node, "node");
    const proof = await ctx.services.disclosures.verify(token);
    ctx.access.require(rules.recordDisclosure, proof);
    const grants = ctx.services.disclosures.grantsOf(proof);
    const recorded = await ctx.services.disclosures.record(grants, isUser(ctx.caller) ? ctx.caller.sub : ctx.caller.via);
    const result = recorded.map((grant) => DisclosureGrant.fromEntity(grant, ctx.self));
    for (const grant of result) ctx.audit.changed(`grant:${grant.scope}`, "ok", { participantId: grant.participantId, targetId: grant.referenceId });
    return result;
  }

  @Query(() => [DisclosureGrant], { nullable: true, description: "The disclosure grants a participant gave; routed to their home node." })
  async disclosureGrants(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<DisclosureGrant[]> {
    const localId = ctx.services.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    return (await ctx.services.disclosures.given(localId)).map((grant) => DisclosureGrant.fromEntity(grant, ctx.self));
  }
}
