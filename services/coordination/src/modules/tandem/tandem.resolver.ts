import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { isUser } from "@tandem/shared";
import { connectionTypes, mapConnection } from "@tandem/party";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { Cohort } from "../cohort/cohort.type.js";
import { Tandem, TANDEM_KIND } from "./tandem.type.js";
import { CloseTandemArgs, RespondToTandemArgs, TandemsArgs } from "./tandem.args.js";
import { ProposeTandemInput } from "./tandem.input.js";

export const { Connection: TandemConnection } = connectionTypes("Tandem", Tandem);
type TandemConnection = InstanceType<typeof TandemConnection>;

@Resolver(() => Tandem)
export class TandemResolver {
  @Query(() => Tandem, { nullable: true, description: "A tandem by id; null when there is none, or (with FORBIDDEN) when it is not yours to see." })
  async tandem(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<Tandem | null> {
    const entity = await ctx.loaders.tandem.load(ctx.services.directory.parseLocal(id, TANDEM_KIND, "id"));
    return entity ? Tandem.fromEntity(entity, ctx.self) : null;
  }

  @Query(() => TandemConnection, {
    description: "Tandems of a cohort in creation order: all for joint coordinators, those with a partner of their node for node coordinators, their own for participants.",
  })
  async tandems(@Args(() => TandemsArgs) args: TandemsArgs, @Ctx() ctx: CoordinationContext): Promise<TandemConnection> {
    return mapConnection(await ctx.services.tandems.list(args, ctx.access.scope(rules.readTandem)), (tandem) => Tandem.fromEntity(tandem, ctx.self));
  }

  @Mutation(() => Tandem, { description: "Pairs an enrolled mentee with an enrolled mentor of the same cohort; both must then accept." })
  async proposeTandem(@Arg("input", () => ProposeTandemInput) input: ProposeTandemInput, @Ctx() ctx: CoordinationContext): Promise<Tandem> {
    return Tandem.fromEntity(await ctx.services.tandems.propose(input), ctx.self);
  }

  @Mutation(() => Tandem, { description: "The mentee's or the mentor's answer to a proposed tandem. Both accepted: ACCEPTED, with a signed acceptance; a decline closes it." })
  async respondToTandem(@Args(() => RespondToTandemArgs) args: RespondToTandemArgs, @Ctx() ctx: CoordinationContext): Promise<Tandem> {
    const respondent = isUser(ctx.caller) ? ctx.caller.sub : "";
    return Tandem.fromEntity(await ctx.services.tandems.respond(args.id, respondent, args.accept, ctx.access.guard(rules.respondToTandem)), ctx.self);
  }

  @Mutation(() => Tandem, {
    description:
      "Starts a tandem both partners accepted, once both signed the same, current version of its agreement (their signatures start it themselves while the cohort allows it); AGREEMENT_NOT_SIGNED before. `overrideReason`: a coordinator starts it without the signatures, saying why (kept on the tandem, audited). `startedOn`: the day the pair really started when that was before today (a season entered late, a paper agreement): within the cohort's dates, not after today; on an ACTIVE tandem it moves the recorded start earlier (audited) and both home nodes accept meetings from that day.",
  })
  async activateTandem(
    @Arg("id", () => ID) id: string,
    @Arg("overrideReason", () => String, { nullable: true, description: "Why the tandem starts without both signatures (10 to 500 characters)." }) overrideReason: string | null,
    @Arg("startedOn", () => LocalDateResolver, { nullable: true, description: "The day the pair really started, if before today (YYYY-MM-DD)." }) startedOn: string | null,
    @Ctx() ctx: CoordinationContext,
  ): Promise<Tandem> {
    const { tandem: entity, startRecorded } = await ctx.services.tandems.activate(id, ctx.access.guard(rules.activateTandem), overrideReason ?? null, startedOn ?? null);
    const tandem = Tandem.fromEntity(entity, ctx.self);
    if (tandem.activationOverrideReason !== null && overrideReason) ctx.audit.changed("activate-tandem:override", "ok", { targetId: tandem.id });
    if (startRecorded) ctx.audit.changed("activate-tandem:started-on", "ok", { targetId: tandem.id });
    return tandem;
  }

  @Mutation(() => Tandem, { description: "Ends a tandem that is not closed yet." })
  async closeTandem(@Args(() => CloseTandemArgs) args: CloseTandemArgs, @Ctx() ctx: CoordinationContext): Promise<Tandem> {
    return Tandem.fromEntity(await ctx.services.tandems.close(args.id, args.reason, ctx.access.guard(rules.closeTandem)), ctx.self);
  }

  @FieldResolver(() => Cohort)
  async cohort(@Root() tandem: Tandem, @Ctx() ctx: CoordinationContext): Promise<Cohort> {
    const entity = await ctx.loaders.cohort.load(tandem.cohortLocalId);
    return Cohort.fromEntity(entity!, ctx.self);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Once both partners accepted (and until the tandem closes): the coordination office's signed statement of it (a tandem-accepted proof, JWS), which the partners' home nodes require before disclosing contacts. For the partners, their nodes' coordinators and joint coordinators; null for others.",
  })
  async acceptanceProof(@Root() tandem: Tandem, @Ctx() ctx: CoordinationContext): Promise<string | null> {
    return ctx.services.tandems.acceptanceProof(tandem);
  }
}

@Resolver(() => Cohort)
export class CohortTandemsResolver {
  @FieldResolver(() => [Tandem], { description: "The cohort's tandems you may see (see Query.tandems), closed ones included, in creation order." })
  async tandems(@Root() cohort: Cohort, @Ctx() ctx: CoordinationContext): Promise<Tandem[]> {
    const rows = await ctx.loaders.tandemsByCohort.load(cohort.localId);
    return rows.map((row) => Tandem.fromEntity(row, ctx.self));
  }
}
