import type { AssignmentInstance } from "./assignment.types.js";

/**
 * Test oracle: tries every assignment that respects capacities and forbidden
 * pairs (each mentee unmatched or on any allowed mentor with room) and keeps
 * the most matched, then the largest total. Exponential; small instances only.
 */
export function bruteForceOptimum(instance: AssignmentInstance): { matched: number; total: number } {
  const { mentees, mentors, score } = instance;
  const room = mentors.map((mentor) => mentor.capacity);
  let best = { matched: -1, total: -Infinity };
  const visit = (i: number, matched: number, total: number): void => {
    if (i === mentees.length) {
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    visit(i + 1, matched, total);
    for (let j = 0; j < mentors.length; j++) {
      const pairScore = score[i]![j];
      if (pairScore === null || pairScore === undefined || room[j]! === 0) continue;
      room[j]!--;
      visit(i + 1, matched + 1, total + pairScore);
      room[j]!++;
    }
  };
  visit(0, 0, 0);
  return best;
}
