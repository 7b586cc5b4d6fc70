import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionTypes, mapConnection } from "@tandem/party";
import { rules } from "../access/access.rules.js";
import type { NodeContext } from "../../context.js";
import { Event, EVENT_KIND } from "./event.type.js";
import { EventsArgs } from "./event.args.js";
import { CreateEventInput, UpdateEventInput } from "./event.input.js";

export const { Connection: EventConnection } = connectionTypes("Event", Event);
type EventConnection = InstanceType<typeof EventConnection>;

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "An event by global id; routed to its host node." })
  async event(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Event | null> {
    const localId = ctx.services.directory.parseLocal(id, EVENT_KIND, "id");
    const entity = await ctx.loaders.event.load(localId);
    return entity ? Event.fromEntity(entity, ctx.self) : null;
  }

  @Query(() => EventConnection, { description: "Events in start-time order. Through the gateway: every node's events, merged." })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: NodeContext): Promise<EventConnection> {
    return mapConnection(await ctx.services.events.list(args, ctx.access.scope(rules.seeEvent)), (event) => Event.fromEntity(event, ctx.self));
  }

  @Mutation(() => Event, { nullable: true, description: "Creates an event hosted by `node` (its coordinators)." })
  async createEvent(@Arg("node", () => String) _node: string, @Arg("input", () => CreateEventInput) input: CreateEventInput, @Ctx() ctx: NodeContext): Promise<Event> {
    return Event.fromEntity(await ctx.services.events.create(input), ctx.self);
  }

  @Mutation(() => Event, { nullable: true, description: "Changes an event; more capacity promotes people from the waitlist." })
  async updateEvent(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateEventInput) input: UpdateEventInput, @Ctx() ctx: NodeContext): Promise<Event> {
    ctx.services.directory.parseLocal(id, EVENT_KIND, "id");
    return Event.fromEntity(await ctx.services.events.update(id, input), ctx.self);
  }

  @Mutation(() => Event, { nullable: true, description: "Cancels an event; registrations stay on record." })
  async cancelEvent(@Arg("id", () => ID) id: string, @Arg("reason", () => String, { nullable: true }) reason: string | null, @Ctx() ctx: NodeContext): Promise<Event> {
    ctx.services.directory.parseLocal(id, EVENT_KIND, "id");
    return Event.fromEntity(await ctx.services.events.cancel(id, reason ?? null), ctx.self);
  }

  @FieldResolver(() => Int, { description: "Confirmed registrations." })
  async confirmedCount(@Root() event: Event, @Ctx() ctx: NodeContext): Promise<number> {
    return (await ctx.loaders.eventStats.load(event.localId)).confirmed;
  }

  @FieldResolver(() => Int, { description: "People waiting for a seat." })
  async waitlistCount(@Root() event: Event, @Ctx() ctx: NodeContext): Promise<number> {
    return (await ctx.loaders.eventStats.load(event.localId)).waitlisted;
  }

  @FieldResolver(() => Int, { description: "Seats still free." })
  async seatsLeft(@Root() event: Event, @Ctx() ctx: NodeContext): Promise<number> {
    return Math.max(0, event.capacity - (await ctx.loaders.eventStats.load(event.localId)).confirmed);
  }
}
