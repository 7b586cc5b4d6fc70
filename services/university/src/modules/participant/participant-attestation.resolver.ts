import { Arg, Ctx, Directive, ID, Query, Resolver } from "type-graphql";
import type { UserCaller } from "@tandem/shared";
import type { NodeContext } from "../../context.js";

@Resolver()
export class ParticipantAttestationResolver {
  @Directive("@inaccessible")
  @Query(() => String, {
    nullable: true,
    description:
      "This node's signed word that the participant exists here and the caller may act for them (the person, or this node's coordinators); valid two minutes. The gateway fetches it for calls to other nodes that store a reference to the participant.",
  })
  async participantAttestation(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<string> {
    await ctx.services.participants.get(participantId, "participantId");
    return ctx.services.participantAttestations.sign(participantId, (ctx.caller as UserCaller).sub);
  }
}
