/**
 * The demo season: about nine months from the day of first seeding. Event
 * times are wall-clock times in the host's time zone, turned into instants
 * here, so a 18:00 evening in Plzeň stays at 18:00 across DST changes.
 */
import type { EventSeed } from "./types.js";

export const SEASON_WEEKS = 39;
const DAY_MS = 24 * 3600_000;

/** Midnight UTC of the seeding day; every seeded date is relative to it. */
export function seasonStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function seasonEnd(start: Date): Date {
  return new Date(start.getTime() + SEASON_WEEKS * 7 * DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** "YYYY-MM-DD" of a UTC date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Calendar months after `date`, clamped to the month's last day. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)));
}

export function eventSchedule(event: EventSeed, start: Date, timeZone: string): { startsAt: Date; endsAt: Date } {
  const weekStart = addDays(start, event.week * 7);
  const isoWeekday = ((weekStart.getUTCDay() + 6) % 7) + 1;
  const day = addDays(weekStart, (event.weekday - isoWeekday + 7) % 7);
  const [hours, minutes] = event.localStart.split(":").map(Number) as [number, number];
  const startsAt = wallClockToInstant(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes, timeZone);
  return { startsAt, endsAt: new Date(startsAt.getTime() + event.durationMinutes * 60_000) };
}

/** The instant at which the clocks of `timeZone` show the given wall time. */
export function wallClockToInstant(year: number, month: number, day: number, hours: number, minutes: number, timeZone: string): Date {
  const asIfUtc = Date.UTC(year, month, day, hours, minutes);
  const firstGuess = asIfUtc - offsetMs(asIfUtc, timeZone);
  // A second pass corrects guesses that land on the other side of a DST change.
  return new Date(asIfUtc - offsetMs(firstGuess, timeZone));
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}
