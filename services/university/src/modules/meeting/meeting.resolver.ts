import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionTypes, mapConnection } from "@tandem/party";
import type { NodeContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { sideOf, type TandemPartners, type TandemSide } from "../active-tandem/active-tandem.service.js";
import { MeetingsArgs } from "./meeting.args.js";
import { LogMeetingInput } from "./meeting.input.js";
import { Meeting, MEETING_KIND } from "./meeting.type.js";

export const { Connection: MeetingConnection } = connectionTypes("Meeting", Meeting);
type MeetingConnection = InstanceType<typeof MeetingConnection>;

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { nullable: true, description: "A tandem's meetings in the order they were logged, from the mentee's home node; for the pair only." })
  async meetings(@Args(() => MeetingsArgs) args: MeetingsArgs, @Ctx() ctx: NodeContext): Promise<MeetingConnection> {
    const { page, tandem } = await ctx.services.meetings.list(args, ctx.access.guard(rules.readMeetings));
    return mapConnection(page, (meeting) => Meeting.fromEntity(meeting, tandem, ctx.self));
  }

  @Query(() => Meeting, { nullable: true, description: "A meeting by global id, from the mentee's home node; for the pair only." })
  async meeting(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Meeting | null> {
    const view = await ctx.loaders.meeting.load(ctx.services.directory.parseLocal(id, MEETING_KIND, "id"));
    return view ? Meeting.fromEntity(view.meeting, view.tandem, ctx.self) : null;
  }

  @Mutation(() => Meeting, {
    nullable: true,
    description: "Logs a meeting of an ACTIVE tandem at the mentee's home node: by the mentee, or by the mentor (confirmed at once). Not after today, not before the tandem started.",
  })
  async logMeeting(
    @Arg("menteeId", () => ID) menteeId: string,
    @Arg("tandemId", () => ID) tandemId: string,
    @Arg("input", () => LogMeetingInput) input: LogMeetingInput,
    @Ctx() ctx: NodeContext,
  ): Promise<Meeting> {
    const guard = (tandem: TandemPartners): TandemSide => {
      ctx.access.require(rules.logMeeting, tandem);
      return sideOf(ctx.caller, tandem)!;
    };
    const { meeting, tandem } = await ctx.services.meetings.log(menteeId, tandemId, input, guard);
    return Meeting.fromEntity(meeting, tandem, ctx.self);
  }

  @Mutation(() => Meeting, { nullable: true, description: "The mentor confirms a meeting the mentee logged; again is harmless." })
  async confirmMeeting(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Meeting> {
    const { meeting, tandem } = await ctx.services.meetings.confirm(id, ctx.access.guard(rules.confirmMeeting));
    return Meeting.fromEntity(meeting, tandem, ctx.self);
  }

  @FieldResolver(() => String, { nullable: true, description: "Private to the pair: null for anyone else." })
  notes(@Root() meeting: Meeting): string {
    return meeting.privateNotes;
  }
}
