/**
 * When a tandem's partners are asked for a check-in (DESIGN.md §8): at the
 * cohort's mid-point (a tandem that started after it, e.g. a re-match: half
 * way through the time it has left; one recorded after its cohort ended:
 * the mid-point, open at once) and, when the programme asks for it,
 * every N weeks from the tandem's start, until the cohort ends. Days are
 * `YYYY-MM-DD` (UTC).
 */
const DAY_MS = 24 * 3600_000;

export interface CheckInPlan {
  cohortStartsOn: string;
  cohortEndsOn: string;
  startedOn: string;
  /** The programme's interval in weeks; null: the mid-point only. */
  everyWeeks: number | null;
}

export function checkInsDue(plan: CheckInPlan): string[] {
  const start = dayOf(plan.cohortStartsOn);
  const end = dayOf(plan.cohortEndsOn);
  const started = dayOf(plan.startedOn);
  const midPoint = start + Math.floor((end - start) / 2);
  // started after the mid-point but before the end (a re-match): half way through the time it has left; recorded after the end (a past season entered late): the mid-point, open at once
  const due = new Set<number>([started > midPoint && started < end ? started + Math.floor((end - started) / 2) : midPoint]);
  if (plan.everyWeeks) {
    for (let day = started + plan.everyWeeks * 7; day < end; day += plan.everyWeeks * 7) due.add(day);
  }
  return [...due].sort((a, b) => a - b).map(isoDay);
}

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
