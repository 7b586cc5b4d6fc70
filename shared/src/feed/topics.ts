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

/** Notices of a party's facts for `receiver` (facts travel between parties: @tandem/party facts). */
export function factTopic(receiver: string): string {
  return `facts:${receiver}`;
}

/** Status changes of one tandem. */
export function tandemTopic(tandemId: string): string {
  return `tandem:${tandemId}`;
}

/** Changes of one application, at the applicant's home node: its applicant and reviewers follow it. */
export function applicationTopic(applicationId: string): string {
  return `application:${applicationId}`;
}

/**
 * A cohort's application pipeline at the coordination office: a record arrived or changed, an enrolment or waitlist place changed.
 * Every change is on the cohort's topic (every node's applications) and on the topic of the application's home node.
 */
export function applicationPipelineTopic(cohortId: string, nodeId?: string): string {
  return nodeId ? `application-pipeline:${cohortId}:${nodeId}` : `application-pipeline:${cohortId}`;
}

export const ApplicationChangeKind = {
  SAVED: "SAVED",
  SUBMITTED: "SUBMITTED",
  DECIDED: "DECIDED",
  ENROLLED: "ENROLLED",
  WAITLISTED: "WAITLISTED",
  WITHDRAWN: "WITHDRAWN",
} as const;
export type ApplicationChangeKind = (typeof ApplicationChangeKind)[keyof typeof ApplicationChangeKind];

export const EventChangeKind = { CREATED: "CREATED", UPDATED: "UPDATED", CANCELLED: "CANCELLED" } as const;
export type EventChangeKind = (typeof EventChangeKind)[keyof typeof EventChangeKind];

export const RegistrationChangeKind = { REGISTERED: "REGISTERED", WAITLISTED: "WAITLISTED", PROMOTED: "PROMOTED", CANCELLED: "CANCELLED" } as const;
export type RegistrationChangeKind = (typeof RegistrationChangeKind)[keyof typeof RegistrationChangeKind];

export const TandemChangeKind = { PROPOSED: "PROPOSED", RESPONDED: "RESPONDED", ACCEPTED: "ACCEPTED", ACTIVATED: "ACTIVATED", CLOSED: "CLOSED" } as const;
export type TandemChangeKind = (typeof TandemChangeKind)[keyof typeof TandemChangeKind];

/** A tandem's meeting log, at the mentee's home node: its partners follow it. */
export function meetingsTopic(tandemId: string): string {
  return `meetings:${tandemId}`;
}

export const MeetingChangeKind = { LOGGED: "LOGGED", CONFIRMED: "CONFIRMED" } as const;
export type MeetingChangeKind = (typeof MeetingChangeKind)[keyof typeof MeetingChangeKind];
