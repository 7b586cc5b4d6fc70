/**
 * The topics and kinds of change every party publishes and the gateway
 * subscribes to. Topics name global ids only.
 */

/** Consortium-visible events created, changed or cancelled at a node. */
export const CONSORTIUM_EVENTS_TOPIC = "consortium-events";

/** Changes to one event (time, place, capacity, visibility, cancellation). */
export function eventTopic(eventId: string): string {
  return `event:${eventId}`;
}

/** Registrations of one event: registered, waitlisted, promoted, cancelled. */
export function registrationsTopic(eventId: string): string {
  return `registrations:${eventId}`;
}

/** Status changes of one tandem. */
/** Notices of a party's facts for `receiver` (facts travel between parties: @tandem/party facts). */
export function factTopic(receiver: string): string {
  return `facts:${receiver}`;
}

export function tandemTopic(tandemId: string): string {
  return `tandem:${tandemId}`;
}

export const EventChangeKind = { CREATED: "CREATED", UPDATED: "UPDATED", CANCELLED: "CANCELLED" } as const;
export type EventChangeKind = (typeof EventChangeKind)[keyof typeof EventChangeKind];

export const RegistrationChangeKind = { REGISTERED: "REGISTERED", WAITLISTED: "WAITLISTED", PROMOTED: "PROMOTED", CANCELLED: "CANCELLED" } as const;
export type RegistrationChangeKind = (typeof RegistrationChangeKind)[keyof typeof RegistrationChangeKind];

export const TandemChangeKind = { PROPOSED: "PROPOSED", RESPONDED: "RESPONDED", ACCEPTED: "ACCEPTED", ACTIVATED: "ACTIVATED", CLOSED: "CLOSED" } as const;
export type TandemChangeKind = (typeof TandemChangeKind)[keyof typeof TandemChangeKind];
