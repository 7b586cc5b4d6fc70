import { describe, expect, it } from "vitest";
import { academicYear, cohortInput, openWindow, windowAroundSeeding, windowBeforeSeeding } from "./cohort-inputs.js";
import { industrialMentorship } from "./data/programmes.js";
import { eventInput } from "./node-seeder.js";
import { eventSchedule, seasonStart, wallClockToInstant } from "./season.js";
import type { EventSeed } from "./types.js";

const evening: EventSeed = {
  node: "zcu",
  key: "x",
  kind: "NETWORKING_EVENING",
  title: "x",
  description: "",
  week: 1,
  weekday: 4,
  localStart: "18:00",
  durationMinutes: 90,
  format: "ONLINE",
  onlineUrl: "https://meet.example/x",
  capacity: 10,
  visibility: "CONSORTIUM",
  tracks: [],
};

describe("the season", () => {
  it("keeps wall-clock times in the host's time zone across DST", () => {
    expect(wallClockToInstant(2026, 0, 15, 18, 0, "Europe/Prague").toISOString()).toBe("2026-01-15T17:00:00.000Z");
    expect(wallClockToInstant(2026, 6, 15, 18, 0, "Europe/Prague").toISOString()).toBe("2026-07-15T16:00:00.000Z");
    expect(wallClockToInstant(2026, 2, 29, 9, 0, "Europe/Luxembourg").toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  it("places an event on the given weekday of the given week", () => {
    const start = seasonStart(new Date("2026-11-21T23:44:00Z")); // a Saturday
    const { startsAt, endsAt } = eventSchedule(evening, start, "Europe/Prague");
    expect(startsAt.toISOString()).toBe("2026-12-03T17:00:00.000Z"); // Thursday of the following week, 18:00 in Plzeň
    expect(endsAt.getTime() - startsAt.getTime()).toBe(90 * 60_000);
  });

  it("derives the same records from the same seeding day", () => {
    const day = (time: string) => seasonStart(new Date(`2026-11-21T${time}Z`));
    expect(eventInput(evening, day("00:01:00"), "Europe/Prague")).toEqual(eventInput(evening, day("23:59:00"), "Europe/Prague"));
    expect(cohortInput(industrialMentorship.cohort, "p1", day("08:00:00"), windowBeforeSeeding(day("08:00:00")))).toEqual({
      programmeId: "p1",
      name: "Industrial Mentorship 2026/27",
      translations: [
        { language: "de", name: "Industrie-Mentoring 2026/27" },
        { language: "fr", name: "Mentorat industriel 2026/27" },
      ],
      startsOn: "2026-12-05",
      endsOn: "2027-09-05",
      quotas: industrialMentorship.cohort.quotas,
      applicationsOpenAt: "2026-10-10T00:00:00.000Z",
      applicationsCloseAt: "2026-11-14T00:00:00.000Z",
    });
  });

  it("opens next season's cohort for applications from two weeks before the seeding day to eight weeks after", () => {
    const day = seasonStart(new Date("2026-11-21T08:00:00Z"));
    const next = industrialMentorship.openCohort!;
    expect(cohortInput(next, "p1", day, openWindow(next, day))).toEqual({
      programmeId: "p1",
      name: "Industrial Mentorship 2027/28",
      translations: [
        { language: "de", name: "Industrie-Mentoring 2027/28" },
        { language: "fr", name: "Mentorat industriel 2027/28" },
      ],
      startsOn: "2027-12-04",
      endsOn: "2028-09-04",
      quotas: next.quotas,
      applicationsOpenAt: "2026-11-07T00:00:00.000Z",
      applicationsCloseAt: "2027-01-16T00:00:00.000Z",
    });
  });

  it("names cohorts by the academic year they start in", () => {
    expect(["2026-08-01", "2026-12-20", "2027-01-03", "2027-07-31", "2027-08-01"].map((day) => academicYear(new Date(`${day}T00:00:00Z`)))).toEqual([
      "2026/27",
      "2026/27",
      "2026/27",
      "2026/27",
      "2027/28",
    ]);
  });

  it("keeps the window of a cohort whose people apply while seeding open at any time of the seeding day", () => {
    for (const time of ["00:00:00", "12:00:00", "23:59:59"]) {
      const now = new Date(`2026-11-21T${time}Z`);
      const window = windowAroundSeeding(seasonStart(now));
      expect(new Date(window.applicationsOpenAt).getTime()).toBeLessThan(now.getTime());
      expect(new Date(window.applicationsCloseAt).getTime()).toBeGreaterThan(now.getTime());
    }
  });
});
