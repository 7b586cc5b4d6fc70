import { describe, expect, it } from "vitest";
import { InvalidInstanceError } from "./assignment.errors.js";
import { validateInstance } from "./assignment.validation.js";

function issuesOf(value: unknown): readonly string[] {
  try {
    validateInstance(value);
  } catch (error) {
    if (error instanceof InvalidInstanceError) return error.issues;
    throw error;
  }
  return [];
}

const valid = () => ({
  mentees: ["a", "b"],
  mentors: [
    { id: "x", capacity: 1 },
    { id: "y", capacity: 2 },
  ],
  score: [
    [1, null],
    [-2.5, 0],
  ],
});

describe("validateInstance", () => {
  it("returns a valid instance as it is, extra fields and all", () => {
    const instance = { ...valid(), note: "ignored" };
    expect(validateInstance(instance)).toBe(instance);
    expect(issuesOf({ mentees: [], mentors: [], score: [] })).toEqual([]);
  });

  it("rejects what is not an object", () => {
    for (const value of [null, 3, "x", [], undefined]) expect(issuesOf(value)).toEqual(["instance: must be an object { mentees, mentors, score }"]);
  });

  it("names missing or mistyped top-level fields", () => {
    expect(issuesOf({ mentors: [], score: [] })).toEqual(["mentees: must be an array of ids"]);
    expect(issuesOf({ mentees: [], mentors: {}, score: [] })).toEqual(["mentors: must be an array of { id, capacity }"]);
    expect(issuesOf({ mentees: [], mentors: [] })).toEqual(["score: must be an array with one row per mentee"]);
  });

  it("names bad and duplicate ids", () => {
    const instance = valid();
    (instance.mentees as unknown[]) = ["a", "", 7, "a"];
    instance.mentors[1]!.id = "x";
    instance.score = [
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ];
    expect(issuesOf(instance)).toEqual([
      "mentees[1]: must be a non-empty string",
      "mentees[2]: must be a non-empty string",
      'mentees[3]: duplicate id "a" (also mentees[0])',
      'mentors[1].id: duplicate id "x" (also mentors[0].id)',
    ]);
  });

  it("names bad mentors and capacities", () => {
    const instance = valid() as { mentors: unknown[]; score: unknown[][] };
    instance.mentors = [{ id: "x", capacity: -1 }, "y", { id: "z", capacity: 1.5 }, { id: "w", capacity: "2" }, { id: "v" }];
    instance.score = [
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
    ];
    expect(issuesOf(instance)).toEqual([
      "mentors[0].capacity: must be a whole number ≥ 0",
      "mentors[1]: must be an object { id, capacity }",
      "mentors[2].capacity: must be a whole number ≥ 0",
      "mentors[3].capacity: must be a whole number ≥ 0",
      "mentors[4].capacity: must be a whole number ≥ 0",
    ]);
  });

  it("names dimension mismatches", () => {
    expect(issuesOf({ ...valid(), score: [[1, 2]] })).toEqual(["score: has 1 rows but there are 2 mentees"]);
    expect(issuesOf({ ...valid(), score: [[1, 2], [3]] })).toEqual(["score[1]: has 1 entries but there are 2 mentors"]);
    expect(issuesOf({ ...valid(), score: [[1, 2], "row"] })).toEqual(["score[1]: must be an array with one entry per mentor"]);
  });

  it("names every bad score by its indices", () => {
    const instance = valid() as { score: unknown[][] };
    const withHole: unknown[] = new Array(2); // a hole at [1], as JSON never makes but code can
    withHole[0] = Number.POSITIVE_INFINITY;
    instance.score = [["1", Number.NaN], withHole];
    expect(issuesOf(instance)).toEqual([
      "score[0][0]: must be a number between -1e12 and 1e12, or null",
      "score[0][1]: must be a number between -1e12 and 1e12, or null",
      "score[1][0]: must be a number between -1e12 and 1e12, or null",
      "score[1][1]: must be a number between -1e12 and 1e12, or null",
    ]);
    expect(
      issuesOf({
        ...valid(),
        score: [
          [1e12, -1e12],
          [2e12, 0],
        ],
      }),
    ).toEqual(["score[1][0]: must be a number between -1e12 and 1e12, or null"]);
  });

  it("lists the first twenty issues and counts the rest", () => {
    const instance = { mentees: ["a"], mentors: Array.from({ length: 30 }, (_, j) => ({ id: `m${j}`, capacity: 1 })), score: [Array.from({ length: 30 }, () => "?")] };
    const issues = issuesOf(instance);
    expect(issues).toHaveLength(21);
    expect(issues[0]).toBe("score[0][0]: must be a number between -1e12 and 1e12, or null");
    expect(issues[20]).toBe("… and 10 more");
  });

  it("puts the issues in the error message", () => {
    expect(() => validateInstance({ ...valid(), score: [[1, 2]] })).toThrow(/invalid assignment instance:\n {2}score: has 1 rows but there are 2 mentees/);
  });
});
