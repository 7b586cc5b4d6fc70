/**
 * The documented criteria of a matching score. For a mentee and a mentor who
 * passed every hard constraint, each criterion gives a sub-score in [0, 1]
 * (rounded to 4 decimals); the pair's score is Σ weight × sub-score in the
 * order below, with the programme's weights (0–10 each). Every proposal
 * stores that breakdown, so its score is explained term by term.
 * (No imports: the solve worker loads this module.)
 */
import type { MeetingFormat } from "@tandem/shared/contracts";

export const MatchingCriterion = {
  TRACK: "TRACK",
  DISCIPLINE: "DISCIPLINE",
  GOALS: "GOALS",
  EXPERIENCE_GAP: "EXPERIENCE_GAP",
  FORMAT_REGION: "FORMAT_REGION",
  LANGUAGE_DEPTH: "LANGUAGE_DEPTH",
} as const;
export type MatchingCriterion = (typeof MatchingCriterion)[keyof typeof MatchingCriterion];

/** A weight per criterion, 0–10. */
export interface MatchingWeights {
  track: number;
  discipline: number;
  goals: number;
  experienceGap: number;
  formatRegion: number;
  languageDepth: number;
}

export const MIN_WEIGHT = 0;
export const MAX_WEIGHT = 10;

/** Until a programme sets its own: fit of track and discipline first, goals next, the rest as tie-breakers. */
export const DEFAULT_MATCHING_WEIGHTS: Readonly<MatchingWeights> = Object.freeze({ track: 3, discipline: 3, goals: 2, experienceGap: 1, formatRegion: 1, languageDepth: 1 });

/** An experience gap of this many years or more gives the full EXPERIENCE_GAP sub-score. */
export const IDEAL_EXPERIENCE_GAP_YEARS = 10;
/** LANGUAGE_DEPTH counts at most this many shared languages. */
export const LANGUAGE_DEPTH_CAP = 3;

/** What the sub-scores read of one profile, prepared once per round. */
export interface ScoringProfile {
  /** Indices of the programme's tracks the profile names, ascending. */
  tracks: readonly number[];
  disciplineCode: string | null;
  goals: readonly string[];
  /** Distinct language codes. */
  languages: readonly string[];
  experienceYears: number | null;
  meetingFormat: MeetingFormat | null;
  region: string | null;
}

type SubScore = (mentee: ScoringProfile, mentor: ScoringProfile) => number;

interface CriterionDefinition {
  criterion: MatchingCriterion;
  weight: keyof MatchingWeights;
  /** What the sub-score measures; also the GraphQL description. */
  description: string;
  subScore: SubScore;
}

const countShared = <T>(a: readonly T[], b: readonly T[]): number => a.reduce((count, item) => (b.includes(item) ? count + 1 : count), 0);

/** TRACK: the share of the mentee's programme tracks the mentor covers too (at least one is shared: a hard constraint). */
const trackFit: SubScore = (mentee, mentor) => (mentee.tracks.length ? countShared(mentee.tracks, mentor.tracks) / mentee.tracks.length : 0);

/** DISCIPLINE: 1 for the same discipline code, 0 otherwise or when either has none. */
const disciplineFit: SubScore = (mentee, mentor) => (mentee.disciplineCode !== null && mentee.disciplineCode === mentor.disciplineCode ? 1 : 0);

/** GOALS: the share of the mentee's goal codes the mentor names too; 0 when the mentee names none. */
const goalFit: SubScore = (mentee, mentor) => (mentee.goals.length ? countShared(mentee.goals, mentor.goals) / mentee.goals.length : 0);

/**
 * EXPERIENCE_GAP: the mentor's years of experience beyond the mentee's (a
 * mentee without a figure counts as 0), over IDEAL_EXPERIENCE_GAP_YEARS,
 * clamped to [0, 1]; 0 when the mentor gives no figure.
 */
const experienceGap: SubScore = (mentee, mentor) => {
  if (mentor.experienceYears === null) return 0;
  const gap = mentor.experienceYears - (mentee.experienceYears ?? 0);
  return Math.min(1, Math.max(0, gap / IDEAL_EXPERIENCE_GAP_YEARS));
};

/** Meeting formats: the same 1, one of them HYBRID 0.5, ONLINE against IN_PERSON 0, either unknown 0.5. */
function formatAgreement(a: MeetingFormat | null, b: MeetingFormat | null): number {
  if (a === null || b === null) return 0.5;
  if (a === b) return 1;
  return a === "HYBRID" || b === "HYBRID" ? 0.5 : 0;
}

/** Regions: the same code 1, the same country (the part before "-") 0.5, otherwise or unknown 0. */
function regionProximity(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  return a.split("-")[0] === b.split("-")[0] ? 0.5 : 0;
}

/**
 * FORMAT_REGION: half meeting-format agreement, half region proximity; when
 * both meet online only, where they live does not matter and it is 1.
 */
const formatRegion: SubScore = (mentee, mentor) => {
  if (mentee.meetingFormat === "ONLINE" && mentor.meetingFormat === "ONLINE") return 1;
  return (formatAgreement(mentee.meetingFormat, mentor.meetingFormat) + regionProximity(mentee.region, mentor.region)) / 2;
};

/**
 * LANGUAGE_DEPTH: shared languages (at least one: a hard constraint), at most
 * LANGUAGE_DEPTH_CAP, over as many of the mentee's languages (same cap): 1
 * when the mentor speaks every language of the mentee, or three of them.
 */
const languageDepth: SubScore = (mentee, mentor) => {
  const wanted = Math.min(mentee.languages.length, LANGUAGE_DEPTH_CAP);
  return wanted ? Math.min(countShared(mentee.languages, mentor.languages), LANGUAGE_DEPTH_CAP) / wanted : 0;
};

/** The criteria in breakdown order. */
export const CRITERIA: readonly CriterionDefinition[] = [
  { criterion: "TRACK", weight: "track", subScore: trackFit, description: "Share of the mentee's programme tracks the mentor covers too (0..1; one shared track is a hard constraint)." },
  { criterion: "DISCIPLINE", weight: "discipline", subScore: disciplineFit, description: "1 when mentee and mentor have the same discipline code, else 0." },
  { criterion: "GOALS", weight: "goals", subScore: goalFit, description: "Share of the mentee's goal codes the mentor names too (0..1; 0 when the mentee names none)." },
  {
    criterion: "EXPERIENCE_GAP",
    weight: "experienceGap",
    subScore: experienceGap,
    description: `Mentor's years of experience beyond the mentee's, over ${IDEAL_EXPERIENCE_GAP_YEARS}, clamped to 0..1 (0 when the mentor gives none).`,
  },
  {
    criterion: "FORMAT_REGION",
    weight: "formatRegion",
    subScore: formatRegion,
    description:
      "Half meeting-format agreement (same 1, one HYBRID 0.5, ONLINE vs IN_PERSON 0, unknown 0.5), half region proximity (same region 1, same country 0.5, else 0); 1 when both meet online only.",
  },
  {
    criterion: "LANGUAGE_DEPTH",
    weight: "languageDepth",
    subScore: languageDepth,
    description: `Shared languages (up to ${LANGUAGE_DEPTH_CAP}) over the mentee's languages (up to ${LANGUAGE_DEPTH_CAP}): 1 when the mentor speaks all of them (one shared language is a hard constraint).`,
  },
];

export interface CriterionScore {
  criterion: MatchingCriterion;
  /** 0..1, 4 decimals. */
  subScore: number;
  weight: number;
  /** subScore × weight. */
  points: number;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** The pair's score: Σ weight × sub-score, added in breakdown order (so it equals the sum of its breakdown exactly). */
export function pairScore(mentee: ScoringProfile, mentor: ScoringProfile, weights: MatchingWeights): number {
  let score = 0;
  for (const definition of CRITERIA) score += round4(definition.subScore(mentee, mentor)) * weights[definition.weight];
  return score;
}

/** The same score with its per-criterion breakdown. */
export function pairBreakdown(mentee: ScoringProfile, mentor: ScoringProfile, weights: MatchingWeights): { score: number; breakdown: CriterionScore[] } {
  let score = 0;
  const breakdown = CRITERIA.map((definition) => {
    const subScore = round4(definition.subScore(mentee, mentor));
    const weight = weights[definition.weight];
    const points = subScore * weight;
    score += points;
    return { criterion: definition.criterion, subScore, weight, points };
  });
  return { score, breakdown };
}
