import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { tryParseGlobalId } from "@tandem/shared";
import { connectionTypes, mapConnection } from "@tandem/party";
import { rules } from "../access/access.rules.js";
import type { NodeContext } from "../../context.js";
import { Event, EVENT_KIND } from "../event/event.type.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { Registration, REGISTRATION_KIND } from "./registration.type.js";
import { EventRegistrationsArgs, ParticipantRegistrationsArgs } from "./registration.args.js";
import { assertAttestedByHome } from "./registration-actor.js";
import { registrationsByEventKey } from "./registration.loader.js";

export const { Connection: RegistrationConnection } = connectionTypes("Registration", Registration);
type RegistrationConnection = InstanceType<typeof RegistrationConnection>;

@Resolver(() => Registration)
export class RegistrationResolver {
  @Query(() => Registration, { nullable: true, description: "A registration by global id; routed to the event's host node." })
  async registration(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Registration | null> {
    const entity = await ctx.loaders.registration.load(ctx.services.directory.parseLocal(id, REGISTRATION_KIND, "id"));
    return entity ? Registration.fromEntity(entity, ctx.self) : null;
  }

  @Query(() => RegistrationConnection, {
    description: "A participant's registrations, in event start order, for those who may see them. Through the gateway: at every node, merged.",
  })
  async participantRegistrations(@Args(() => ParticipantRegistrationsArgs) args: ParticipantRegistrationsArgs, @Ctx() ctx: NodeContext): Promise<RegistrationConnection> {
    return mapConnection(await ctx.services.registrations.forParticipant(args, ctx.access.scope(rules.seeEvent)), (registration) => Registration.fromEntity(registration, ctx.self));
  }

  @Mutation(() => Registration, {
    nullable: true,
    description: "Registers a participant of any node for an event (the participant, or their node's coordinators); waitlisted when full; idempotent.",
  })
  async registerForEvent(@Arg("eventId", () => ID) eventId: string, @Arg("participantId", () => ID) participantId: string, @Ctx() ctx: NodeContext): Promise<Registration> {
    ctx.services.directory.parseLocal(eventId, EVENT_KIND, "eventId");
    const memberships = await assertAttestedByHome(ctx, participantId);
    return Registration.fromEntity(await ctx.services.registrations.register(eventId, participantId, memberships), ctx.self);
  }

  @Mutation(() => Registration, { nullable: true, description: "Cancels a registration; the first person waiting gets the seat." })
  async cancelRegistration(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Registration> {
    const existing = await ctx.loaders.registration.load(ctx.services.directory.parseLocal(id, REGISTRATION_KIND, "id"));
    if (existing) ctx.access.require(rules.cancelRegistration, existing.participantId);
    return Registration.fromEntity(await ctx.services.registrations.cancel(id), ctx.self);
  }

  @FieldResolver(() => Event)
  async event(@Root() registration: Registration, @Ctx() ctx: NodeContext): Promise<Event> {
    const entity = await ctx.loaders.event.load(registration.eventLocalId);
    return Event.fromEntity(entity!, ctx.self);
  }

  @FieldResolver(() => Int, { nullable: true, description: "1-based place on the waitlist while waitlisted." })
  async waitlistPosition(@Root() registration: Registration, @Ctx() ctx: NodeContext): Promise<number | null> {
    return registration.status === "WAITLISTED" ? ctx.loaders.waitlistPosition.load(registration.localId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Signed by this (host) node: proof of the registration, for recordDisclosure at the registrant's home node (which then shows the registrant's name to this node's coordinators). For the registrant and coordinators of their home node or of this node, while the registration is active.",
  })
  async disclosureProof(@Root() registration: Registration, @Ctx() ctx: NodeContext): Promise<string | null> {
    const refersToPerson = tryParseGlobalId(registration.participantId)?.kind === PARTICIPANT_KIND;
    if (!refersToPerson || registration.status === "CANCELLED" || !ctx.access.allows(rules.readDisclosureProof, registration.participantId)) return null;
    return ctx.services.registrationProofs.registered({
      id: registration.localId,
      eventId: registration.eventLocalId,
      participantId: registration.participantId,
      registeredAt: registration.registeredAt,
    });
  }
}

@Resolver(() => Event)
export class EventRegistrationsResolver {
  @FieldResolver(() => [Registration], { description: "Registrations for this event, in registration order: those the caller may see." })
  async registrations(@Root() event: Event, @Args(() => EventRegistrationsArgs) args: EventRegistrationsArgs, @Ctx() ctx: NodeContext): Promise<Registration[]> {
    const statuses = args.status?.length ? args.status : (["CONFIRMED", "WAITLISTED"] as const);
    const rows = await ctx.loaders.registrationsByEvent.load(registrationsByEventKey(event.localId, statuses));
    return rows.map((row) => Registration.fromEntity(row, ctx.self));
  }
}
