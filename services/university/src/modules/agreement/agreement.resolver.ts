/**
 * The agreement of an accepted tandem (DESIGN.md §8): read, drafted and
 * revised at the mentee's home node (routed by the agreement's id), signed
 * at the signer's own home node (routed by `participantId`).
 */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { isUser } from "@tandem/shared";
import type { NodeContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { AgreementInput } from "./agreement.input.js";
import { readAgreement, toSignature } from "./agreement.read.js";
import { Agreement, AgreementSignature } from "./agreement.type.js";

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, {
    nullable: true,
    description:
      "A tandem's agreement (Tandem.agreementId), routed to the mentee's home node: for the mentee and, under the tandem-partner rule, the mentor; FORBIDDEN for anyone else, coordinators included; null when this node knows no accepted tandem for it.",
  })
  async agreement(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Agreement | null> {
    return readAgreement(ctx, id);
  }

  @Mutation(() => Agreement, { nullable: true, description: "The mentee drafts the agreement of their accepted tandem: version 1 (CONFLICT once there is one: revise it)." })
  async draftAgreement(@Arg("id", () => ID) id: string, @Arg("input", () => AgreementInput) input: AgreementInput, @Ctx() ctx: NodeContext): Promise<Agreement | null> {
    await ctx.services.agreements.draft(id, input, callerId(ctx), ctx.access.guard(rules.draftAgreement));
    return readAgreement(ctx, id);
  }

  @Mutation(() => Agreement, {
    nullable: true,
    description:
      "Either partner changes the agreement: a new version, made from the one `basedOnVersionHash` names (AGREEMENT_VERSION_OUTDATED unless it is the current one). Signatures of earlier versions no longer count.",
  })
  async reviseAgreement(
    @Arg("id", () => ID) id: string,
    @Arg("basedOnVersionHash", () => String) basedOnVersionHash: string,
    @Arg("input", () => AgreementInput) input: AgreementInput,
    @Ctx() ctx: NodeContext,
  ): Promise<Agreement | null> {
    await ctx.services.agreements.revise(id, basedOnVersionHash, input, callerId(ctx), ctx.access.guard(rules.reviseAgreement));
    return readAgreement(ctx, id);
  }

  @Mutation(() => AgreementSignature, {
    nullable: true,
    description:
      "A partner signs the current version of their tandem's agreement, naming its hash, at their own home node (routed by `participantId`), which attests it to the coordination office and the partner's node. AGREEMENT_VERSION_OUTDATED for any other version. Signing again is harmless.",
  })
  async signAgreement(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("agreementId", () => ID) agreementId: string,
    @Arg("versionHash", () => String) versionHash: string,
    @Ctx() ctx: NodeContext,
  ): Promise<AgreementSignature> {
    const { signature } = await ctx.services.agreements.sign(participantId, agreementId, versionHash, ctx.access.guard(rules.signAgreement));
    return toSignature(agreementId, signature);
  }
}

function callerId(ctx: NodeContext): string {
  return isUser(ctx.caller) ? ctx.caller.sub : "";
}
