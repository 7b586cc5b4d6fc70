import type { AssignmentInstance, AssignmentPair, AssignmentResult } from "./assignment.types.js";
import { validateInstance } from "./assignment.validation.js";
import { assignMentees } from "./optimal-assignment.js";

/**
 * An optimal assignment: the most matched mentees, then the largest total
 * score (optimal-assignment.ts and lexicographic-assignment.ts give the method
 * and its proof). Validates first and throws {@link InvalidInstanceError} on a
 * malformed instance. The same input always gives the same pairs, in mentee
 * order; `total` adds the chosen scores in that order.
 */
export function solveAssignment(instance: AssignmentInstance): AssignmentResult {
  validateInstance(instance);
  const mentorOf = assignMentees(instance);
  const pairs: AssignmentPair[] = [];
  let total = 0;
  for (let i = 0; i < mentorOf.length; i++) {
    const j = mentorOf[i]!;
    if (j < 0) continue;
    pairs.push([instance.mentees[i]!, instance.mentors[j]!.id]);
    total += instance.score[i]![j]!;
  }
  return { pairs, matched: pairs.length, total };
}
