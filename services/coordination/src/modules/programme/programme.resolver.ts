import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { ConsortiumNode } from "../consortium/consortium.type.js";
import { Programme, PROGRAMME_KIND, Track } from "./programme.type.js";
import { CreateProgrammeInput } from "./programme.input.js";

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme], { description: "Every programme of the consortium, oldest first." })
  async programmes(@Ctx() ctx: CoordinationContext): Promise<Programme[]> {
    const rows = await ctx.services.programmes.list();
    return rows.map((row) => Programme.fromEntity(row, ctx.self));
  }

  @Query(() => Programme, { nullable: true, description: "A programme by id; null when there is none." })
  async programme(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<Programme | null> {
    const entity = await ctx.loaders.programme.load(ctx.services.directory.parseLocal(id, PROGRAMME_KIND, "id"));
    return entity ? Programme.fromEntity(entity, ctx.self) : null;
  }

  @Mutation(() => Programme, { description: "Creates a programme with its tracks, participating nodes and cross-border rule (joint coordinators)." })
  async createProgramme(@Arg("input", () => CreateProgrammeInput) input: CreateProgrammeInput, @Ctx() ctx: CoordinationContext): Promise<Programme> {
    return Programme.fromEntity(await ctx.services.programmes.create(input), ctx.self);
  }

  @FieldResolver(() => [Track], { description: "Tracks in the programme's order." })
  async tracks(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<Track[]> {
    return (await ctx.loaders.tracksByProgramme.load(programme.localId)).map(Track.fromEntity);
  }

  @FieldResolver(() => [ConsortiumNode], { description: "Participating nodes still in the registry." })
  participatingNodes(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): ConsortiumNode[] {
    return programme.participatingNodeIds.flatMap((id) => {
      const node = ctx.services.directory.node(id);
      return node ? [ConsortiumNode.of(node.id)] : [];
    });
  }
}
