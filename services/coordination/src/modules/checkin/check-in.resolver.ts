import { Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionTypes, mapConnection } from "@tandem/party";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { Programme } from "../programme/programme.type.js";
import { Tandem } from "../tandem/tandem.type.js";
import { SetCheckInIntervalArgs, TandemsNeedingAttentionArgs } from "./check-in.args.js";
import { TandemAttention } from "./tandem-attention.type.js";

export const { Connection: TandemAttentionConnection } = connectionTypes("TandemAttention", TandemAttention);
type TandemAttentionConnection = InstanceType<typeof TandemAttentionConnection>;

@Resolver(() => TandemAttention)
export class TandemAttentionResolver {
  @Query(() => TandemAttentionConnection, {
    description:
      "A cohort's tandems needing attention (a partner asked to be contacted, or was dissatisfied, in a check-in), oldest first: for joint coordinators, and coordinators of a partner's node.",
  })
  async tandemsNeedingAttention(@Args(() => TandemsNeedingAttentionArgs) args: TandemsNeedingAttentionArgs, @Ctx() ctx: CoordinationContext): Promise<TandemAttentionConnection> {
    return mapConnection(await ctx.services.checkIns.needingAttention(args, ctx.access.scope(rules.readAttention)), (row) => TandemAttention.fromEntity(row, ctx.self));
  }

  @FieldResolver(() => Tandem, { nullable: true })
  async tandem(@Root() attention: TandemAttention, @Ctx() ctx: CoordinationContext): Promise<Tandem | null> {
    const entity = await ctx.loaders.tandem.load(ctx.services.directory.parseLocal(attention.tandemId, "tandem", "tandemId"));
    return entity ? Tandem.fromEntity(entity, ctx.self) : null;
  }
}

@Resolver(() => Programme)
export class ProgrammeCheckInResolver {
  @FieldResolver(() => Int, { nullable: true, description: "Weeks between check-ins after a tandem starts; null: the cohort's mid-point only." })
  async checkInEveryWeeks(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<number | null> {
    return (await ctx.loaders.programme.load(programme.localId))?.checkInEveryWeeks ?? null;
  }

  @Mutation(() => Programme, { description: "Sets how often a programme's tandems check in besides the cohort's mid-point (tandems activated from now on)." })
  async setCheckInInterval(@Args(() => SetCheckInIntervalArgs) args: SetCheckInIntervalArgs, @Ctx() ctx: CoordinationContext): Promise<Programme> {
    return Programme.fromEntity(await ctx.services.checkIns.setInterval(args), ctx.self);
  }
}
