/**
 * The exact core: the most rows placed, then the least total cost, rows going
 * to capacitated columns (mentees to mentors, or mentor slots to mentees).
 * Successive shortest augmenting paths — the Hungarian method in the
 * Jonker–Volgenant / Crouse form: Dijkstra on reduced costs, one row inserted
 * at a time — with capacitated columns instead of one column per unit.
 *
 * ## The objective, exactly
 * Give every row i a private column "unplaced_i" that only i may use, at cost
 * (1, 0); an allowed pair (i, j) costs (0, c_ij) with c_ij the negated score.
 * Costs live in ℤ × ℝ ordered lexicographically. Sending every row to exactly
 * one column (column j at most capacity[j] times) is the same as choosing a
 * matching, and its cost is (number unplaced, −total score). Its
 * lexicographic minimum is the most pairs and, among those, the largest total
 * — the objective exactly, with no "big M" penalty: the count is an integer in
 * its own component and never shares a float with the scores.
 *
 * ## Why the result is optimal
 * The method needs only +, − and ≤ of an ordered abelian group, and ℤ × ℝ is
 * one. Invariants, for row potentials u and column potentials v (private
 * columns keep v = 0, see below), over every inserted row i:
 *  (a) u_i + v_j ≤ c_ij for every allowed pair, and u_i ≤ (1, 0);
 *  (b) equality on i's own column (its column, or (1, 0) when unplaced);
 *  (c) v_j ≤ 0, and v_j < 0 only for a column that is full.
 * For any other assignment A' of the inserted rows with loads l'_j ≤ cap_j,
 *   cost(A') ≥ Σ u_i + Σ_j l'_j·v_j ≥ Σ u_i + Σ_j cap_j·v_j = cost(A)
 * (first by (a), then v_j ≤ 0, then (b) and (c) for A). Inserting row r runs
 * Dijkstra from r over reduced costs c_ij − u_i − v_j ≥ 0 (matched pairs cost
 * 0) up to the nearest column that can take one more row: a column below
 * capacity, or the private column of a row reached on the way (that row is
 * then unplaced; r's own means "r stays unplaced"). Augmenting along that path
 * and shifting u, v by (final distance − label) of every scanned node restores
 * (a)–(c): the textbook proof, unchanged. A column below capacity is only ever
 * a path's end, so its v stays 0, and a full column stays full. A private
 * column is only ever a path's end too (no other row can enter it), so its
 * potential stays 0 and needs no storage. The greedy start (each row on its
 * cheapest column while there is room, u_i = that cost, v = 0) satisfies
 * (a)–(c) as well.
 *
 * ## Arithmetic
 * The count component is int32 arithmetic and exact, and Dijkstra pops in
 * non-decreasing count order whatever the float component does, so the number
 * of pairs is exactly maximum. The score component is float64, like any
 * floating-point assignment solver: exact for integer scores while sums stay
 * below 2^53, otherwise optimal up to the rounding of those sums.
 *
 * ## Cost
 * One Dijkstra per row the greedy start could not place, each O(E + m·p) for
 * E allowed pairs, m columns and p columns popped (selection scans the open
 * columns, the right choice for dense rows); worst case O(n·(E + m²)), far
 * less in practice because a search stops at the first column with room — how
 * far depends on how close v starts to the final duals, which is what the
 * price offsets of optimal-assignment.ts are for. Memory is O(n + m + E).
 */
import type { UnitProblem } from "./allowed-pairs.js";

/** The column of a row that has none. */
export const UNPLACED = -1;

const UNSEEN = 0;
const OPEN = 1;
const POPPED = 2;
const NO_PATH = 0x7fffffff;

/** Which rows to take first: `order` lists every row once; the greedy start only tries the first `likely` of them. */
export interface RowOrder {
  order: Int32Array;
  likely: number;
}

/**
 * For each row unit, its column or {@link UNPLACED}, optimal for `cost` (the
 * problem's own costs unless given; same indexing as `problem.lines.cost`).
 * Any row order gives an optimum, but rows likely to stay unplaced are best
 * kept out of the greedy start and inserted last, where they are turned away
 * quickly instead of displacing others. Deterministic: no randomness, ties go
 * to the first candidate.
 */
export function assignRows(problem: UnitProblem, cost: Float64Array = problem.lines.cost, rowOrder?: RowOrder): Int32Array {
  const assignment = new LexicographicAssignment(problem, cost);
  const { order, likely } = rowOrder ?? { order: identityOrder(problem.rows), likely: problem.rows };
  const waiting = assignment.placeGreedily(order.subarray(0, likely));
  for (const row of waiting) assignment.insert(row);
  for (const row of order.subarray(likely)) assignment.insert(row);
  return assignment.columnOf;
}

function identityOrder(size: number): Int32Array {
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  return order;
}

/**
 * The state of the method. A class rather than closures: its methods are
 * shared by every solve, so V8 keeps one optimised copy of the hot loops.
 */
class LexicographicAssignment {
  private readonly line: Int32Array;
  private readonly start: Int32Array;
  private readonly target: Int32Array;
  private readonly cost: Float64Array;
  private readonly capacity: Int32Array;

  // The rows of column j sit in slotRow[slotStart[j] … slotStart[j] + load[j] − 1].
  readonly columnOf: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly slotStart: Int32Array;
  private readonly slotRow: Int32Array;
  private readonly load: Int32Array;

  // Potentials u (rows) and v (columns), each a pair (count part, score part).
  private readonly uCount: Int32Array;
  private readonly uScore: Float64Array;
  private readonly vCount: Int32Array;
  private readonly vScore: Float64Array;

  // One search: column labels, the row each label came from, the open and
  // popped columns, the scanned rows, and the best private column reached.
  private readonly state: Uint8Array;
  private readonly labelCount: Int32Array;
  private readonly labelScore: Float64Array;
  private readonly via: Int32Array;
  private readonly open: Int32Array;
  private readonly popped: Int32Array;
  private readonly scanned: Int32Array;
  private openSize = 0;
  private poppedSize = 0;
  private scannedSize = 0;
  private bestCount = NO_PATH;
  private bestScore = 0;
  private bestRow = -1;

  constructor(problem: UnitProblem, cost: Float64Array) {
    const { rows, columns } = problem;
    this.line = problem.line;
    this.start = problem.lines.start;
    this.target = problem.lines.target;
    this.cost = cost;
    this.capacity = problem.capacity;
    this.columnOf = new Int32Array(rows).fill(UNPLACED);
    this.slotOf = new Int32Array(rows).fill(-1);
    this.slotStart = new Int32Array(columns + 1);
    for (let j = 0; j < columns; j++) this.slotStart[j + 1] = this.slotStart[j]! + this.capacity[j]!;
    this.slotRow = new Int32Array(this.slotStart[columns]!);
    this.load = new Int32Array(columns);
    this.uCount = new Int32Array(rows);
    this.uScore = new Float64Array(rows);
    this.vCount = new Int32Array(columns);
    this.vScore = new Float64Array(columns);
    this.state = new Uint8Array(columns);
    this.labelCount = new Int32Array(columns);
    this.labelScore = new Float64Array(columns);
    this.via = new Int32Array(columns);
    this.open = new Int32Array(columns);
    this.popped = new Int32Array(columns);
    this.scanned = new Int32Array(rows);
  }

  /** Each of `rows` on its cheapest column (one with room on ties) while there is room; returns the rows left, in order. */
  placeGreedily(rows: Int32Array): number[] {
    const { line, start, target, cost, capacity, load, columnOf, slotOf, slotStart, slotRow, uScore } = this;
    const waiting: number[] = [];
    for (const i of rows) {
      let pick = -1;
      for (let e = start[line[i]!]!, end = start[line[i]! + 1]!; e < end; e++) {
        if (pick < 0 || cost[e]! < cost[pick]! || (cost[e]! === cost[pick]! && load[target[pick]!]! >= capacity[target[pick]!]!)) pick = e;
      }
      const j = pick < 0 ? -1 : target[pick]!;
      if (j >= 0 && load[j]! < capacity[j]!) {
        uScore[i] = cost[pick]!;
        columnOf[i] = j;
        slotOf[i] = slotStart[j]! + load[j]!;
        slotRow[slotOf[i]!] = i;
        load[j]!++;
      } else {
        waiting.push(i);
      }
    }
    return waiting;
  }

  /** Insert row r: one shortest augmenting path, new potentials, the augmentation. */
  insert(r: number): void {
    const { capacity, load, slotStart, slotRow, open, state, popped, labelCount, labelScore } = this;
    this.uCount[r] = 0;
    this.uScore[r] = 0;
    this.openSize = this.poppedSize = this.scannedSize = 0;
    this.bestCount = NO_PATH;
    this.scan(r, 0, 0); // sets best* to r's private column: (1, 0)
    let sink = -1;
    let distCount: number;
    let distScore: number;
    for (;;) {
      const t = this.nearestOpen();
      const j = t < 0 ? -1 : open[t]!;
      // A private column wins ties: with many equal scores, stopping at the first equally short path saves whole searches.
      if (j < 0 || labelCount[j]! > this.bestCount || (labelCount[j]! === this.bestCount && labelScore[j]! >= this.bestScore)) {
        distCount = this.bestCount;
        distScore = this.bestScore;
        break;
      }
      open[t] = open[--this.openSize]!;
      state[j] = POPPED;
      popped[this.poppedSize++] = j;
      if (load[j]! < capacity[j]!) {
        sink = j;
        distCount = labelCount[j]!;
        distScore = labelScore[j]!;
        break;
      }
      for (let slot = slotStart[j]!, end = slot + load[j]!; slot < end; slot++) this.scan(slotRow[slot]!, labelCount[j]!, labelScore[j]!);
    }
    this.shiftPotentials(r, distCount, distScore);
    this.augment(r, sink);
  }

  /** Relax row i's pairs (and its private column), i reached at distance (count, score). */
  private scan(i: number, count: number, score: number): void {
    const { start, target, cost, state, open, labelCount, labelScore, via, vCount, vScore } = this;
    this.scanned[this.scannedSize++] = i;
    const baseCount = count - this.uCount[i]!;
    const baseScore = score - this.uScore[i]!;
    if (baseCount + 1 < this.bestCount || (baseCount + 1 === this.bestCount && baseScore < this.bestScore)) {
      this.bestCount = baseCount + 1;
      this.bestScore = baseScore;
      this.bestRow = i;
    }
    let openSize = this.openSize;
    for (let e = start[this.line[i]!]!, end = start[this.line[i]! + 1]!; e < end; e++) {
      const j = target[e]!;
      const seen = state[j]!;
      if (seen === POPPED) continue;
      const reachCount = baseCount - vCount[j]!;
      const reachScore = baseScore + cost[e]! - vScore[j]!;
      if (seen === UNSEEN) {
        state[j] = OPEN;
        open[openSize++] = j;
      } else if (reachCount > labelCount[j]! || (reachCount === labelCount[j]! && reachScore >= labelScore[j]!)) {
        continue;
      }
      labelCount[j] = reachCount;
      labelScore[j] = reachScore;
      via[j] = i;
    }
    this.openSize = openSize;
  }

  /** The open column nearest to the search, a column with room winning ties; its position in `open`, or -1. */
  private nearestOpen(): number {
    const { open, labelCount, labelScore, load, capacity } = this;
    let best = -1;
    let count = 0;
    let score = 0;
    let hasRoom = false;
    for (let t = 0, size = this.openSize; t < size; t++) {
      const j = open[t]!;
      const c = labelCount[j]!;
      const s = labelScore[j]!;
      if (best < 0 || c < count || (c === count && (s < score || (s === score && !hasRoom && load[j]! < capacity[j]!)))) {
        best = t;
        count = c;
        score = s;
        hasRoom = load[j]! < capacity[j]!;
      }
    }
    return best;
  }

  /** Shift u and v by (distance − label) for everything scanned or popped, restoring (a)–(c); clear the search marks. */
  private shiftPotentials(r: number, distCount: number, distScore: number): void {
    const { scanned, popped, open, state, columnOf, labelCount, labelScore, uCount, uScore, vCount, vScore } = this;
    uCount[r] = distCount;
    uScore[r] = distScore;
    for (let t = 1; t < this.scannedSize; t++) {
      const i = scanned[t]!;
      const j = columnOf[i]!;
      uCount[i]! += distCount - labelCount[j]!;
      uScore[i]! += distScore - labelScore[j]!;
    }
    for (let t = 0; t < this.poppedSize; t++) {
      const j = popped[t]!;
      vCount[j]! -= distCount - labelCount[j]!;
      vScore[j]! -= distScore - labelScore[j]!;
      state[j] = UNSEEN;
    }
    for (let t = 0; t < this.openSize; t++) state[open[t]!] = UNSEEN;
  }

  /** Move rows back along the `via` path from its end: `sink`, or when -1 the private column of `bestRow`. */
  private augment(r: number, sink: number): void {
    const { columnOf, slotOf, slotRow, via } = this;
    let j: number;
    let slot: number;
    if (sink >= 0) {
      j = sink;
      slot = this.slotStart[j]! + this.load[j]!;
      this.load[j]!++;
    } else {
      const unplaced = this.bestRow;
      if (unplaced === r) return;
      j = columnOf[unplaced]!;
      slot = slotOf[unplaced]!;
      columnOf[unplaced] = UNPLACED;
      slotOf[unplaced] = -1;
    }
    for (;;) {
      const i = via[j]!;
      const fromColumn = columnOf[i]!;
      const fromSlot = slotOf[i]!;
      columnOf[i] = j;
      slotOf[i] = slot;
      slotRow[slot] = i;
      if (i === r) return;
      j = fromColumn;
      slot = fromSlot;
    }
  }
}
