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

/** START_MOVED: a coordinator recorded that an active tandem really started on an earlier day. */
export const TandemChangeKind = { PROPOSED: "PROPOSED", RESPONDED: "RESPONDED", ACCEPTED: "ACCEPTED", ACTIVATED: "ACTIVATED", START_MOVED: "START_MOVED", CLOSED: "CLOSED" } as const;
export type TandemChangeKind = (typeof TandemChangeKind)[keyof typeof TandemChangeKind];

/** Changes of one tandem's agreement, at the mentee's home node: a new version, a signature (the partner's arrives as a fact). */
export function agreementTopic(agreementId: string): string {
  return `agreement:${agreementId}`;
}

export const AgreementChangeKind = { DRAFTED: "DRAFTED", REVISED: "REVISED", SIGNED: "SIGNED" } as const;
export type AgreementChangeKind = (typeof AgreementChangeKind)[keyof typeof AgreementChangeKind];
/** A tandem's meeting log, at the mentee's home node: its partners follow it. */
export function meetingsTopic(tandemId: string): string {
  return `meetings:${tandemId}`;
}

export const MeetingChangeKind = { LOGGED: "LOGGED", CONFIRMED: "CONFIRMED" } as const;
export type MeetingChangeKind = (typeof MeetingChangeKind)[keyof typeof MeetingChangeKind];

/** One mediation case at the coordination office: its raiser and mediators follow it. */
export function mediationCaseTopic(caseId: string): string {
  return `mediation-case:${caseId}`;
}

/**
 * A cohort's mediation cases raised at one node (its coordinators follow
 * them), or by a joint coordinator (`nodeId`: the coordination office's id).
 */
export function mediationCasesTopic(cohortId: string, nodeId: string): string {
  return `mediation-cases:${cohortId}:${nodeId}`;
}

export const MediationCaseChangeKind = { OPENED: "OPENED", STATEMENT_ADDED: "STATEMENT_ADDED", RESOLVED: "RESOLVED" } as const;
export type MediationCaseChangeKind = (typeof MediationCaseChangeKind)[keyof typeof MediationCaseChangeKind];

/** A cohort's monitoring figures of one node (the mentee's home node) changed: re-read `tandemMonitoring`. */
export function monitoringTopic(cohortId: string, nodeId: string): string {
  return `monitoring:${cohortId}:${nodeId}`;
}

export const MonitoringChangeKind = { TANDEM: "TANDEM", AGREEMENT: "AGREEMENT", MEETINGS: "MEETINGS", CHECK_IN: "CHECK_IN", EVALUATION: "EVALUATION", CASE: "CASE" } as const;
export type MonitoringChangeKind = (typeof MonitoringChangeKind)[keyof typeof MonitoringChangeKind];

/** Attendance of one event, at its host node: recorded by its coordinators or checked in by the registrant. */
export function attendanceTopic(eventId: string): string {
  return `attendance:${eventId}`;
}

export const AttendanceChangeKind = { RECORDED: "RECORDED", CHECKED_IN: "CHECKED_IN" } as const;
export type AttendanceChangeKind = (typeof AttendanceChangeKind)[keyof typeof AttendanceChangeKind];

/** One person's programme package in a cohort at their home node, by their enrolled application's id (topics never name a person): an event of the cohort, a registration or an attendance changed. */
export function programmePackageTopic(applicationId: string): string {
  return `programme-package:${applicationId}`;
}

/** A cohort's package completion of one node's people, at that node: counts only. */
export function programmeCompletionTopic(cohortId: string, nodeId: string): string {
  return `programme-completion:${cohortId}:${nodeId}`;
}

export const PackageChangeKind = { EVENT: "EVENT", REGISTRATION: "REGISTRATION", ATTENDANCE: "ATTENDANCE" } as const;
export type PackageChangeKind = (typeof PackageChangeKind)[keyof typeof PackageChangeKind];
/** One interest survey at the coordination office: opened, its results changed (a node's tally), closed, trainings chosen. */
export function surveyTopic(surveyId: string): string {
  return `survey:${surveyId}`;
}

export const SurveyChangeKind = { OPENED: "OPENED", RESULTS_CHANGED: "RESULTS_CHANGED", CLOSED: "CLOSED", TRAININGS_CHOSEN: "TRAININGS_CHOSEN", TRAINING_SCHEDULED: "TRAINING_SCHEDULED" } as const;
export type SurveyChangeKind = (typeof SurveyChangeKind)[keyof typeof SurveyChangeKind];

/** One peer group at the coordination office: a member added, consented, left or removed; the meetings rule changed. Updates name the group only, never a member. */
export function peerGroupTopic(peerGroupId: string): string {
  return `peer-group:${peerGroupId}`;
}

export const PeerGroupChangeKind = { CREATED: "CREATED", MEMBER_ADDED: "MEMBER_ADDED", CONSENTED: "CONSENTED", LEFT: "LEFT", REMOVED: "REMOVED", RULES_CHANGED: "RULES_CHANGED" } as const;
export type PeerGroupChangeKind = (typeof PeerGroupChangeKind)[keyof typeof PeerGroupChangeKind];

/** One matching round at the coordination office: started, each status it enters and each step of its progress (0–100), solved or failed. */
export function matchingRoundTopic(roundId: string): string {
  return `matching-round:${roundId}`;
}

export const MatchingRoundChangeKind = { STARTED: "STARTED", FETCHING: "FETCHING", SOLVING: "SOLVING", PROGRESS: "PROGRESS", SOLVED: "SOLVED", FAILED: "FAILED" } as const;
export type MatchingRoundChangeKind = (typeof MatchingRoundChangeKind)[keyof typeof MatchingRoundChangeKind];
