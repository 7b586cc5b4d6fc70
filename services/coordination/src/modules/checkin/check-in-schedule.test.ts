import { describe, expect, it } from "vitest";
import { checkInsDue } from "./check-in-schedule.js";

const cohort = { cohortStartsOn: "2026-11-01", cohortEndsOn: "2027-07-31" };

describe("check-in schedule", () => {
  it("asks a tandem that started with the cohort at the cohort's mid-point", () => {
    expect(checkInsDue({ ...cohort, startedOn: "2026-11-15", everyWeeks: null })).toEqual(["2027-03-17"]);
  });

  it("asks a tandem that started after the mid-point (a re-match) half way through the time it has left, not on its first day", () => {
    expect(checkInsDue({ ...cohort, startedOn: "2027-04-01", everyWeeks: null })).toEqual(["2027-05-31"]);
  });

  it("adds every N weeks from the tandem's start until the cohort ends", () => {
    expect(checkInsDue({ ...cohort, startedOn: "2027-06-01", everyWeeks: 4 })).toEqual(["2027-06-29", "2027-07-01", "2027-07-27"]);
  });

  it("opens the mid-point check-in at once for a tandem recorded after its cohort ended (a past season entered late)", () => {
    expect(checkInsDue({ ...cohort, startedOn: "2027-08-02", everyWeeks: 4 })).toEqual(["2027-03-17"]);
  });
});
