import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionTypes } from "@tandem/shared";
import type { CoordinationContext } from "../../context.js";
import { Cohort } from "../cohort/cohort.type.js";
import { Tandem, TANDEM_KIND } from "./tandem.type.js";
import { CloseTandemArgs, TandemsArgs } from "./tandem.args.js";
import { ProposeTandemInput } from "./tandem.input.js";

export const { Connection: TandemConnection } = connectionTypes("Tandem", Tandem);
type TandemConnection = InstanceType<typeof TandemConnection>;

@Resolver(() => Tandem)
export class TandemResolver {
  @Query(() => Tandem, { nullable: true, description: "A tandem by id; null when there is none." })
  async tandem(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<Tandem | null> {
    const entity = await ctx.loaders.tandem.load(ctx.services.directory.parseLocal(id, TANDEM_KIND, "id"));
    return entity ? Tandem.fromEntity(entity, ctx.coordinationId) : null;
  }

  @Query(() => TandemConnection, { description: "Tandems of a cohort in creation order." })
  async tandems(@Args(() => TandemsArgs) args: TandemsArgs, @Ctx() ctx: CoordinationContext): Promise<TandemConnection> {
    const page = await ctx.services.tandems.list(args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: Tandem.fromEntity(edge.node, ctx.coordinationId) })) };
  }

  @Mutation(() => Tandem, { description: "Pairs an enrolled mentee with an enrolled mentor of the same cohort." })
  async proposeTandem(@Arg("input", () => ProposeTandemInput) input: ProposeTandemInput, @Ctx() ctx: CoordinationContext): Promise<Tandem> {
    return Tandem.fromEntity(await ctx.services.tandems.propose(input), ctx.coordinationId);
  }

  @Mutation(() => Tandem, { description: "Starts a proposed tandem." })
  async activateTandem(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<Tandem> {
    return Tandem.fromEntity(await ctx.services.tandems.activate(id), ctx.coordinationId);
  }

  @Mutation(() => Tandem, { description: "Ends a proposed or active tandem." })
  async closeTandem(@Args(() => CloseTandemArgs) args: CloseTandemArgs, @Ctx() ctx: CoordinationContext): Promise<Tandem> {
    return Tandem.fromEntity(await ctx.services.tandems.close(args.id, args.reason), ctx.coordinationId);
  }

  @FieldResolver(() => Cohort)
  async cohort(@Root() tandem: Tandem, @Ctx() ctx: CoordinationContext): Promise<Cohort> {
    const entity = await ctx.loaders.cohort.load(tandem.cohortLocalId);
    return Cohort.fromEntity(entity!, ctx.coordinationId);
  }
}

@Resolver(() => Cohort)
export class CohortTandemsResolver {
  @FieldResolver(() => [Tandem], { description: "Every tandem, closed ones included, in creation order." })
  async tandems(@Root() cohort: Cohort, @Ctx() ctx: CoordinationContext): Promise<Tandem[]> {
    return (await ctx.loaders.tandemsByCohort.load(cohort.localId)).map((row) => Tandem.fromEntity(row, ctx.coordinationId));
  }
}
