/**
 * Signed statements that let a party act without trusting the caller: the
 * coordination office attests that both partners accepted a tandem; an
 * event's host node attests a registration (both: disclosure proofs, which
 * the owning node verifies before it records a grant); a participant's home
 * node attests that a matching pseudonym of a cohort is theirs (the
 * coordination office accepts a participant's answer to a proposal only
 * with it). Every proof is verified against the registry.
 */
import { tryParseGlobalId } from "../ids.js";
import { SignJWT, jwtVerify, type JWTPayload } from "jose";
import { AppError, ErrorCode } from "../errors.js";
import type { ConsortiumRegistry } from "../registry.js";
import { keyResolver, type SigningKey } from "./keys.js";
import { z } from "zod";
import {
  ApplicationReviewers,
  ApplicationStatuses,
  CohortStates,
  EligibilityRulesSchema,
  type ApplicationReviewer,
  type ApplicationStatus,
  type CohortState,
  type EligibilityRules,
} from "../programme/programme-contract.js";
import { CompletionRulesSchema, type CompletionRules } from "../programme/completion-contract.js";
import { describeJoseError } from "./user-token.js";
import { MediationMediators, RaisableConcerns, type MediationConcern, type MediationMediator } from "../mediation.js";
import { checkAgreementClaims, isAgreementProofKind, type AgreementProof } from "../agreement/agreement-contract.js";
import { checkSurveyClaims, isSurveyProofKind, type SurveyProof } from "../survey/survey-contract.js";
import { checkPeerGroupClaims, isPeerGroupProofKind, type PeerGroupRosterProof } from "../peer-group/peer-group-contract.js";

export const ProofType = {
  /** Both partners accepted a tandem (signed by the coordination office). */
  TANDEM_ACCEPTED: "tandem-accepted",
  /** A participant registered for an event (signed by the event's host node). */
  EVENT_REGISTRATION: "event-registration",
  /** A cohort's matching pseudonym belongs to a participant (signed by the participant's home node). */
  MATCHING_PSEUDONYM: "matching-pseudonym",
  /** A tandem ended (closed, declined after acceptance, dissolved): partners' grants end (signed by the coordination office). */
  TANDEM_ENDED: "tandem-ended",
  /** A registration was cancelled: the host's grant ends (signed by the event's host node). */
  REGISTRATION_CANCELLED: "registration-cancelled",
  /** A participant exists at their home node, and a caller may act for them there (signed by that node, valid minutes). */
  PARTICIPANT_ACTOR: "participant-actor",
  /** A version of a programme's eligibility rules (signed by the coordination office). */
  PROGRAMME_RULES: "programme-rules",
  /** A cohort's state and application window (signed by the coordination office). */
  COHORT_STATE: "cohort-state",
  /** The pseudonymous record of an application: no motivation, goals or name (signed by the applicant's home node). */
  APPLICATION_RECORD: "application-record",
  /** What the coordination office made of an accepted application: enrolled, waitlisted, withdrawn (signed by it). */
  ENROLMENT_OUTCOME: "enrolment-outcome",
  /** A version of a tandem's agreement: number and content hash, no content (signed by the mentee's home node). */
  AGREEMENT_VERSION: "agreement-version",
  /** A person signed a version of their tandem's agreement (signed by the signer's home node). */
  AGREEMENT_SIGNED: "agreement-signed",
  /** A tandem started (ACTIVE): its partners, start date and check-in dates (signed by the coordination office, for both home nodes). */
  TANDEM_ACTIVATED: "tandem-activated",
  /** How many meetings a tandem logged, how many its mentor confirmed, the last date: counts only (signed by the mentee's home node). */
  MEETING_TALLY: "meeting-tally",
  /** A partner's check-in, as codes: satisfaction, on track, contact wanted (signed by the author's home node). */
  CHECK_IN: "check-in",
  /** A partner's final evaluation, as codes: each goal's achievement, the programme's rating (signed by the author's home node). */
  TANDEM_EVALUATION: "tandem-evaluation",
  /** A partner raised a concern about their tandem: codes and the statement's reference, no text (signed by the raiser's home node). */
  CONCERN_RAISED: "concern-raised",
  /** A registrant's attendance at an event of a cohort: attended, excused, no-show (signed by the event's host node, for the attendee's home node). */
  EVENT_ATTENDANCE: "event-attendance",
  /** An event of one or more cohorts: its time, status and obligations, no registrant (signed by its host node, for every other node). */
  PROGRAMME_EVENT: "programme-event",
  /** A cohort's interest survey: topics, closing instant, state (signed by the coordination office, for the programme's nodes). */
  INTEREST_SURVEY: "interest-survey",
  /** A node's sums over its participants' rankings of a survey: points per topic, respondents; no ranking (signed by the node). */
  SURVEY_TALLY: "survey-tally",
  /** A peer group's members who consented to it, by reference (signed by the coordination office, for their home nodes). */
  PEER_GROUP: "peer-group",
  /** An event scheduled as one of a survey's chosen trainings: time, title, status, no registrant (signed by its host node, for the office). */
  TRAINING_SCHEDULED: "training-scheduled",
} as const;
export type ProofType = (typeof ProofType)[keyof typeof ProofType];

export interface TandemAcceptedProof {
  type: typeof ProofType.TANDEM_ACCEPTED;
  issuer: string;
  tandemId: string;
  menteeId: string;
  mentorId: string;
}

/** By the tandem's id only: the partners' nodes end what they granted for it, and the statement names nobody. */
export interface TandemEndedProof {
  type: typeof ProofType.TANDEM_ENDED;
  issuer: string;
  tandemId: string;
}

export interface RegistrationCancelledProof {
  type: typeof ProofType.REGISTRATION_CANCELLED;
  issuer: string;
  registrationId: string;
  eventId: string;
  participantId: string;
}

export interface EventRegistrationProof {
  type: typeof ProofType.EVENT_REGISTRATION;
  issuer: string;
  registrationId: string;
  eventId: string;
  participantId: string;
}

export interface MatchingPseudonymProof {
  type: typeof ProofType.MATCHING_PSEUDONYM;
  issuer: string;
  /** The coordination office's cohort the pseudonym is keyed to. */
  cohortId: string;
  pseudonym: string;
  participantId: string;
}

export interface ParticipantActorProof {
  type: typeof ProofType.PARTICIPANT_ACTOR;
  issuer: string;
  participantId: string;
  /** Subject of the caller the home node lets act for the participant (the person, or one of its coordinators). */
  actor: string;
  /** The cohorts the participant is enrolled in and their role in each, from the office's enrolment outcomes (events of a cohort admit its members only). */
  memberships: CohortMembership[];
}

export const CohortRoles = ["MENTEE", "MENTOR"] as const;
export interface CohortMembership {
  cohortId: string;
  role: (typeof CohortRoles)[number];
}

export const EventObligations = ["MANDATORY", "VOLUNTARY"] as const;
export type EventObligation = (typeof EventObligations)[number];
export const EventAudiences = ["MENTEES", "MENTORS", "BOTH"] as const;
export type EventAudience = (typeof EventAudiences)[number];
export const AttendanceStatuses = ["ATTENDED", "EXCUSED", "NO_SHOW"] as const;
export type AttendanceStatus = (typeof AttendanceStatuses)[number];

/** An event's place in a cohort's programme. */
export interface EventCohortLink {
  cohortId: string;
  obligation: EventObligation;
  audience: EventAudience;
}

/** Whether a member of a cohort in `role` belongs to an event's `audience`. */
export function audienceIncludes(audience: EventAudience, role: CohortMembership["role"]): boolean {
  return audience === "BOTH" || (audience === "MENTEES" ? role === "MENTEE" : role === "MENTOR");
}

export interface ProgrammeEventProof {
  type: typeof ProofType.PROGRAMME_EVENT;
  issuer: string;
  eventId: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: "SCHEDULED" | "CANCELLED";
  /** Empty once the event left every cohort. */
  cohorts: EventCohortLink[];
  /** Increases with every change: a receiver keeps the highest. */
  revision: number;
}

export interface EventAttendanceProof {
  type: typeof ProofType.EVENT_ATTENDANCE;
  issuer: string;
  registrationId: string;
  eventId: string;
  participantId: string;
  attendance: AttendanceStatus;
  revision: number;
}

export interface ProgrammeRulesProof {
  type: typeof ProofType.PROGRAMME_RULES;
  issuer: string;
  programmeId: string;
  /** Increases with every change of the rules; an application records the version it was checked against. */
  version: number;
  rules: EligibilityRules;
  reviewer: ApplicationReviewer;
  participatingNodeIds: string[];
  trackCodes: string[];
  /** The programme's completion rules under this version; absent or null: none set (a version from before they existed). */
  completion?: CompletionRules | null;
}

export interface CohortStateProof {
  type: typeof ProofType.COHORT_STATE;
  issuer: string;
  cohortId: string;
  programmeId: string;
  state: CohortState;
  /** ISO instants of the application window, when set. */
  applicationsOpenAt: string | null;
  applicationsCloseAt: string | null;
  /** Increases with every change of the cohort: a receiver keeps the highest. */
  revision: number;
  /** What a certificate names (issue 15): the cohort's and programme's names, the programme's language, the cohort's days. Absent from proofs signed before. */
  details?: CohortDetails;
}

export interface CohortDetails {
  name: string;
  programmeName: string;
  /** The programme's language (ISO 639-1): a certificate's default when the holder's is not offered. */
  language: string;
  /** `YYYY-MM-DD`. */
  startsOn: string;
  endsOn: string;
}

export interface ApplicationRecordProof {
  type: typeof ProofType.APPLICATION_RECORD;
  issuer: string;
  applicationId: string;
  cohortId: string;
  participantId: string;
  role: "MENTEE" | "MENTOR";
  trackCodes: string[];
  eligible: boolean;
  ruleVersion: number;
  status: ApplicationStatus;
  /** Whether the applicant consented to show this application to the joint office's reviewers. */
  sharedWithJointOffice: boolean;
  submittedAt: string | null;
  /** Increases with every change of the application: a receiver keeps the highest. */
  revision: number;
}

export interface EnrolmentOutcomeProof {
  type: typeof ProofType.ENROLMENT_OUTCOME;
  issuer: string;
  applicationId: string;
  cohortId: string;
  participantId: string;
  status: "ENROLLED" | "WAITLISTED" | "WITHDRAWN";
  enrolmentId: string | null;
  /** 1-based place on the waitlist, when waitlisted. */
  waitlistPosition: number | null;
  revision: number;
}

export interface TandemActivatedProof {
  type: typeof ProofType.TANDEM_ACTIVATED;
  issuer: string;
  tandemId: string;
  cohortId: string;
  menteeId: string;
  mentorId: string;
  /** The day it became ACTIVE (YYYY-MM-DD): no meeting before it. */
  startedOn: string;
  /** Days (YYYY-MM-DD) from which a check-in is due: the cohort's mid-point, and every N weeks when the programme asks for it. */
  checkInsDue: string[];
}

export interface MeetingTallyProof {
  type: typeof ProofType.MEETING_TALLY;
  issuer: string;
  tandemId: string;
  menteeId: string;
  meetings: number;
  confirmed: number;
  lastMeetingOn: string | null;
  /** Increases with every change of the log: a receiver keeps the highest. */
  revision: number;
  /** Meetings per month (`YYYY-MM`, ascending), counts only; absent in facts of nodes from before it existed. */
  months?: MeetingMonthCount[];
}

/** A tandem's meetings held in one month: how many, how many the mentor confirmed. */
export interface MeetingMonthCount {
  month: string;
  meetings: number;
  confirmed: number;
}

export const GoalAchievements = ["NOT", "PARTLY", "FULLY"] as const;
export type GoalAchievement = (typeof GoalAchievements)[number];

export interface CheckInProof {
  type: typeof ProofType.CHECK_IN;
  issuer: string;
  tandemId: string;
  /** The author (the tandem's mentee or mentor). */
  participantId: string;
  /** The check-in's due day (YYYY-MM-DD): one answer per side and due day. */
  dueOn: string;
  satisfaction: number;
  onTrack: boolean;
  contactRequested: boolean;
}

export interface TandemEvaluationProof {
  type: typeof ProofType.TANDEM_EVALUATION;
  issuer: string;
  tandemId: string;
  participantId: string;
  goals: { key: string; achievement: GoalAchievement }[];
  programmeRating: number;
}

/** The office opens a mediation case from it (or adds the statement to the tandem's open case); the statement stays at the raiser's home node. */
export interface ConcernRaisedProof {
  type: typeof ProofType.CONCERN_RAISED;
  issuer: string;
  /** The statement's global id at the raiser's home node (the mediator reads it there, when the raiser lets them). */
  concernId: string;
  tandemId: string;
  participantId: string;
  concern: MediationConcern;
  mediator: MediationMediator;
}

/** Proofs of a tandem's months (DESIGN.md §8): codes, counts and dates only, checked against their schemas. */
export type TandemJourneyProof = TandemActivatedProof | MeetingTallyProof | CheckInProof | TandemEvaluationProof | ConcernRaisedProof;

/** Proofs of the application journey (DESIGN.md §8), checked against their schemas. */
export type JourneyProof = ProgrammeRulesProof | CohortStateProof | ApplicationRecordProof | EnrolmentOutcomeProof;

/** How long a participant-actor proof is good for: the one call it was fetched for. */
export const PARTICIPANT_ACTOR_PROOF_SECONDS = 120;

/** Proofs from which a node records disclosure grants. */
export type DisclosureProof = TandemAcceptedProof | EventRegistrationProof;

/** Proofs that a disclosure ended. */
export type DisclosureEndProof = TandemEndedProof | RegistrationCancelledProof;

/** Proofs of events in a programme (DESIGN.md §8), checked against their schemas. */
export type ProgrammeEventsProof = ProgrammeEventProof | EventAttendanceProof;

export type Proof =
  | DisclosureProof
  | DisclosureEndProof
  | MatchingPseudonymProof
  | ParticipantActorProof
  | JourneyProof
  | AgreementProof
  | TandemJourneyProof
  | ProgrammeEventsProof
  | SurveyProof
  | PeerGroupRosterProof;

type WithoutIssuer<P> = P extends unknown ? Omit<P, "issuer"> : never;
/** What a signer states: a proof of any kind without its issuer (the signer). */
export type ProofClaims = WithoutIssuer<Proof>;

/** A proof can be recorded for a year after the fact it attests. */
const PROOF_LIFETIME_SECONDS = 365 * 24 * 3600;

/**
 * Signs a statement about a fact that happened at `issuedAt` (default: now).
 * Ed25519 signatures are deterministic, so the same fact always gives the
 * same proof.
 */
export function signProof(key: SigningKey, issuer: string, proof: ProofClaims, issuedAt: Date = new Date()): Promise<string> {
  const { type, ...claims } = proof;
  const iat = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT({ ...claims, proof: type })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "tandem-proof+jwt" })
    .setIssuer(issuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (type === ProofType.PARTICIPANT_ACTOR ? PARTICIPANT_ACTOR_PROOF_SECONDS : PROOF_LIFETIME_SECONDS))
    .sign(key.key);
}

/**
 * Verifies a proof of any kind: tandem acceptances must come from the
 * coordination office, registrations from the event's host node, matching
 * pseudonyms from the participant's home node.
 */
export async function verifyProof(token: string, registry: ConsortiumRegistry, field = "proof"): Promise<Proof> {
  const invalid = (reason: string) => new AppError(ErrorCode.INVALID_PROOF, `${field}: ${reason}`, { field });
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, (header, jws) => resolveIssuerKey(registry, jws.payload)(header, jws), { typ: "tandem-proof+jwt", requiredClaims: ["iss", "exp"] }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`does not verify (${describeJoseError(error)})`);
  }
  const issuer = payload.iss!;
  if (payload.proof === "tandem-accepted" || payload.proof === "tandem-ended") {
    if (issuer !== registry.coordination.id) throw invalid("tandems are attested by the coordination office only");
    const { tandemId, menteeId, mentorId } = payload as Record<string, unknown>;
    if (typeof tandemId !== "string") throw invalid(`malformed ${payload.proof}`);
    if (payload.proof === "tandem-ended") return { type: "tandem-ended", issuer, tandemId };
    if (typeof menteeId !== "string" || typeof mentorId !== "string") throw invalid("malformed tandem acceptance");
    return { type: "tandem-accepted", issuer, tandemId, menteeId, mentorId };
  }
  if (payload.proof === "event-registration" || payload.proof === "registration-cancelled") {
    const { registrationId, eventId, participantId } = payload as Record<string, unknown>;
    if (typeof registrationId !== "string" || typeof eventId !== "string" || typeof participantId !== "string") throw invalid(`malformed ${payload.proof}`);
    if (!eventId.startsWith(`${issuer}:`)) throw invalid("a registration is attested by the event's host node only");
    return { type: payload.proof, issuer, registrationId, eventId, participantId };
  }
  if (payload.proof === "matching-pseudonym") {
    const { cohortId, pseudonym, participantId } = payload as Record<string, unknown>;
    if (typeof cohortId !== "string" || typeof pseudonym !== "string" || typeof participantId !== "string") throw invalid("malformed matching pseudonym");
    const participant = tryParseGlobalId(participantId);
    if (participant?.kind !== "participant" || tryParseGlobalId(cohortId)?.node !== registry.coordination.id) throw invalid("malformed matching pseudonym (participant or cohort id)");
    if (participant.node !== issuer) throw invalid("a matching pseudonym is attested by the participant's home node only");
    return { type: "matching-pseudonym", issuer, cohortId, pseudonym, participantId };
  }
  if (payload.proof === "participant-actor") {
    const { participantId, actor } = payload as Record<string, unknown>;
    if (typeof participantId !== "string" || typeof actor !== "string") throw invalid("malformed participant attestation");
    if (tryParseGlobalId(participantId)?.node !== issuer) throw invalid("a participant is attested by their home node only");
    // attestations of nodes that do not state memberships yet: member of no cohort
    const memberships = membershipsSchema.safeParse(payload.memberships ?? []);
    if (!memberships.success) throw invalid("malformed participant attestation (memberships)");
    return { type: "participant-actor", issuer, participantId, actor, memberships: memberships.data };
  }
  if (payload.proof === "programme-event" || payload.proof === "event-attendance") return verifiedProgrammeEventProof(payload, invalid);
  if (isAgreementProofKind(payload.proof)) {
    const checked = checkAgreementClaims(payload.proof, issuer, payload);
    if (typeof checked === "string") throw invalid(checked);
    return checked;
  }
  if (isSurveyProofKind(payload.proof)) {
    const checked = checkSurveyClaims(payload.proof, issuer, registry.coordination.id, payload);
    if (typeof checked === "string") throw invalid(checked);
    return checked;
  }
  if (isPeerGroupProofKind(payload.proof)) {
    const checked = checkPeerGroupClaims(issuer, registry.coordination.id, payload);
    if (typeof checked === "string") throw invalid(checked);
    return checked;
  }
  const journey = JOURNEY_PROOFS[payload.proof as JourneyProof["type"]];
  if (journey) return verifiedJourneyProof(payload, journey, registry, invalid);
  const tandemJourney = TANDEM_JOURNEY_PROOFS[payload.proof as TandemJourneyProof["type"]];
  if (tandemJourney) return verifiedTandemJourneyProof(payload, tandemJourney, registry, invalid);
  throw invalid("unknown kind of proof");
}

const isoInstant = z.iso.datetime({ offset: true });
const membershipsSchema = z.array(z.object({ cohortId: z.string().max(160), role: z.enum(CohortRoles) })).max(50);
const cohortLinksSchema = z.array(z.object({ cohortId: z.string().max(160), obligation: z.enum(EventObligations), audience: z.enum(EventAudiences) })).max(10);
const PROGRAMME_EVENT_PROOFS = {
  "programme-event": z.object({
    eventId: z.string().max(160),
    kind: z.string().max(32),
    title: z.string().max(200),
    startsAt: isoInstant,
    endsAt: isoInstant,
    status: z.enum(["SCHEDULED", "CANCELLED"]),
    cohorts: cohortLinksSchema,
    revision: z.number().int().min(1),
  }),
  "event-attendance": z.object({
    registrationId: z.string().max(160),
    eventId: z.string().max(160),
    participantId: z.string().max(160),
    attendance: z.enum(AttendanceStatuses),
    revision: z.number().int().min(1),
  }),
} as const;

/** An event's or an attendance's claims, checked against their schema: signed by the event's host node only. */
function verifiedProgrammeEventProof(payload: JWTPayload, invalid: (reason: string) => AppError): ProgrammeEventsProof {
  const issuer = payload.iss!;
  const type = payload.proof as ProgrammeEventsProof["type"];
  const parsed = PROGRAMME_EVENT_PROOFS[type].safeParse(payload);
  if (!parsed.success) throw invalid(`malformed ${type} (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")})`);
  if (tryParseGlobalId(parsed.data.eventId)?.node !== issuer) throw invalid(`a ${type} proof is attested by the event's host node only`);
  return { ...parsed.data, type, issuer } as ProgrammeEventsProof;
}
const JOURNEY_PROOFS = {
  "programme-rules": {
    byCoordination: true,
    schema: z.object({
      programmeId: z.string(),
      version: z.number().int().min(1),
      rules: EligibilityRulesSchema,
      reviewer: z.enum(ApplicationReviewers),
      participatingNodeIds: z.array(z.string()),
      trackCodes: z.array(z.string()),
      completion: CompletionRulesSchema.nullable().optional(),
    }),
  },
  "cohort-state": {
    byCoordination: true,
    schema: z.object({
      cohortId: z.string(),
      programmeId: z.string(),
      state: z.enum(CohortStates),
      applicationsOpenAt: isoInstant.nullable(),
      applicationsCloseAt: isoInstant.nullable(),
      revision: z.number().int().min(0),
      details: z
        .object({
          name: z.string().max(200),
          programmeName: z.string().max(200),
          language: z.string().regex(/^[a-z]{2}$/),
          startsOn: z.iso.date(),
          endsOn: z.iso.date(),
        })
        .optional(),
    }),
  },
  "application-record": {
    byCoordination: false,
    schema: z.object({
      applicationId: z.string(),
      cohortId: z.string(),
      participantId: z.string(),
      role: z.enum(["MENTEE", "MENTOR"]),
      trackCodes: z.array(z.string()),
      eligible: z.boolean(),
      ruleVersion: z.number().int().min(0),
      status: z.enum(ApplicationStatuses),
      sharedWithJointOffice: z.boolean(),
      submittedAt: isoInstant.nullable(),
      revision: z.number().int().min(0),
    }),
  },
  "enrolment-outcome": {
    byCoordination: true,
    schema: z.object({
      applicationId: z.string(),
      cohortId: z.string(),
      participantId: z.string(),
      status: z.enum(["ENROLLED", "WAITLISTED", "WITHDRAWN"]),
      enrolmentId: z.string().nullable(),
      waitlistPosition: z.number().int().min(1).nullable(),
      revision: z.number().int().min(0),
    }),
  },
} as const satisfies Record<JourneyProof["type"], { byCoordination: boolean; schema: z.ZodType }>;

/** A journey proof's claims, checked against its schema; an application record only from the applicant's home node. */
function verifiedJourneyProof(payload: JWTPayload, kind: (typeof JOURNEY_PROOFS)[keyof typeof JOURNEY_PROOFS], registry: ConsortiumRegistry, invalid: (reason: string) => AppError): JourneyProof {
  const issuer = payload.iss!;
  const type = payload.proof as JourneyProof["type"];
  const parsed = kind.schema.safeParse(payload);
  if (!parsed.success) throw invalid(`malformed ${type} (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")})`);
  if (kind.byCoordination && issuer !== registry.coordination.id) throw invalid(`a ${type} proof is attested by the coordination office only`);
  if (!kind.byCoordination) {
    const { applicationId, participantId } = parsed.data as { applicationId: string; participantId: string };
    if (tryParseGlobalId(applicationId)?.node !== issuer || tryParseGlobalId(participantId)?.node !== issuer) throw invalid("an application is attested by the applicant's home node only");
  }
  return { ...(parsed.data as Omit<JourneyProof, "type" | "issuer">), type, issuer } as JourneyProof;
}

const localDate = z.iso.date();
const tandemId = z.string().max(160);
const participantId = z.string().max(160);
/** `homeOf`: the claim naming the participant whose home node alone may sign it (null: the coordination office signs). */
const TANDEM_JOURNEY_PROOFS = {
  "tandem-activated": {
    homeOf: null,
    schema: z.object({ tandemId, cohortId: z.string(), menteeId: participantId, mentorId: participantId, startedOn: localDate, checkInsDue: z.array(localDate).max(60) }),
  },
  "meeting-tally": {
    homeOf: "menteeId",
    schema: z.object({
      tandemId,
      menteeId: participantId,
      meetings: z.number().int().min(0),
      confirmed: z.number().int().min(0),
      lastMeetingOn: localDate.nullable(),
      revision: z.number().int().min(1),
      months: z
        .array(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), meetings: z.number().int().min(1), confirmed: z.number().int().min(0) }))
        .max(120)
        .optional(),
    }),
  },
  "check-in": {
    homeOf: "participantId",
    schema: z.object({ tandemId, participantId, dueOn: localDate, satisfaction: z.number().int().min(1).max(5), onTrack: z.boolean(), contactRequested: z.boolean() }),
  },
  "tandem-evaluation": {
    homeOf: "participantId",
    schema: z.object({
      tandemId,
      participantId,
      goals: z.array(z.object({ key: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/), achievement: z.enum(GoalAchievements) })).max(20),
      programmeRating: z.number().int().min(1).max(5),
    }),
  },
  "concern-raised": {
    homeOf: "participantId",
    schema: z.object({ concernId: z.string().max(160), tandemId, participantId, concern: z.enum(RaisableConcerns), mediator: z.enum(MediationMediators) }),
  },
} as const satisfies Record<TandemJourneyProof["type"], { homeOf: string | null; schema: z.ZodType }>;

/** A tandem journey proof's claims, checked against its schema and its signer: the coordination office, or the home node of the participant it is about. */
function verifiedTandemJourneyProof(
  payload: JWTPayload,
  kind: (typeof TANDEM_JOURNEY_PROOFS)[keyof typeof TANDEM_JOURNEY_PROOFS],
  registry: ConsortiumRegistry,
  invalid: (reason: string) => AppError,
): TandemJourneyProof {
  const issuer = payload.iss!;
  const type = payload.proof as TandemJourneyProof["type"];
  const parsed = kind.schema.safeParse(payload);
  if (!parsed.success) throw invalid(`malformed ${type} (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")})`);
  if (kind.homeOf === null && issuer !== registry.coordination.id) throw invalid(`a ${type} proof is attested by the coordination office only`);
  if (kind.homeOf !== null && tryParseGlobalId((parsed.data as unknown as Record<string, string>)[kind.homeOf]!)?.node !== issuer)
    throw invalid(`a ${type} proof is attested by the participant's home node only`);
  return { ...(parsed.data as Omit<TandemJourneyProof, "type" | "issuer">), type, issuer } as TandemJourneyProof;
}

/** A proof a disclosure grant may be recorded from; any other kind is INVALID_PROOF. */
export async function verifyDisclosureProof(token: string, registry: ConsortiumRegistry, field = "proof"): Promise<DisclosureProof> {
  const proof = await verifyProof(token, registry, field);
  if (proof.type !== ProofType.TANDEM_ACCEPTED && proof.type !== ProofType.EVENT_REGISTRATION)
    throw new AppError(ErrorCode.INVALID_PROOF, `${field}: a ${proof.type} proof grants no disclosure`, { field });
  return proof;
}

/**
 * The home node's word that `participantId` exists there and that `actor`
 * may act for them; anything else (another participant, another actor,
 * expired, forged) is INVALID_PROOF.
 */
export async function verifyParticipantActorProof(
  token: string,
  registry: ConsortiumRegistry,
  expected: { participantId: string; actor: string },
  field = "participantId",
): Promise<ParticipantActorProof> {
  const proof = await verifyProof(token, registry, field);
  if (proof.type !== ProofType.PARTICIPANT_ACTOR || proof.participantId !== expected.participantId || proof.actor !== expected.actor) {
    throw new AppError(ErrorCode.INVALID_PROOF, `${field}: the participant's home node did not attest that you may act for ${expected.participantId}`, { field });
  }
  return proof;
}

/** A participant's proof that a cohort's matching pseudonym is theirs; any other kind is INVALID_PROOF. */
export async function verifyMatchingPseudonymProof(token: string, registry: ConsortiumRegistry, field = "proof"): Promise<MatchingPseudonymProof> {
  const proof = await verifyProof(token, registry, field);
  if (proof.type !== ProofType.MATCHING_PSEUDONYM) throw new AppError(ErrorCode.INVALID_PROOF, `${field}: expected a matching-pseudonym proof, got ${proof.type}`, { field });
  return proof;
}

function resolveIssuerKey(registry: ConsortiumRegistry, encodedPayload: string | Uint8Array) {
  let issuer: unknown;
  try {
    issuer = JSON.parse(Buffer.from(typeof encodedPayload === "string" ? encodedPayload : Buffer.from(encodedPayload).toString(), "base64url").toString("utf8")).iss;
  } catch {
    issuer = undefined;
  }
  const party = issuer === registry.coordination.id ? registry.coordination : registry.nodes.find((node) => node.id === issuer);
  if (!party) throw new AppError(ErrorCode.INVALID_PROOF, `proof: issued by "${String(issuer)}", not a party of this consortium`, { field: "proof" });
  return keyResolver(party.jwks);
}
