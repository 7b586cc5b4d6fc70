import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { isUser } from "@tandem/shared";
import type { NodeContext } from "../../context.js";
import { Credential, CREDENTIAL_KIND } from "./credential.type.js";
import type { IssuedCredentialEntity } from "./credential.entity.js";

function view(entity: IssuedCredentialEntity, ctx: NodeContext): Credential {
  return Credential.fromEntity(entity, ctx.self, ctx.services.credentials.verificationUrl(entity));
}

@Resolver(() => Credential)
export class CredentialResolver {
  @Query(() => [Credential], { nullable: true, description: "A person's certificates at their home node, newest first (revoked ones too). For the person and their home node's coordinators." })
  async credentials(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<Credential[]> {
    return (await ctx.services.credentials.of(participantId)).map((entity) => view(entity, ctx));
  }

  @Query(() => Credential, { nullable: true, description: "A certificate by its global id (hst:credential:<uuid>). For its holder and the issuing node's coordinators." })
  async credential(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Credential | null> {
    const localId = ctx.services.directory.parseLocal(id, CREDENTIAL_KIND, "id");
    const entity = await ctx.services.credentials.find(localId);
    return entity ? view(entity, ctx) : null;
  }

  @Mutation(() => Credential, {
    nullable: true,
    description:
      "Issues a person's certificate of a cohort at their home node (its coordinators): once every completion rule holds (COMPLETION_OPEN names the open ones), one per person and cohort (again after a revocation). `language` defaults to the person's first of de/en/fr/cs, else the programme's.",
  })
  async issueCertificate(
    @Arg("participantId", () => ID) participantId: string,
    @Arg("cohortId", () => ID) cohortId: string,
    @Arg("language", () => String, { nullable: true }) language: string | null,
    @Ctx() ctx: NodeContext,
  ): Promise<Credential> {
    const issuedBy = isUser(ctx.caller) ? ctx.caller.sub : ctx.caller.via;
    return view(await ctx.services.credentials.issue(participantId, cohortId, language ?? null, issuedBy), ctx);
  }

  @Mutation(() => Credential, {
    nullable: true,
    description: "Revokes a certificate (the issuing node's coordinators), with a reason kept here: its bit is set in the node's re-signed status list, and verifiers answer REVOKED.",
  })
  async revokeCertificate(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: NodeContext): Promise<Credential> {
    const localId = ctx.services.directory.parseLocal(id, CREDENTIAL_KIND, "id");
    return view(await ctx.services.credentials.revoke(localId, reason), ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The printable certificate (one A4 page, PDF, base64) in `language` (de, en, fr, cs; the credential's own by default), with its QR code and the signed credential attached; null once erased.",
  })
  async pdf(@Root() credential: Credential, @Arg("language", () => String, { nullable: true }) language: string | null, @Ctx() ctx: NodeContext): Promise<string | null> {
    if (!credential.entity.document) return null;
    return (await ctx.services.credentials.pdf(credential.entity, language ?? null)).toString("base64");
  }
}
