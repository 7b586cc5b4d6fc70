import { forbidden, nodeOnlyEvents, rules } from "../../access.js";
import type { NodeContext } from "../../context.js";
import type { RegistrationEntity } from "./registration.entity.js";

/**
 * Rule registration.read, plus event.node-only: a registration of an event
 * the caller may not see is not theirs to see either.
 */
export async function assertRegistrationVisible(ctx: NodeContext, registration: RegistrationEntity): Promise<void> {
  ctx.access.require(rules.readRegistration, registration.participantId);
  const event = await ctx.loaders.event.load(registration.eventId);
  if (!event || !ctx.services.events.isVisibleTo(event, ctx.viewer)) throw forbidden(nodeOnlyEvents);
}

/** The registrations among `rows` the caller may see (rows of one event the caller can see). */
export function visibleRegistrations(ctx: NodeContext, rows: RegistrationEntity[]): RegistrationEntity[] {
  return rows.filter((row) => ctx.access.allows(rules.readRegistration, row.participantId));
}
