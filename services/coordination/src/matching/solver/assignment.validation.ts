import { InvalidInstanceError } from "./assignment.errors.js";
import type { AssignmentInstance } from "./assignment.types.js";

/** More than this many issues are summarised: one broken column would otherwise print a line per mentee. */
const MAX_LISTED_ISSUES = 20;
/**
 * Largest score magnitude. Far from overflow in any sum the solver forms, and
 * integer scores stay exact (sums below 2^53) for rounds of thousands.
 */
export const MAX_ABS_SCORE = 1e12;

/**
 * `value` as a solver-form instance, or an {@link InvalidInstanceError} listing
 * every problem with the field it concerns (`score[3][7]: must be a number or
 * null`). Scores may be negative or zero (a pair is still a pair: the number
 * matched comes first); ids must be unique non-empty strings. Fields beyond
 * `mentees`, `mentors` and `score` are ignored.
 */
export function validateInstance(value: unknown): AssignmentInstance {
  const issues: string[] = [];
  if (!isRecord(value)) throw new InvalidInstanceError(["instance: must be an object { mentees, mentors, score }"]);
  const menteeCount = checkMentees(value.mentees, issues);
  const mentorCount = checkMentors(value.mentors, issues);
  checkScore(value.score, menteeCount, mentorCount, issues);
  if (issues.length > 0) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    if (issues.length > listed.length) listed.push(`… and ${issues.length - listed.length} more`);
    throw new InvalidInstanceError(listed);
  }
  return value as unknown as AssignmentInstance;
}

/** The number of mentees, or null when `mentees` is not an array. */
function checkMentees(mentees: unknown, issues: string[]): number | null {
  if (!Array.isArray(mentees)) {
    issues.push("mentees: must be an array of ids");
    return null;
  }
  checkIds(mentees, (index) => `mentees[${index}]`, issues);
  return mentees.length;
}

function checkMentors(mentors: unknown, issues: string[]): number | null {
  if (!Array.isArray(mentors)) {
    issues.push("mentors: must be an array of { id, capacity }");
    return null;
  }
  const ids: unknown[] = [];
  // Index loops, not forEach: forEach skips the holes of a sparse array.
  for (let index = 0; index < mentors.length; index++) {
    const mentor: unknown = mentors[index];
    if (!isRecord(mentor)) {
      issues.push(`mentors[${index}]: must be an object { id, capacity }`);
      ids.push(undefined);
      continue;
    }
    ids.push(mentor.id);
    const capacity = mentor.capacity;
    if (typeof capacity !== "number" || !Number.isSafeInteger(capacity) || capacity < 0) {
      issues.push(`mentors[${index}].capacity: must be a whole number ≥ 0`);
    }
  }
  checkIds(
    ids,
    (index) => `mentors[${index}].id`,
    issues,
    (index) => isRecord(mentors[index]),
  );
  return mentors.length;
}

function checkIds(ids: readonly unknown[], field: (index: number) => string, issues: string[], present: (index: number) => boolean = () => true): void {
  const firstIndex = new Map<string, number>();
  for (let index = 0; index < ids.length; index++) {
    if (!present(index)) continue;
    const id = ids[index];
    if (typeof id !== "string" || id.length === 0) {
      issues.push(`${field(index)}: must be a non-empty string`);
      continue;
    }
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else issues.push(`${field(index)}: duplicate id ${JSON.stringify(id)} (also ${field(first)})`);
  }
}

function checkScore(score: unknown, menteeCount: number | null, mentorCount: number | null, issues: string[]): void {
  if (!Array.isArray(score)) {
    issues.push("score: must be an array with one row per mentee");
    return;
  }
  if (menteeCount !== null && score.length !== menteeCount) {
    issues.push(`score: has ${score.length} rows but there are ${menteeCount} mentees`);
  }
  for (let i = 0; i < score.length; i++) {
    const row: unknown = score[i];
    if (!Array.isArray(row)) {
      issues.push(`score[${i}]: must be an array with one entry per mentor`);
      continue;
    }
    if (mentorCount !== null && row.length !== mentorCount) {
      issues.push(`score[${i}]: has ${row.length} entries but there are ${mentorCount} mentors`);
    }
    for (let j = 0; j < row.length; j++) {
      const entry: unknown = row[j];
      if (entry !== null && (typeof entry !== "number" || !(Math.abs(entry) <= MAX_ABS_SCORE))) {
        issues.push(`score[${i}][${j}]: must be a number between -1e12 and 1e12, or null`);
      }
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
