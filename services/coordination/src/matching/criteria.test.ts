/** Each criterion's documented sub-score, and a score that is exactly the sum of its breakdown. */
import { describe, expect, it } from "vitest";
import { CRITERIA, DEFAULT_MATCHING_WEIGHTS, pairBreakdown, pairScore, type ScoringProfile } from "./criteria.js";

const base: ScoringProfile = { tracks: [0], disciplineCode: null, goals: [], languages: ["en"], experienceYears: null, meetingFormat: null, region: null };
const sub = (criterion: string, mentee: Partial<ScoringProfile>, mentor: Partial<ScoringProfile>) =>
  pairBreakdown({ ...base, ...mentee }, { ...base, ...mentor }, DEFAULT_MATCHING_WEIGHTS).breakdown.find((part) => part.criterion === criterion)!.subScore;

describe("matching criteria", () => {
  it("lists six criteria, each with a weight and a description", () => {
    expect(CRITERIA.map((definition) => [definition.criterion, definition.weight])).toEqual([
      ["TRACK", "track"],
      ["DISCIPLINE", "discipline"],
      ["GOALS", "goals"],
      ["EXPERIENCE_GAP", "experienceGap"],
      ["FORMAT_REGION", "formatRegion"],
      ["LANGUAGE_DEPTH", "languageDepth"],
    ]);
    for (const definition of CRITERIA) expect(definition.description.length).toBeGreaterThan(20);
  });

  it.each([
    ["TRACK", { tracks: [0, 1, 2] }, { tracks: [0, 2] }, 0.6667],
    ["TRACK", { tracks: [1] }, { tracks: [0, 1] }, 1],
    ["DISCIPLINE", { disciplineCode: "law" }, { disciplineCode: "law" }, 1],
    ["DISCIPLINE", { disciplineCode: "law" }, { disciplineCode: "laws" }, 0],
    ["DISCIPLINE", {}, {}, 0],
    ["GOALS", { goals: ["a", "b", "c", "d"] }, { goals: ["a", "d", "x"] }, 0.5],
    ["GOALS", {}, { goals: ["a"] }, 0],
    ["EXPERIENCE_GAP", { experienceYears: 1 }, { experienceYears: 4 }, 0.3],
    ["EXPERIENCE_GAP", {}, { experienceYears: 25 }, 1],
    ["EXPERIENCE_GAP", { experienceYears: 9 }, { experienceYears: 3 }, 0],
    ["EXPERIENCE_GAP", { experienceYears: 0 }, {}, 0],
    ["FORMAT_REGION", { meetingFormat: "ONLINE", region: "LU" }, { meetingFormat: "ONLINE", region: "CZ-PL" }, 1],
    ["FORMAT_REGION", { meetingFormat: "IN_PERSON", region: "DE-RP" }, { meetingFormat: "IN_PERSON", region: "DE-RP" }, 1],
    ["FORMAT_REGION", { meetingFormat: "ONLINE", region: "DE-RP" }, { meetingFormat: "IN_PERSON", region: "DE-SL" }, 0.25],
    ["FORMAT_REGION", { meetingFormat: "HYBRID", region: "LU" }, { meetingFormat: "IN_PERSON", region: "CZ" }, 0.25],
    ["FORMAT_REGION", {}, {}, 0.25],
    ["LANGUAGE_DEPTH", { languages: ["de", "en"] }, { languages: ["en", "de", "fr"] }, 1],
    ["LANGUAGE_DEPTH", { languages: ["de", "en", "fr", "lb"] }, { languages: ["lb", "en"] }, 0.6667],
    ["LANGUAGE_DEPTH", { languages: ["de", "en", "fr", "lb"] }, { languages: ["lb", "en", "fr", "de"] }, 1],
  ] as const)("%s of %o with %o is %s", (criterion, mentee, mentor, expected) => {
    expect(sub(criterion, mentee as Partial<ScoringProfile>, mentor as Partial<ScoringProfile>)).toBe(expected);
  });

  it("scores a pair as the sum of its breakdown's points, exactly, for any weights", () => {
    const mentee: ScoringProfile = { tracks: [0, 1, 2], disciplineCode: "x", goals: ["a", "b", "c"], languages: ["de", "en", "cs"], experienceYears: 3, meetingFormat: "HYBRID", region: "DE-RP" };
    const mentor: ScoringProfile = { tracks: [1], disciplineCode: "x", goals: ["c"], languages: ["cs"], experienceYears: 10, meetingFormat: "ONLINE", region: "DE-BY" };
    for (const weights of [DEFAULT_MATCHING_WEIGHTS, { track: 0.1, discipline: 7.3, goals: 9.99, experienceGap: 0.7, formatRegion: 3.3, languageDepth: 10 }]) {
      const { score, breakdown } = pairBreakdown(mentee, mentor, weights);
      expect(breakdown.reduce((sum, part) => sum + part.points, 0)).toBe(score);
      expect(pairScore(mentee, mentor, weights)).toBe(score);
      for (const part of breakdown) expect(part.points).toBe(part.subScore * part.weight);
    }
  });
});
