/** Shapes of the demo seed records; the records themselves live in data/. */
import type { ApplicationStatus, CompletionRules, EligibilityRules, MeetingFormat, ParticipantRole, ReviewDecision } from "@tandem/shared";

export type DegreeLevel = "BACHELOR" | "MASTER" | "DOCTORAL" | "PROFESSIONAL";
export type EventKind = "NETWORKING_EVENING" | "PANEL" | "EXPERT_GROUP" | "TRAINING" | "KICK_OFF" | "CLOSING" | "PEER_MEETING" | "WORKSHOP" | "SITE_VISIT" | "JOB_SHADOWING";
export type EventFormat = "ONLINE" | "IN_PERSON" | "HYBRID";
export type EventVisibility = "NODE" | "CONSORTIUM";

export interface ParticipantSeed {
  /** Home node id. */
  node: string;
  role: ParticipantRole;
  displayName: string;
  /** Unique per node; also how other seed records refer to the person. */
  email: string;
  degreeLevel?: DegreeLevel;
  semester?: number;
  discipline?: string;
  organisation?: string;
  languages: string[];
  tracks: string[];
  publicProfile?: boolean;
  /** Matching profile: coded fields that leave the node, under a pseudonym, for cohorts the person consents to. */
  disciplineCode?: string;
  goalCodes?: string[];
  meetingFormat?: MeetingFormat;
  /** Coded region: DE-RP, LU, FR-GES, CZ-PL, DE-BY … */
  region?: string;
  availabilityHoursPerMonth?: number;
  /** Mentors only. */
  mentorCapacity?: number;
  experienceYears?: number;
  /** Personal: leave the node only as conflict tokens. */
  employer?: string;
  supervisor?: string;
}

/** 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface EventSeed {
  /** Host node id. */
  node: string;
  /** Unique per node; how registrations refer to the event. */
  key: string;
  kind: EventKind;
  title: string;
  description: string;
  /** Week of the season (1 = the week after seeding) and day of that week. */
  week: number;
  weekday: Weekday;
  /** Wall-clock start "HH:MM" in the host's time zone. */
  localStart: string;
  durationMinutes: number;
  format: EventFormat;
  location?: string;
  onlineUrl?: string;
  capacity: number;
  visibility: EventVisibility;
  tracks: string[];
}

/** "node/key" of an event and "node/email" of a participant. */
export interface RegistrationSeed {
  event: string;
  participant: string;
}

export interface TrackSeed {
  code: string;
  name: string;
}

export interface QuotaSeed {
  nodeId: string;
  mentees: number;
  mentors: number;
}

/** A mentee and a mentor of one track; both are enrolled in the cohort and proposed as a tandem. */
export interface PairSeed {
  track: string;
  /** "node/email" */
  mentee: string;
  mentor: string;
  /** How the pair's tandem ends, in a cohort that closed. */
  closing?: ClosingSeed;
}

/** An agreement as the mentee drafts it (AgreementInput). */
export interface AgreementSeed {
  shortTermGoals: { text: string; targetDate?: string }[];
  longTermGoals: { text: string }[];
  contactForms: ("IN_PERSON" | "ONLINE" | "PHONE" | "EMAIL" | "VISIT" | "JOB_SHADOWING")[];
  frequency: string;
  feedbackForm: string;
}

export type GoalAchievement = "NOT" | "PARTLY" | "FULLY";

/** One side's final evaluation: the agreement's first short- and long-term goal, and the programme 1–5. */
export interface EvaluationSeed {
  shortTerm: GoalAchievement;
  longTerm: GoalAchievement;
  programmeRating: number;
  comment: string;
}

/** A tandem of a closed cohort: both answer the mid-point check-in and evaluate, then it closes COMPLETED. */
export interface ClosingSeed {
  /** Satisfaction 1–5 at the mid-point; 3 or more (2 or less would open a mediation case). */
  checkIn: { mentee: number; mentor: number };
  evaluation: { mentee: EvaluationSeed; mentor: EvaluationSeed };
}

/**
 * A tandem in trouble: its mentee opens a mediation case, the joint office
 * resolves it RE_MATCH (the tandem closes), and a REMATCH_POOL round pairs
 * the mentee with a new mentor; both consent to joint matching for the
 * cohort first.
 */
export interface RematchSeed {
  /** "node/email" of the mentee of one of the cohort's pairs. */
  mentee: string;
  concern: "COMMUNICATION" | "EXPECTATIONS" | "AVAILABILITY" | "CONDUCT" | "OTHER";
  /** "node/email" of the mentor the round is to propose. */
  newMentor: string;
}

/** A cohort of an earlier season, run to its end: its tandems signed, checked in, evaluated and closed, the cohort CLOSED. */
export interface PastCohortSeed extends CohortSeed {
  pairs: (PairSeed & { closing: ClosingSeed })[];
}

export interface CohortSeed {
  /** The season, e.g. "2025/26", is appended. */
  name: string;
  /** Days after seeding. */
  startsAfterDays: number;
  durationMonths: number;
  quotas: QuotaSeed[];
}

/** An application's form, as the person fills it in at their home node. */
export interface ApplicationForm {
  role: "MENTEE" | "MENTOR";
  motivation: string;
  shortTermGoals: string;
  /** Left out of a draft its author has not finished. */
  longTermGoals?: string;
  trackCodes: string[];
  languages: string[];
  availabilityHoursPerMonth: number;
  meetingFormats: MeetingFormat[];
  /** Mentors only. */
  mentorCapacity?: number;
  experienceYears?: number;
}

/**
 * An application, as the person and their home node's coordinator take it:
 * saved, submitted (unless left a draft), decided on, withdrawn.
 */
export interface ApplicationSeed {
  /** "node/email" of the applicant. */
  applicant: string;
  form: ApplicationForm;
  /** false: the applicant leaves it a draft. */
  submit: boolean;
  /** The home node coordinator's decision; a reason (which the applicant sees) to waitlist or reject. */
  review?: { decision: ReviewDecision; reason?: string };
  /** The applicant withdraws it, after everything else. */
  withdraw?: boolean;
  /** Where it ends; an accepted one is ENROLLED or WAITLISTED as the cohort's quota decides (the seed checks it). */
  expect: ApplicationStatus;
}

/** Someone the programme's rules refuse: they try to submit and are told why; nothing is left behind. */
export interface IneligibleAttemptSeed {
  /** "node/email" of the person. */
  applicant: string;
  form: ApplicationForm;
  /** The rule that refuses them, e.g. mentee.degreeLevel. */
  rule: string;
}

/** The next cohort of a programme, taking applications on the seeding day. */
export interface OpenCohortSeed extends CohortSeed {
  /** Its application window opened this many days before the seeding day and closes this many days after it. */
  opensDaysBefore: number;
  closesDaysAfter: number;
  /** In this order (it decides who is enrolled and who waitlisted where a quota runs out). */
  applications: ApplicationSeed[];
  ineligibleAttempts: IneligibleAttemptSeed[];
}

export interface ProgrammeSeed {
  name: string;
  description: string;
  tracks: TrackSeed[];
  participatingNodeIds: string[];
  crossBorderRule: "NONE" | "DIFFERENT_NODE" | "DIFFERENT_COUNTRY";
  /** Who may apply (default: bachelor from the 3rd semester, master from the 2nd, doctoral any time; professionals and alumni as mentors). */
  eligibility?: EligibilityRules;
  /** What a participant must meet to complete the programme, per role (README: Completion rules); none when left out. */
  completionRules?: CompletionRules;
  cohort: CohortSeed;
  /**
   * Applications to the cohort, made while its window is open around the
   * seeding day; the window then closes and the cohort moves on. People of
   * the pairs whose applications are accepted are enrolled by that, the
   * others directly by a coordinator.
   */
  applications?: ApplicationSeed[];
  /** Tandems made by hand (none where a matching round is to find them). */
  pairs: PairSeed[];
  /** Take the tandems all the way to active (else they stay proposed): both accept, the mentee drafts the agreement, both sign it, and each pair logs its first meeting. */
  activateTandems: boolean;
  /** The pair's agreement, by track (for programmes whose tandems are activated). */
  agreements?: Record<string, AgreementSeed>;
  /** One of the cohort's tandems mediated and its mentee re-matched. */
  rematch?: RematchSeed;
  /** The programme's cohort of the season before, closed. */
  pastCohort?: PastCohortSeed;
  /** "node/email" of the people who consent, themselves, to joint matching for the cohort; they are not enrolled beforehand. */
  matchingConsents?: string[];
  /** The programme's next cohort, left open for applications. */
  openCohort?: OpenCohortSeed;
  /** Peer-mentoring groups of its (first) cohort's mentees, and whether their meetings count toward the package. */
  peerGroups?: { meetingsCount: boolean; groups: PeerGroupSeed[] };
}

/** A peer group the joint coordinator forms: "node/email" of the mentees it invites and of those who consent (or, for an open group, join). */
export interface PeerGroupSeed {
  name: string;
  topic: string;
  mode: "FORMED" | "OPEN";
  sizeLimit?: number;
  invited: string[];
  consenting: string[];
}

/** A text's own language (default en) and its translations, as the demo seeds them (data/translations.ts; README: Languages). */
export interface TextsSeed {
  language?: string;
  translations: { language: string; name?: string; title?: string; description?: string }[];
}
