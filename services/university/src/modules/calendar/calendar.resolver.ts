import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { CalendarFeed } from "./calendar-feed.type.js";
import { personalFeedPath } from "./calendar-paths.js";

@Resolver(() => CalendarFeed)
export class CalendarResolver {
  @Mutation(() => CalendarFeed, {
    nullable: true,
    description:
      "Your secret iCalendar feed (events you registered for at any node, your tandems' meetings), at your home node; for you only. The URL is shown this once; an earlier feed of yours stops working.",
  })
  async createCalendarFeed(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<CalendarFeed> {
    const { feed, token } = await ctx.services.calendarFeeds.create(participantId);
    const path = personalFeedPath(token);
    return { url: `${ctx.services.calendarBaseUrl}${path}`, path, createdAt: feed.createdAt };
  }

  @Mutation(() => Boolean, { nullable: true, description: "Revokes your calendar feed: its URL answers 404 from now on. False when you had none." })
  async revokeCalendarFeed(@Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<boolean> {
    return ctx.services.calendarFeeds.revoke(participantId);
  }
}
