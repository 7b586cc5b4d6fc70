/**
 * What the node tells the change feed about events and their registrations,
 * inside the transaction of the change: ids only.
 */
import type { EntityManager } from "typeorm";
import { CONSORTIUM_EVENTS_TOPIC, eventTopic, registrationsTopic, type EventChangeKind, type RegistrationChangeKind } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { REGISTRATION_KIND } from "../registration/registration.type.js";
import type { EventEntity } from "./event.entity.js";
import { EVENT_KIND } from "./event.type.js";

/** On `event:<id>`; also on consortium-events when the event is consortium-visible before or after the change. */
export function publishEventChange(manager: EntityManager, directory: NodeDirectory, kind: EventChangeKind, event: EventEntity, visibleBefore = event.visibility): Promise<void> {
  const eventId = directory.globalId(EVENT_KIND, event.id);
  const consortium = visibleBefore === "CONSORTIUM" || event.visibility === "CONSORTIUM";
  return publishChange(manager, { topics: [eventTopic(eventId), ...(consortium ? [CONSORTIUM_EVENTS_TOPIC] : [])], kind, refs: { eventId } });
}

/** On `registrations:<eventId>`. */
export function publishRegistrationChange(manager: EntityManager, directory: NodeDirectory, kind: RegistrationChangeKind, registration: { id: string; eventId: string }): Promise<void> {
  const eventId = directory.globalId(EVENT_KIND, registration.eventId);
  const registrationId = directory.globalId(REGISTRATION_KIND, registration.id);
  return publishChange(manager, { topics: [registrationsTopic(eventId)], kind, refs: { registrationId, eventId } });
}
