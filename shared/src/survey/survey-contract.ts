/**
 * The interest survey before a cohort's trainings are set (DESIGN.md §8):
 * the coordination office opens it with candidate topics and tells the
 * programme's nodes (an interest-survey fact); each participant ranks the
 * topics at their home node, where the ranking stays; each node tells the
 * office only sums over at least RANKINGS_PER_RELEASE people (a survey-tally
 * fact), so no one person's ranking — nor the change of one — crosses a party
 * boundary, and the office shows sums only under the minimum-group rule.
 */
import { z } from "zod";
import { homeNodeOf, tryParseGlobalId } from "../ids.js";
import type { EventObligation } from "../auth/proof.js";

export const SurveyStates = ["OPEN", "CLOSED"] as const;
export type SurveyState = (typeof SurveyStates)[number];

export const SURVEY_TOPIC_CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
export const MAX_SURVEY_TOPICS = 12;
export const MAX_SURVEY_TOPIC_TITLE = 200;

/**
 * A node releases a new tally only once at least this many different people
 * answered or changed their answer since its last one: every step the office
 * sees (and any difference of two tallies) sums two people or more.
 */
export const RANKINGS_PER_RELEASE = 2;

export interface SurveyTopicClaim {
  code: string;
  title: string;
}

/** A topic the office chose as a training of the survey's cohort, and whether attending is mandatory. */
export interface ChosenTrainingClaim {
  code: string;
  obligation: EventObligation;
}

/** The survey as the office opened (or closed) it: topics, closing instant, state, and the trainings chosen (signed by the coordination office). */
export interface InterestSurveyProof {
  type: "interest-survey";
  issuer: string;
  surveyId: string;
  cohortId: string;
  topics: SurveyTopicClaim[];
  /** ISO instant after which no answer is taken. */
  closesAt: string;
  state: SurveyState;
  /** The trainings chosen, in order; absent (or empty) until the office chose. A node schedules only these as the survey's trainings. */
  trainings?: ChosenTrainingClaim[];
  /** Increases with every change: a receiver keeps the highest. */
  revision: number;
}

/** A node's sums over its answers: points per topic code (Borda) and how many answered; no one's ranking (signed by the node). */
export interface SurveyTallyProof {
  type: "survey-tally";
  issuer: string;
  surveyId: string;
  respondents: number;
  points: { code: string; points: number }[];
  /** Increases with every release: a receiver keeps the highest. */
  revision: number;
}

/**
 * An event the host node scheduled as one of a survey's chosen trainings:
 * its time, title and status, no registrant (signed by the host node, for
 * the office, which lists it with the choice).
 */
export interface TrainingScheduledProof {
  type: "training-scheduled";
  issuer: string;
  surveyId: string;
  topicCode: string;
  eventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: "SCHEDULED" | "CANCELLED";
  /** The event's programme revision: a receiver keeps the highest. */
  revision: number;
}

export type SurveyProof = InterestSurveyProof | SurveyTallyProof | TrainingScheduledProof;

const topicCode = z.string().regex(SURVEY_TOPIC_CODE);
const obligations = ["MANDATORY", "VOLUNTARY"] as const satisfies readonly EventObligation[];
const revision = z.number().int().min(1).max(2_147_483_647);
const isoInstant = z.iso.datetime({ offset: true });
const SURVEY_PROOF_SCHEMAS = {
  "interest-survey": z.object({
    surveyId: z.string().max(160),
    cohortId: z.string().max(160),
    topics: z
      .array(z.object({ code: topicCode, title: z.string().min(1).max(MAX_SURVEY_TOPIC_TITLE) }))
      .min(2)
      .max(MAX_SURVEY_TOPICS),
    closesAt: isoInstant,
    state: z.enum(SurveyStates),
    trainings: z
      .array(z.object({ code: topicCode, obligation: z.enum(obligations) }))
      .max(MAX_SURVEY_TOPICS)
      .optional(),
    revision,
  }),
  "survey-tally": z.object({
    surveyId: z.string().max(160),
    respondents: z.number().int().min(RANKINGS_PER_RELEASE).max(1_000_000),
    points: z.array(z.object({ code: topicCode, points: z.number().int().min(0).max(100_000_000) })).max(MAX_SURVEY_TOPICS),
    revision,
  }),
  "training-scheduled": z.object({
    surveyId: z.string().max(160),
    topicCode,
    eventId: z.string().max(160),
    title: z.string().max(200),
    startsAt: isoInstant,
    endsAt: isoInstant,
    status: z.enum(["SCHEDULED", "CANCELLED"]),
    revision,
  }),
} as const;

export function isSurveyProofKind(kind: unknown): kind is SurveyProof["type"] {
  return kind === "interest-survey" || kind === "survey-tally" || kind === "training-scheduled";
}

/**
 * A survey proof's claims, checked: a survey is attested by the coordination
 * office only, a tally by a node (never the office), a scheduled training by
 * the event's host node. Returns the reason it is refused, or the proof.
 */
export function checkSurveyClaims(kind: SurveyProof["type"], issuer: string, coordinationId: string, payload: unknown): SurveyProof | string {
  const parsed = SURVEY_PROOF_SCHEMAS[kind].safeParse(payload);
  if (!parsed.success) return `malformed ${kind} (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")})`;
  const claims = parsed.data as Omit<SurveyProof, "type" | "issuer">;
  if (tryParseGlobalId(claims.surveyId)?.kind !== "interest-survey" || homeNodeOf(claims.surveyId) !== coordinationId) return `malformed ${kind} (survey id)`;
  if (kind === "interest-survey" && issuer !== coordinationId) return "an interest survey is attested by the coordination office only";
  if (kind === "survey-tally" && issuer === coordinationId) return "a survey tally is attested by a participant's home node only";
  if (kind === "training-scheduled") {
    const event = tryParseGlobalId((claims as Omit<TrainingScheduledProof, "type" | "issuer">).eventId);
    if (event?.kind !== "event") return "malformed training-scheduled (event id)";
    if (event.node !== issuer) return "a scheduled training is attested by the event's host node only";
  }
  return { ...claims, type: kind, issuer } as SurveyProof;
}

/** Borda points of one ranking of `topicCount` topics: the first gets topicCount, the next one less; topics left out get none. */
export function bordaPoints(ranking: readonly string[], topicCount: number): Map<string, number> {
  return new Map(ranking.map((code, index) => [code, topicCount - index]));
}
