import { menteeRows, restrictPairs, slotRows, type UnitProblem } from "./allowed-pairs.js";
import type { AssignmentInstance } from "./assignment.types.js";
import { assignRows, UNPLACED } from "./lexicographic-assignment.js";
import { splitByMaximumMatchings } from "./matching-parts.js";
import { maximumMatching } from "./maximum-matching.js";
import { runPriceAuction } from "./price-auction.js";

/**
 * For each mentee, the index of its mentor or -1: the most matched mentees,
 * then the largest total score.
 *
 * The exact core (lexicographic-assignment.ts) is right for any costs, but its
 * speed depends on how far the final column prices are from zero: when some
 * mentors are better for everyone, every insertion has to search through
 * them. A warm start fixes that, and it is exact by this argument:
 *
 *   If every maximum matching uses every unit of the column side, subtracting
 *   a constant o_j from each cost of column j changes the cost of every
 *   maximum matching by the same Σ_j o_j·capacity_j. The count is untouched,
 *   so the lexicographic optimum — the best total among maximum matchings —
 *   is the same set of matchings.
 *
 * A maximum matching (Hopcroft–Karp) splits the problem into two independent
 * parts (matching-parts.ts): one where every maximum matching fills every
 * mentor, solved with mentees as rows and offsets per mentor; one where every
 * maximum matching matches every mentee, solved the other way round — a row
 * per mentor slot, mentees as columns — with offsets per mentee. The offsets
 * are the dual values of an ε-scaling auction on the transposed part (its rows are
 * our columns), which also says which rows to insert last. Finally the number
 * of pairs must equal the maximum matching's: an independent check.
 */
export function assignMentees(instance: AssignmentInstance): Int32Array {
  const byMentee = menteeRows(instance);
  const byMentor = slotRows(byMentee);
  const matching = maximumMatching(byMentee);
  const parts = splitByMaximumMatchings(byMentee, byMentor, matching);
  const mentorOf = new Int32Array(byMentee.rows).fill(UNPLACED);

  if (parts.fullColumns.rows.includes(1)) {
    const part = restrictPairs(byMentee, parts.fullColumns.rows, parts.fullColumns.columns);
    const mentorOfMentee = solveWithOffsets(part, part === byMentee ? byMentor : slotRows(part));
    for (let i = 0; i < byMentee.rows; i++) if (parts.fullColumns.rows[i]) mentorOf[i] = mentorOfMentee[i]!;
  }
  if (parts.matchedRows.rows.includes(1)) {
    const part = restrictPairs(byMentee, parts.matchedRows.rows, parts.matchedRows.columns);
    const bySlot = part === byMentee ? byMentor : slotRows(part);
    const menteeOfSlot = solveWithOffsets(bySlot, part);
    for (let slot = 0; slot < bySlot.rows; slot++) if (menteeOfSlot[slot] !== UNPLACED) mentorOf[menteeOfSlot[slot]!] = bySlot.line[slot]!;
  }

  let matched = 0;
  for (const mentor of mentorOf) if (mentor !== UNPLACED) matched++;
  if (matched !== matching.size) throw new Error(`assignment solver: ${matched} pairs, but a maximum matching has ${matching.size} (a bug)`);
  return mentorOf;
}

/**
 * `problem` (every maximum matching fills its columns) solved with column
 * offsets from an auction on `transposed`, whose lines are `problem`'s columns
 * and whose columns are `problem`'s lines. Rows whose line the auction left
 * unsold are kept out of the greedy start and inserted last.
 */
function solveWithOffsets(problem: UnitProblem, transposed: UnitProblem): Int32Array {
  const { lineValue, held } = runPriceAuction(transposed);
  const { target, cost } = problem.lines;
  const shifted = new Float64Array(cost.length);
  for (let e = 0; e < cost.length; e++) shifted[e] = cost[e]! - lineValue[target[e]!]!;
  const sold: number[] = [];
  const unsold: number[] = [];
  const soldLeft = held.slice();
  for (let r = 0; r < problem.rows; r++) {
    const line = problem.line[r]!;
    if (soldLeft[line]! > 0) {
      soldLeft[line]!--;
      sold.push(r);
    } else unsold.push(r);
  }
  return assignRows(problem, shifted, { order: Int32Array.from([...sold, ...unsold]), likely: sold.length });
}
