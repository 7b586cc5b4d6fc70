import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { Event } from "./event.type.js";

@Resolver(() => Event)
export class EventPeerGroupResolver {
  @FieldResolver(() => ID, { nullable: true, description: "The peer group (at the coordination office) this PEER_MEETING is for: its consented members register." })
  async peerGroupId(@Root() event: Event, @Ctx() ctx: NodeContext): Promise<string | null> {
    return (await ctx.loaders.event.load(event.localId))?.peerGroupId ?? null;
  }
}
