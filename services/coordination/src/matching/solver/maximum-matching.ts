import type { UnitProblem } from "./allowed-pairs.js";

const UNREACHED = 0x7fffffff;

/** A maximum matching: the column of each row, or -1, and how many rows have one. */
export interface MaximumMatching {
  size: number;
  columnOf: Int32Array;
}

/**
 * A maximum matching (most rows placed, scores ignored), by Hopcroft–Karp:
 * breadth-first layers from the free rows up to the first column with room,
 * then vertex-disjoint augmenting paths along the layers by an iterative
 * depth-first search. O(E·√V). The solver uses it to split the problem into
 * parts where one side is used completely (see matching-parts.ts).
 */
export function maximumMatching(problem: UnitProblem): MaximumMatching {
  const { rows, line, columns, capacity } = problem;
  const { start, target } = problem.lines;
  const columnOf = new Int32Array(rows).fill(-1);
  const slotStart = new Int32Array(columns + 1);
  for (let c = 0; c < columns; c++) slotStart[c + 1] = slotStart[c]! + capacity[c]!;
  const slotRow = new Int32Array(slotStart[columns]!);
  const load = new Int32Array(columns);
  const place = (r: number, c: number, slot: number): void => {
    columnOf[r] = c;
    slotRow[slot] = r;
  };

  let size = 0;
  for (let r = 0; r < rows; r++) {
    for (let e = start[line[r]!]!, end = start[line[r]! + 1]!; e < end; e++) {
      const c = target[e]!;
      if (load[c]! < capacity[c]!) {
        place(r, c, slotStart[c]! + load[c]!++);
        size++;
        break;
      }
    }
  }

  const layer = new Int32Array(rows);
  const queue = new Int32Array(rows);
  const stackRow = new Int32Array(rows);
  const stackEdge = new Int32Array(rows);
  const stackSlot = new Int32Array(rows);

  /** Layers from the free rows; the layer at which a column with room is first reached, or UNREACHED. */
  const buildLayers = (): number => {
    let head = 0;
    let tail = 0;
    for (let r = 0; r < rows; r++) {
      if (columnOf[r] === -1) {
        layer[r] = 0;
        queue[tail++] = r;
      } else layer[r] = UNREACHED;
    }
    let limit = UNREACHED;
    while (head < tail) {
      const x = queue[head++]!;
      if (layer[x]! >= limit) break;
      for (let e = start[line[x]!]!, end = start[line[x]! + 1]!; e < end; e++) {
        const c = target[e]!;
        if (load[c]! < capacity[c]!) {
          limit = layer[x]!;
          continue;
        }
        for (let s = slotStart[c]!, stop = s + load[c]!; s < stop; s++) {
          const y = slotRow[s]!;
          if (layer[y] === UNREACHED) {
            layer[y] = layer[x]! + 1;
            queue[tail++] = y;
          }
        }
      }
    }
    return limit;
  };

  /** One augmenting path from free row `root` along the layers; true when the matching grew. */
  const augmentFrom = (root: number, limit: number): boolean => {
    let top = 0;
    stackRow[0] = root;
    stackEdge[0] = start[line[root]!]!;
    stackSlot[0] = 0;
    while (top >= 0) {
      const x = stackRow[top]!;
      const e = stackEdge[top]!;
      if (e >= start[line[x]! + 1]!) {
        layer[x] = UNREACHED; // a dead end for the rest of this phase
        top--;
        if (top >= 0) stackSlot[top]!++;
        continue;
      }
      const c = target[e]!;
      if (load[c]! < capacity[c]!) {
        place(x, c, slotStart[c]! + load[c]!++);
        for (let k = top - 1; k >= 0; k--) place(stackRow[k]!, target[stackEdge[k]!]!, slotStart[target[stackEdge[k]!]!]! + stackSlot[k]!);
        return true;
      }
      const s = stackSlot[top]!;
      if (s >= load[c]! || layer[x]! >= limit) {
        stackEdge[top]!++;
        stackSlot[top] = 0;
        continue;
      }
      const y = slotRow[slotStart[c]! + s]!;
      if (layer[y] === layer[x]! + 1) {
        top++;
        stackRow[top] = y;
        stackEdge[top] = start[line[y]!]!;
        stackSlot[top] = 0;
      } else stackSlot[top]!++;
    }
    return false;
  };

  for (;;) {
    const limit = buildLayers();
    if (limit === UNREACHED) return { size, columnOf };
    for (let r = 0; r < rows; r++) if (columnOf[r] === -1 && layer[r] === 0 && augmentFrom(r, limit)) size++;
  }
}
