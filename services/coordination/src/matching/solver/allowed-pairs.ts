import type { AssignmentInstance } from "./assignment.types.js";

/**
 * Scores of one side against the other, compressed sparse rows: line ℓ may
 * pair with `target[e]` at `cost[e]` (the negated score) for
 * `start[ℓ] ≤ e < start[ℓ + 1]`, targets ascending. Forbidden pairs are
 * absent, so no penalty constant ever enters the arithmetic.
 */
export interface PairLines {
  lineCount: number;
  start: Int32Array;
  target: Int32Array;
  cost: Float64Array;
}

/**
 * An assignment problem in units: row unit r has the pairs of line `line[r]`
 * and takes one column or none; column c takes at most `capacity[c]` rows.
 * Two orientations of the same instance use it: mentees as rows and mentors
 * as capacitated columns, or one row per mentor slot and mentees as columns.
 */
export interface UnitProblem {
  rows: number;
  line: Int32Array;
  lines: PairLines;
  columns: number;
  capacity: Int32Array;
}

/**
 * Mentees as rows, mentors as columns. Pairs with a mentor of capacity 0 are
 * dropped, and a capacity is cut to the number of mentees allowed with the
 * mentor: more slots could never fill.
 */
export function menteeRows(instance: AssignmentInstance): UnitProblem {
  const rows = instance.mentees.length;
  const columns = instance.mentors.length;
  const open = instance.mentors.map((mentor) => mentor.capacity > 0);
  const start = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    const row = instance.score[i]!;
    let count = 0;
    for (let j = 0; j < columns; j++) if (row[j] !== null && open[j]) count++;
    start[i + 1] = start[i]! + count;
  }
  const target = new Int32Array(start[rows]!);
  const cost = new Float64Array(start[rows]!);
  const allowed = new Int32Array(columns);
  for (let i = 0, e = 0; i < rows; i++) {
    const row = instance.score[i]!;
    for (let j = 0; j < columns; j++) {
      const score = row[j];
      if (score === null || score === undefined || !open[j]) continue;
      target[e] = j;
      cost[e] = 0 - score; // not -score: a score of 0 must not become -0
      allowed[j]!++;
      e++;
    }
  }
  const capacity = new Int32Array(columns);
  for (let j = 0; j < columns; j++) capacity[j] = Math.min(instance.mentors[j]!.capacity, allowed[j]!);
  return { rows, line: identity(rows), lines: { lineCount: rows, start, target, cost }, columns, capacity };
}

/**
 * The same pairs with one row per mentor slot (capacity[j] rows share mentor
 * j's line) and mentees as columns: capacity 1, or 0 for a mentee without
 * pairs.
 */
export function slotRows(byMentee: UnitProblem): UnitProblem {
  const { lines, columns: mentorCount, capacity } = byMentee;
  const start = new Int32Array(mentorCount + 1);
  for (let e = 0; e < lines.target.length; e++) start[lines.target[e]! + 1]!++;
  for (let j = 0; j < mentorCount; j++) start[j + 1]! += start[j]!;
  const next = start.slice(0, mentorCount);
  const target = new Int32Array(lines.target.length);
  const cost = new Float64Array(lines.target.length);
  for (let i = 0; i < lines.lineCount; i++) {
    for (let e = lines.start[i]!; e < lines.start[i + 1]!; e++) {
      const at = next[lines.target[e]!]!++;
      target[at] = i; // mentees visited in ascending order, so each mentor's line is sorted
      cost[at] = lines.cost[e]!;
    }
  }
  let rows = 0;
  for (let j = 0; j < mentorCount; j++) rows += capacity[j]!;
  const line = new Int32Array(rows);
  for (let j = 0, r = 0; j < mentorCount; j++) for (let k = 0; k < capacity[j]!; k++) line[r++] = j;
  const menteeCapacity = new Int32Array(lines.lineCount);
  for (let i = 0; i < lines.lineCount; i++) menteeCapacity[i] = lines.start[i + 1]! > lines.start[i]! ? 1 : 0;
  return { rows, line, lines: { lineCount: mentorCount, start, target, cost }, columns: lines.lineCount, capacity: menteeCapacity };
}

/**
 * `byMentee` keeping only the pairs between the mentees and mentors marked
 * (indices unchanged): other mentees lose their pairs, other mentors get
 * capacity 0. `byMentee` itself when every one is marked.
 */
export function restrictPairs(byMentee: UnitProblem, keepMentee: Uint8Array, keepMentor: Uint8Array): UnitProblem {
  if (!keepMentee.includes(0) && !keepMentor.includes(0)) return byMentee;
  const { lines } = byMentee;
  const start = new Int32Array(lines.lineCount + 1);
  for (let i = 0; i < lines.lineCount; i++) {
    let count = 0;
    if (keepMentee[i]) for (let e = lines.start[i]!; e < lines.start[i + 1]!; e++) if (keepMentor[lines.target[e]!]) count++;
    start[i + 1] = start[i]! + count;
  }
  const target = new Int32Array(start[lines.lineCount]!);
  const cost = new Float64Array(start[lines.lineCount]!);
  for (let i = 0, at = 0; i < lines.lineCount; i++) {
    if (!keepMentee[i]) continue;
    for (let e = lines.start[i]!; e < lines.start[i + 1]!; e++) {
      if (!keepMentor[lines.target[e]!]) continue;
      target[at] = lines.target[e]!;
      cost[at++] = lines.cost[e]!;
    }
  }
  const capacity = byMentee.capacity.map((value, j) => (keepMentor[j] ? value : 0));
  return { ...byMentee, lines: { lineCount: lines.lineCount, start, target, cost }, capacity };
}

function identity(size: number): Int32Array {
  const line = new Int32Array(size);
  for (let i = 0; i < size; i++) line[i] = i;
  return line;
}
