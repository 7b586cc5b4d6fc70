/**
 * Reads a feed back with ical.js (Mozilla's parser, independent of the
 * library that writes our feeds), so tests check what a calendar app sees.
 */
import ICAL from "ical.js";

export interface ParsedCalendarEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  /** The UTC instant of DTSTART as ISO text (an all-day start: its `YYYY-MM-DD`). */
  start: string;
  end: string;
  /** TZID of DTSTART, null for UTC or dates. */
  timeZone: string | null;
  allDay: boolean;
  location: string | null;
  url: string | null;
}

export interface ParsedCalendar {
  name: string | null;
  /** TZIDs of the VTIMEZONE components the feed carries. */
  timeZones: string[];
  events: ParsedCalendarEvent[];
}

export function parseCalendar(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = root.getAllSubcomponents("vtimezone").map((zone) => new ICAL.Timezone(zone));
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  try {
    return {
      name: stringOf(root.getFirstPropertyValue("x-wr-calname")),
      timeZones: zones.map((zone) => zone.tzid),
      events: root.getAllSubcomponents("vevent").map(readEvent),
    };
  } finally {
    for (const zone of zones) ICAL.TimezoneService.remove(zone.tzid);
  }
}

function readEvent(component: InstanceType<typeof ICAL.Component>): ParsedCalendarEvent {
  const event = new ICAL.Event(component);
  const start = event.startDate;
  const end = event.endDate;
  return {
    uid: event.uid,
    sequence: event.sequence ?? 0,
    status: stringOf(component.getFirstPropertyValue("status")),
    summary: event.summary,
    start: start.isDate ? start.toString() : start.toJSDate().toISOString(),
    end: end.isDate ? end.toString() : end.toJSDate().toISOString(),
    timeZone: stringOf(component.getFirstProperty("dtstart")?.getParameter("tzid")),
    allDay: start.isDate,
    location: stringOf(component.getFirstPropertyValue("location")),
    url: stringOf(component.getFirstPropertyValue("url")),
  };
}

function stringOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : String(value as string | number);
}
