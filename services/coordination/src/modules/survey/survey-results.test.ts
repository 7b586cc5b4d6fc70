import { describe, expect, it } from "vitest";
import { surveyResults } from "./survey-results.js";

const TOPICS = [
  { code: "PITCH", title: "Pitching" },
  { code: "NEGOT", title: "Negotiation" },
  { code: "CV", title: "CV and interviews" },
];
const tally = (nodeId: string, respondents: number, pitch: number, negot: number, cv: number) => ({ nodeId, respondents, points: { PITCH: pitch, NEGOT: negot, CV: cv } });

describe("survey results under the minimum group size", () => {
  it("shows nothing while fewer than the minimum answered in all", () => {
    expect(surveyResults(TOPICS, [tally("hst", 2, 6, 4, 2), tally("zcu", 2, 2, 4, 6)], 5)).toEqual({ shown: false, respondents: null, topics: [], groups: [] });
  });

  it("shows the totals and merges the nodes below the minimum, most points first (the office's order between equals)", () => {
    const results = surveyResults(TOPICS, [tally("hst", 5, 15, 10, 5), tally("zcu", 3, 3, 6, 9), tally("unilu", 2, 2, 4, 6)], 5);
    expect(results.respondents).toBe(10);
    expect(results.topics.map((topic) => [topic.code, topic.points])).toEqual([
      ["PITCH", 20],
      ["NEGOT", 20],
      ["CV", 20],
    ]);
    expect(results.groups.map(({ nodeIds, merged, respondents }) => ({ nodeIds, merged, respondents }))).toEqual([
      { nodeIds: ["hst"], merged: false, respondents: 5 },
      { nodeIds: ["unilu", "zcu"], merged: true, respondents: 5 },
    ]);
  });

  it("merges the smallest node above the minimum too when the small ones together stay below it, so no small group follows from the totals", () => {
    const results = surveyResults(TOPICS, [tally("hst", 6, 18, 12, 6), tally("othaw", 7, 7, 14, 21), tally("zcu", 1, 1, 2, 3)], 5);
    expect(results.groups.map(({ nodeIds, respondents }) => ({ nodeIds, respondents }))).toEqual([
      { nodeIds: ["othaw"], respondents: 7 },
      { nodeIds: ["hst", "zcu"], respondents: 7 },
    ]);
    expect(results.groups.every((group) => group.respondents >= 5)).toBe(true);
  });
});
