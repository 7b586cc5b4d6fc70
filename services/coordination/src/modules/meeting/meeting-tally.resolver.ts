import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { Tandem } from "../tandem/tandem.type.js";
import { MeetingTally } from "./meeting-tally.type.js";

@Resolver(() => Tandem)
export class TandemMeetingTallyResolver {
  @FieldResolver(() => MeetingTally, { nullable: true, description: "Counts and the last date of the tandem's meetings, from the mentee's home node; null before its first tally." })
  async meetingTally(@Root() tandem: Tandem, @Ctx() ctx: CoordinationContext): Promise<MeetingTally | null> {
    const entity = await ctx.loaders.meetingTally.load(tandem.localId);
    return entity ? MeetingTally.fromEntity(entity) : null;
  }
}
