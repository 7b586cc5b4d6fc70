import { z } from "zod";

/**
 * One appointment as a party hands it to whoever renders a calendar (the
 * gateway, or the party itself): what RFC 5545 needs of a VEVENT, no more.
 * Timed entries carry UTC instants plus the IANA zone they happen in;
 * all-day entries (tandem meetings, logged by date) carry `YYYY-MM-DD`.
 */
export const CalendarEntrySchema = z.object({
  /** Stable across feeds and changes: the entity's global id at its home party. */
  uid: z.string().min(1).max(300),
  /** Grows with every change a calendar app must take over (RFC 5545 §3.8.7.4). */
  sequence: z.number().int().min(0),
  status: z.enum(["CONFIRMED", "TENTATIVE", "CANCELLED"]),
  summary: z.string().max(500),
  description: z.string().max(10_000).nullable(),
  location: z.string().max(500).nullable(),
  url: z.string().max(1000).nullable(),
  start: z.string(),
  end: z.string(),
  /** IANA zone of a timed entry, e.g. Europe/Prague; null for all-day entries. */
  timeZone: z.string().max(64).nullable(),
  allDay: z.boolean(),
  lastModified: z.string(),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

/** A party's part of a feed, as it answers on its calendar routes. */
export const CalendarPartSchema = z.object({ entries: z.array(CalendarEntrySchema).max(5000) });
export type CalendarPart = z.infer<typeof CalendarPartSchema>;

/** The `YYYY-MM-DD` day after `day`. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
