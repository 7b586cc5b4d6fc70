import { describe, expect, it } from "vitest";
import { formatResult, runMatchCommand } from "./match-command.js";

const instance = {
  mentees: ["a", "b"],
  mentors: [
    { id: "x", capacity: 1 },
    { id: "y", capacity: 1 },
  ],
  score: [
    [10, 9],
    [8, null],
  ],
};

describe("runMatchCommand", () => {
  it("prints the pairs as JSON and the objective with the time taken", () => {
    let clock = 0;
    const outcome = runMatchCommand("in.json", JSON.stringify(instance), () => (clock += 2.5));
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual({
      pairs: [
        ["a", "y"],
        ["b", "x"],
      ],
      matched: 2,
      total: 17,
    });
    expect(outcome.stderr).toBe("matched=2, total=17, solved in 2.5 ms\n");
  });

  it("names the field at fault and exits with 2", () => {
    const outcome = runMatchCommand(
      "in.json",
      JSON.stringify({
        ...instance,
        score: [
          [10, 9],
          [8, "?"],
        ],
      }),
    );
    expect(outcome).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "in.json: invalid assignment instance:\n  score[1][1]: must be a number between -1e12 and 1e12, or null\n",
    });
  });

  it("rejects text that is not JSON", () => {
    const outcome = runMatchCommand("stdin", "{ mentees: ");
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toMatch(/^stdin: not valid JSON \(/);
  });
});

describe("formatResult", () => {
  it("writes one pair per line and stays valid JSON", () => {
    const text = formatResult({
      pairs: [
        ["a", "y"],
        ["b", "x"],
      ],
      matched: 2,
      total: 17.5,
    });
    expect(text).toBe('{\n  "pairs": [\n    ["a", "y"],\n    ["b", "x"]\n  ],\n  "matched": 2,\n  "total": 17.5\n}\n');
    expect(formatResult({ pairs: [], matched: 0, total: 0 })).toBe('{\n  "pairs": [],\n  "matched": 0,\n  "total": 0\n}\n');
    const awkward = { pairs: [['a, "b"', "x\ny"]] as [string, string][], matched: 1, total: -0.25 };
    expect(JSON.parse(formatResult(awkward))).toEqual(awkward);
  });
});
