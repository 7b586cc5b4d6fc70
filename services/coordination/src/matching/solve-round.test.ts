import { describe, expect, it } from "vitest";
import { mentee, mentor } from "../../test/matching-fixtures.js";
import type { RoundInput } from "./round-input.js";
import { solveRound } from "./solve-round.js";

const input = (overrides: Partial<RoundInput>): RoundInput => ({
  programmeTracks: ["health"],
  crossBorderRule: "NONE",
  nodeCountries: { hst: "DE", zcu: "CZ" },
  weights: { track: 3, discipline: 3, goals: 2, experienceGap: 1, formatRegion: 1, languageDepth: 1 },
  maxMentorLoad: 2,
  profiles: [],
  pins: [],
  bans: [],
  declined: [],
  held: [],
  ...overrides,
});

describe("a round's total score", () => {
  it("reads as the decimal sum of its proposals' scores, without binary noise", () => {
    // three pairs of 0.1 each: added in binary they make 0.30000000000000004
    const weights = { track: 0.1, discipline: 0, goals: 0, experienceGap: 0, formatRegion: 0, languageDepth: 0 };
    const profiles = [mentee(), mentee(), mentee(), mentor(), mentor(), mentor()];
    const solution = solveRound(input({ weights, profiles }));
    expect(solution.proposals.map((proposal) => proposal.score)).toEqual([0.1, 0.1, 0.1]);
    expect(solution.totalScore).toBe(0.3);
  });
});
