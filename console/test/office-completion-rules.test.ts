import { describe, expect, it } from "vitest";
import { choicesOf, rulesOf, unknownRules } from "../src/pages/office/edit-completion.js";

describe("a programme's completion rules as the office edits them", () => {
  const inForce = [
    { code: "MEETINGS_LOGGED", count: 6 },
    { code: "MENTORING_HOURS", count: 12 },
    { code: "AGREEMENT_SIGNED", count: null },
  ];

  it("offer the rules in force first, chosen, with their counts, then every other known rule not chosen", () => {
    const choices = choicesOf(inForce);
    expect(choices.slice(0, 2)).toEqual([
      { code: "MEETINGS_LOGGED", chosen: true, count: "6" },
      { code: "AGREEMENT_SIGNED", chosen: true, count: "" },
    ]);
    expect(choices.slice(2).every((choice) => !choice.chosen)).toBe(true);
    expect(choices.map((choice) => choice.code)).not.toContain("MENTORING_HOURS");
  });

  it("send back a rule in force whose code this console does not know, as it was: saving never drops it", () => {
    const kept = unknownRules(inForce);
    expect(kept).toEqual([{ code: "MENTORING_HOURS", count: 12 }]);
    const choices = choicesOf(inForce).map((choice) => (choice.code === "AGREEMENT_SIGNED" ? { ...choice, chosen: false } : choice));
    expect(rulesOf(choices, kept)).toEqual([
      { code: "MEETINGS_LOGGED", count: 6 },
      { code: "MENTORING_HOURS", count: 12 },
    ]);
  });

  it("send an emptied count as null, for the API to refuse at its field", () => {
    const choices = choicesOf([{ code: "MEETINGS_LOGGED", count: 6 }]).map((choice) => (choice.code === "MEETINGS_LOGGED" ? { ...choice, count: " " } : choice));
    expect(rulesOf(choices)).toEqual([{ code: "MEETINGS_LOGGED", count: null }]);
  });
});
