/**
 * What anyone who may read a survey sees of its nodes' sums, under the
 * consortium's minimum group size: nothing until at least the minimum
 * answered in all; then the cohort's totals and its nodes' sums, each node
 * of fewer respondents merged with the others below the minimum — and, when
 * that merged group would still be too small, with the smallest node above
 * it, so no group below the minimum can be worked out from the totals by
 * subtraction.
 */
import type { SurveyTopicClaim } from "@tandem/shared";

export interface NodeTally {
  nodeId: string;
  respondents: number;
  points: Readonly<Record<string, number>>;
}

export interface TopicScore {
  code: string;
  title: string;
  points: number;
}

export interface ResultGroup {
  nodeIds: string[];
  merged: boolean;
  respondents: number;
  /** Topics by points, most first (the office's order between equals). */
  topics: TopicScore[];
}

export interface SurveyResults {
  /** False while fewer than the minimum answered in all: no count is shown. */
  shown: boolean;
  respondents: number | null;
  topics: TopicScore[];
  groups: ResultGroup[];
}

export function surveyResults(topics: readonly SurveyTopicClaim[], tallies: readonly NodeTally[], minimumGroupSize: number): SurveyResults {
  const withAnswers = tallies.filter((tally) => tally.respondents > 0);
  const total = sum(withAnswers);
  if (total.respondents < minimumGroupSize) return { shown: false, respondents: null, topics: [], groups: [] };
  const large = withAnswers.filter((tally) => tally.respondents >= minimumGroupSize).sort((a, b) => a.respondents - b.respondents || a.nodeId.localeCompare(b.nodeId));
  const small = withAnswers.filter((tally) => tally.respondents < minimumGroupSize);
  if (small.length > 0 && sum(small).respondents < minimumGroupSize && large.length > 0) small.push(large.shift()!);
  const groups = large.sort((a, b) => a.nodeId.localeCompare(b.nodeId)).map((tally) => group(topics, [tally]));
  if (small.length > 0) groups.push(group(topics, small));
  return { shown: true, respondents: total.respondents, topics: scores(topics, total.points), groups };
}

function group(topics: readonly SurveyTopicClaim[], tallies: readonly NodeTally[]): ResultGroup {
  const total = sum(tallies);
  return { nodeIds: tallies.map((tally) => tally.nodeId).sort(), merged: tallies.length > 1, respondents: total.respondents, topics: scores(topics, total.points) };
}

function sum(tallies: readonly NodeTally[]): { respondents: number; points: Record<string, number> } {
  const points: Record<string, number> = {};
  for (const tally of tallies) for (const [code, value] of Object.entries(tally.points)) points[code] = (points[code] ?? 0) + value;
  return { respondents: tallies.reduce((count, tally) => count + tally.respondents, 0), points };
}

function scores(topics: readonly SurveyTopicClaim[], points: Readonly<Record<string, number>>): TopicScore[] {
  return topics
    .map((topic, order) => ({ code: topic.code, title: topic.title, points: points[topic.code] ?? 0, order }))
    .sort((a, b) => b.points - a.points || a.order - b.order)
    .map(({ order: _order, ...score }) => score);
}
