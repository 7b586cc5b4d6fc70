import type { UnitProblem } from "./allowed-pairs.js";
import type { MaximumMatching } from "./maximum-matching.js";

/**
 * The coarse Dulmage–Mendelsohn (Gallai–Edmonds) split of a bipartite graph
 * with capacitated columns, read off any maximum matching M:
 *  - U: rows reachable by alternating paths from a row M leaves unmatched
 *    (those rows included) — rows some maximum matching leaves unmatched;
 *  - W: columns reachable by alternating paths from a column with room in M —
 *    columns some maximum matching leaves with room.
 * Every maximum matching fills the neighbours of U from U, fills the
 * neighbours of W from W, and matches the remaining rows and columns among
 * themselves; no other pair is in any maximum matching (no pair joins U and W
 * at all: it would close an augmenting path). So the most-pairs-then-best-
 * total problem splits into two independent parts:
 *  - `fullColumns`: rows outside N(W), columns outside W — every maximum
 *    matching of this part fills every column;
 *  - `matchedRows`: rows in N(W), columns in W — every maximum matching of
 *    this part matches every row.
 * Each is a mask over the original rows and columns.
 */
export interface MatchingParts {
  fullColumns: { rows: Uint8Array; columns: Uint8Array };
  matchedRows: { rows: Uint8Array; columns: Uint8Array };
}

/** `columnRows` is the same problem by column: line c lists the rows paired with column c. */
export function splitByMaximumMatchings(problem: UnitProblem, columnRows: UnitProblem, matching: MaximumMatching): MatchingParts {
  const { rows, columns, capacity } = problem;
  const { columnOf } = matching;
  const load = new Int32Array(columns);
  for (let r = 0; r < rows; r++) if (columnOf[r]! >= 0) load[columnOf[r]!]!++;

  // W: from columns with room, across any pair to a row, then along the matching to that row's column.
  const inW = new Uint8Array(columns);
  const nextToW = new Uint8Array(rows);
  const queue = new Int32Array(columns);
  let tail = 0;
  for (let c = 0; c < columns; c++) {
    if (load[c]! < capacity[c]!) {
      inW[c] = 1;
      queue[tail++] = c;
    }
  }
  const { start, target } = columnRows.lines;
  for (let head = 0; head < tail; head++) {
    const c = queue[head]!;
    for (let e = start[c]!; e < start[c + 1]!; e++) {
      const r = target[e]!;
      nextToW[r] = 1;
      const next = columnOf[r]!;
      if (next >= 0 && !inW[next]) {
        inW[next] = 1;
        queue[tail++] = next;
      }
    }
  }

  const notW = inW.map((flag) => 1 - flag);
  const notNextToW = nextToW.map((flag) => 1 - flag);
  return { fullColumns: { rows: notNextToW, columns: notW }, matchedRows: { rows: nextToW, columns: inW } };
}
