import { describe, expect, it } from "vitest";
import { InvalidInstanceError } from "./assignment.errors.js";
import type { AssignmentInstance } from "./assignment.types.js";
import { solveAssignment } from "./solve-assignment.js";

const mentors = (...capacities: number[]) => capacities.map((capacity, j) => ({ id: `m${j}`, capacity }));

describe("solveAssignment", () => {
  it("handles empty lists", () => {
    expect(solveAssignment({ mentees: [], mentors: [], score: [] })).toEqual({ pairs: [], matched: 0, total: 0 });
    expect(solveAssignment({ mentees: ["a", "b"], mentors: [], score: [[], []] })).toEqual({ pairs: [], matched: 0, total: 0 });
    expect(solveAssignment({ mentees: [], mentors: mentors(2), score: [] })).toEqual({ pairs: [], matched: 0, total: 0 });
  });

  it("never uses a forbidden pair or a mentor without capacity", () => {
    expect(
      solveAssignment({
        mentees: ["a", "b"],
        mentors: mentors(1, 0),
        score: [
          [null, 5],
          [null, 9],
        ],
      }),
    ).toEqual({ pairs: [], matched: 0, total: 0 });
  });

  it("matches on a negative or zero score: the count comes first", () => {
    expect(
      solveAssignment({
        mentees: ["a", "b"],
        mentors: mentors(1, 1),
        score: [
          [-5, null],
          [null, 0],
        ],
      }),
    ).toEqual({
      pairs: [
        ["a", "m0"],
        ["b", "m1"],
      ],
      matched: 2,
      total: -5,
    });
  });

  it("gives up score for one more match", () => {
    // a alone on m0 scores 100; matching b too needs a on m1 at -50.
    const instance: AssignmentInstance = {
      mentees: ["a", "b"],
      mentors: mentors(1, 1),
      score: [
        [100, -50],
        [1, null],
      ],
    };
    expect(solveAssignment(instance)).toEqual({
      pairs: [
        ["a", "m1"],
        ["b", "m0"],
      ],
      matched: 2,
      total: -49,
    });
  });

  it("beats greedy choices on the total", () => {
    // Greedy by score puts a on m0 (10) and b on m1 (1): 11. The optimum is 9 + 8 = 17.
    const instance: AssignmentInstance = {
      mentees: ["a", "b"],
      mentors: mentors(1, 1),
      score: [
        [10, 9],
        [8, 1],
      ],
    };
    expect(solveAssignment(instance)).toEqual({
      pairs: [
        ["a", "m1"],
        ["b", "m0"],
      ],
      matched: 2,
      total: 17,
    });
  });

  it("fills a mentor up to its capacity and no further", () => {
    const result = solveAssignment({ mentees: ["a", "b", "c"], mentors: mentors(2), score: [[1], [3], [2]] });
    expect(result).toEqual({
      pairs: [
        ["b", "m0"],
        ["c", "m0"],
      ],
      matched: 2,
      total: 5,
    });
  });

  it("accepts capacities far above the number of mentees", () => {
    expect(solveAssignment({ mentees: ["a", "b"], mentors: mentors(1_000_000_000), score: [[1], [2]] }).matched).toBe(2);
  });

  it("answers ties the same way every time, pairs in mentee order", () => {
    const instance: AssignmentInstance = {
      mentees: ["c", "a", "b", "d"],
      mentors: mentors(1, 1, 1),
      score: [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
    };
    const first = solveAssignment(instance);
    expect(first.matched).toBe(3);
    expect(first.total).toBe(3);
    const positions = first.pairs.map(([mentee]) => instance.mentees.indexOf(mentee));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    for (let k = 0; k < 5; k++) expect(solveAssignment(structuredClone(instance))).toEqual(first);
  });

  it("rejects an invalid instance with the offending fields", () => {
    const instance = { mentees: ["a"], mentors: [{ id: "x", capacity: -1 }], score: [["high"]] } as unknown as AssignmentInstance;
    expect(() => solveAssignment(instance)).toThrow(InvalidInstanceError);
    expect(() => solveAssignment(instance)).toThrow(/mentors\[0\]\.capacity: must be a whole number ≥ 0/);
  });
});
