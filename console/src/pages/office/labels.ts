/** The office's enumerations in display order, and how the API names a criterion's weight. */
export interface Weights {
  track: number;
  discipline: number;
  goals: number;
  experienceGap: number;
  formatRegion: number;
  languageDepth: number;
}

export const CRITERIA = [
  { criterion: "TRACK", weight: "track" },
  { criterion: "DISCIPLINE", weight: "discipline" },
  { criterion: "GOALS", weight: "goals" },
  { criterion: "EXPERIENCE_GAP", weight: "experienceGap" },
  { criterion: "FORMAT_REGION", weight: "formatRegion" },
  { criterion: "LANGUAGE_DEPTH", weight: "languageDepth" },
] as const satisfies readonly { criterion: string; weight: keyof Weights }[];

/** The range the API accepts for each weight. */
export const MIN_WEIGHT = 0;
export const MAX_WEIGHT = 10;

/** The completion rules the API knows, in display order. */
export const COMPLETION_RULE_CODES = [
  "AGREEMENT_SIGNED",
  "KICK_OFF_ATTENDED",
  "MANDATORY_TRAININGS_ATTENDED",
  "MEETINGS_LOGGED",
  "FINAL_EVALUATION_SUBMITTED",
  "CLOSING_ATTENDED",
  "PACKAGE_COMPLETE",
] as const;
export type CompletionRuleCode = (typeof COMPLETION_RULE_CODES)[number];

/** The rules that take a count, and the range the API accepts. */
export const COUNTED_COMPLETION_RULES: Partial<Record<CompletionRuleCode, { min: number; max: number }>> = {
  MANDATORY_TRAININGS_ATTENDED: { min: 1, max: 20 },
  MEETINGS_LOGGED: { min: 1, max: 100 },
};

export const COHORT_STATES = ["DRAFT", "APPLICATIONS_OPEN", "REVIEW", "MATCHING", "RUNNING", "CLOSING", "CLOSED"] as const;

/** The state a cohort moves on to, or null when it is CLOSED. */
export function nextState(state: string): string | null {
  const index = COHORT_STATES.indexOf(state as (typeof COHORT_STATES)[number]);
  return index >= 0 && index < COHORT_STATES.length - 1 ? COHORT_STATES[index + 1]! : null;
}

/** Points and scores as the API gives them (4 decimals at most), in the user's language. */
export function formatPoints(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(value);
}
