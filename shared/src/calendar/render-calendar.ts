import { ICalCalendarMethod, ICalEventStatus, default as ical } from "ical-generator";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { DateTime } from "luxon";
import type { CalendarEntry } from "./calendar-entry.js";

/** The media type calendar apps expect of a subscribed feed. */
export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

const STATUS: Record<CalendarEntry["status"], ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

export interface CalendarOptions {
  /** Shown by calendar apps as the subscribed calendar's name. */
  name: string;
  entries: readonly CalendarEntry[];
  /** How often calendar apps should refetch (X-PUBLISHED-TTL / REFRESH-INTERVAL), default 1 hour. */
  refreshMinutes?: number;
}

/**
 * An RFC 5545 calendar of the entries, in start order: each timed entry in
 * its own zone with that zone's VTIMEZONE (definitions shipped with the
 * package, no network), all-day entries as dates.
 */
export function renderCalendar(options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "Tandem Federation", product: "calendar", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: (options.refreshMinutes ?? 60) * 60,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const entries = [...options.entries].sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      status: STATUS[entry.status],
      summary: entry.summary,
      description: entry.description,
      location: entry.location,
      url: entry.url,
      allDay: entry.allDay,
      start: whenOf(entry, entry.start),
      end: whenOf(entry, entry.end),
      timezone: entry.allDay ? null : entry.timeZone,
      stamp: new Date(entry.lastModified),
      lastModified: new Date(entry.lastModified),
    });
  }
  return calendar.toString();
}

/**
 * ical-generator writes a plain Date's wall time in the process's zone, not
 * the entry's: a luxon DateTime lets it write the wall time in the entry's
 * own zone (the documented way); dates stay dates.
 */
function whenOf(entry: CalendarEntry, value: string): string | DateTime {
  return entry.allDay ? value : DateTime.fromISO(value, { zone: "utc" });
}
