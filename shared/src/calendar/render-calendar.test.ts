import { describe, expect, it } from "vitest";
import { parseCalendar } from "../testkit/calendar.js";
import { renderCalendar } from "./render-calendar.js";
import type { CalendarEntry } from "./calendar-entry.js";

const base: CalendarEntry = {
  uid: "zcu:event:1@tandem",
  sequence: 0,
  status: "CONFIRMED",
  summary: "Kick-off in Plzeň",
  description: "Roles, goals, first steps",
  location: "Univerzitní 8, Plzeň",
  url: null,
  start: "2027-01-15T16:00:00.000Z",
  end: "2027-01-15T18:00:00.000Z",
  timeZone: "Europe/Prague",
  allDay: false,
  lastModified: "2026-12-01T10:00:00.000Z",
};

describe("renderCalendar", () => {
  it("writes a timed entry in its zone with the zone's VTIMEZONE, read back at the same UTC instant", () => {
    const text = renderCalendar({ name: "Tandem", entries: [base] });
    expect(text).toContain("DTSTART;TZID=Europe/Prague:20270115T170000");
    const parsed = parseCalendar(text);
    expect(parsed.timeZones).toEqual(["Europe/Prague"]);
    expect(parsed.events).toEqual([
      expect.objectContaining({ uid: base.uid, start: "2027-01-15T16:00:00.000Z", end: "2027-01-15T18:00:00.000Z", timeZone: "Europe/Prague", status: "CONFIRMED", summary: "Kick-off in Plzeň" }),
    ]);
  });

  it("keeps summer time apart from winter time", () => {
    const summer = { ...base, uid: "zcu:event:2@tandem", start: "2027-07-01T08:00:00.000Z", end: "2027-07-01T09:00:00.000Z" };
    const text = renderCalendar({ name: "Tandem", entries: [summer] });
    expect(text).toContain("DTSTART;TZID=Europe/Prague:20270701T100000");
    expect(parseCalendar(text).events[0]!.start).toBe("2027-07-01T08:00:00.000Z");
  });

  it("marks a cancelled entry CANCELLED with its sequence, and writes all-day entries as dates", () => {
    const cancelled = { ...base, status: "CANCELLED" as const, sequence: 3 };
    const meeting: CalendarEntry = { ...base, uid: "hst:meeting:1@tandem", start: "2027-02-03", end: "2027-02-04", timeZone: null, allDay: true, location: null, description: null };
    const events = parseCalendar(renderCalendar({ name: "Tandem", entries: [meeting, cancelled] })).events;
    expect(events.map((event) => [event.uid, event.status, event.sequence])).toEqual([
      ["zcu:event:1@tandem", "CANCELLED", 3],
      ["hst:meeting:1@tandem", "CONFIRMED", 0],
    ]);
    expect(events[1]).toMatchObject({ allDay: true, start: "2027-02-03", end: "2027-02-04", timeZone: null });
  });
});
