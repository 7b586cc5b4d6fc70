import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionTypes } from "@tandem/shared";
import type { NodeContext } from "../../context.js";
import { Event } from "../event/event.type.js";
import { Registration, REGISTRATION_KIND } from "./registration.type.js";
import { EventRegistrationsArgs, ParticipantRegistrationsArgs } from "./registration.args.js";
import { registrationsByEventKey } from "./registration.loader.js";

export const { Connection: RegistrationConnection } = connectionTypes("Registration", Registration);
type RegistrationConnection = InstanceType<typeof RegistrationConnection>;

@Resolver(() => Registration)
export class RegistrationResolver {
  @Query(() => Registration, { nullable: true, description: "A registration by global id; routed to the event's host node." })
  async registration(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Registration | null> {
    const entity = await ctx.loaders.registration.load(ctx.services.directory.parseLocal(id, REGISTRATION_KIND, "id"));
    return entity ? Registration.fromEntity(entity, ctx.node.id) : null;
  }

  @Query(() => RegistrationConnection, { description: "A participant's registrations, in event start order. Through the gateway: at every node, merged." })
  async participantRegistrations(@Args(() => ParticipantRegistrationsArgs) args: ParticipantRegistrationsArgs, @Ctx() ctx: NodeContext): Promise<RegistrationConnection> {
    const page = await ctx.services.registrations.forParticipant(args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: Registration.fromEntity(edge.node, ctx.node.id) })) };
  }

  @Mutation(() => Registration, { nullable: true, description: "Registers a participant of any node for an event; waitlisted when full; idempotent." })
  async registerForEvent(
    @Arg("eventId", () => ID) eventId: string,
    @Arg("participantId", () => ID) participantId: string,
    @Ctx() ctx: NodeContext,
  ): Promise<Registration> {
    return Registration.fromEntity(await ctx.services.registrations.register(eventId, participantId), ctx.node.id);
  }

  @Mutation(() => Registration, { nullable: true, description: "Cancels a registration; the first person waiting gets the seat." })
  async cancelRegistration(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Registration> {
    return Registration.fromEntity(await ctx.services.registrations.cancel(id), ctx.node.id);
  }

  @FieldResolver(() => Event)
  async event(@Root() registration: Registration, @Ctx() ctx: NodeContext): Promise<Event> {
    const entity = await ctx.loaders.event.load(registration.eventLocalId);
    return Event.fromEntity(entity!, ctx.node.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: "1-based place on the waitlist while waitlisted." })
  async waitlistPosition(@Root() registration: Registration, @Ctx() ctx: NodeContext): Promise<number | null> {
    return registration.status === "WAITLISTED" ? ctx.loaders.waitlistPosition.load(registration.localId) : null;
  }
}

@Resolver(() => Event)
export class EventRegistrationsResolver {
  @FieldResolver(() => [Registration], { description: "Registrations for this event, in registration order." })
  async registrations(@Root() event: Event, @Args(() => EventRegistrationsArgs) args: EventRegistrationsArgs, @Ctx() ctx: NodeContext): Promise<Registration[]> {
    const statuses = args.status?.length ? args.status : (["CONFIRMED", "WAITLISTED"] as const);
    const rows = await ctx.loaders.registrationsByEvent.load(registrationsByEventKey(event.localId, statuses));
    return rows.map((row) => Registration.fromEntity(row, ctx.node.id));
  }
}
