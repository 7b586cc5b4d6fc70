import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";
import { JSONResolver } from "graphql-scalars";
import { FIELD_GROUPS } from "../disclosure/disclosure.policy.js";
import type { NodeContext } from "../../context.js";
import type { ParticipantDataExport } from "./data-export.service.js";
import { ErasureConfirmation } from "@tandem/party";

/** The node's part of a person's GDPR rights; the gateway asks every party and assembles the answer. */
@Resolver()
export class GdprResolver {
  @Directive("@inaccessible")
  @Query(() => JSONResolver, { nullable: true, description: "Everything `node` holds about a participant, as one JSON document: for the person and their home node's coordinators." })
  async exportParticipantData(@Arg("node", () => String) _node: string, @Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<ParticipantDataExport> {
    const data = await ctx.services.dataExport.export(participantId);
    if (data.profile) for (const group of new Set(Object.values(FIELD_GROUPS))) ctx.audit.disclosed(participantId, group);
    ctx.audit.changed("exportParticipantData", "ok", { participantId });
    return data;
  }

  @Directive("@inaccessible")
  @Mutation(() => ErasureConfirmation, {
    nullable: true,
    description:
      "Erases a participant's data at `node`: the profile at their home node, grants given or received, and every registration's reference anonymised. Idempotent. For the person and their home node's coordinators.",
  })
  async eraseParticipantData(@Arg("node", () => String) _node: string, @Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<ErasureConfirmation> {
    const { confirmation, pseudonym } = await ctx.services.erasure.erase(participantId);
    ctx.audit.pseudonymise(participantId, pseudonym);
    return confirmation;
  }
}
