import type { AssignmentInstance } from "./assignment.types.js";

/**
 * Second test oracle, independent of the solver's method: successive shortest
 * paths by Bellman–Ford on a flow network (source → mentee → mentor → sink),
 * with the textbook "big M" transform: a pair costs −(M + score), so M·matched
 * + total is maximised and, as M exceeds every possible difference of totals,
 * the count comes first. Exact for integer scores only (no float rounding);
 * polynomial, for medium instances the brute force cannot reach.
 */
export function minCostFlowOptimum(instance: AssignmentInstance): { matched: number; total: number } {
  const { mentees, mentors, score } = instance;
  const n = mentees.length;
  const m = mentors.length;
  let largest = 0;
  for (const row of score) for (const value of row) if (value !== null) largest = Math.max(largest, Math.abs(value));
  const bigM = 2 * (n + 1) * (largest + 1);
  const source = n + m;
  const sink = source + 1;
  const to: number[] = [];
  const residual: number[] = [];
  const edgeCost: number[] = [];
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  const addEdge = (from: number, target: number, capacity: number, cost: number): void => {
    out[from]!.push(to.length);
    to.push(target);
    residual.push(capacity);
    edgeCost.push(cost);
    out[target]!.push(to.length);
    to.push(from);
    residual.push(0);
    edgeCost.push(-cost);
  };
  for (let i = 0; i < n; i++) addEdge(source, i, 1, 0);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (score[i]![j] !== null) addEdge(i, n + j, 1, -(bigM + score[i]![j]!));
  for (let j = 0; j < m; j++) addEdge(n + j, sink, mentors[j]!.capacity, 0);

  for (;;) {
    const distance = new Array<number>(sink + 1).fill(Infinity);
    const viaEdge = new Array<number>(sink + 1).fill(-1);
    distance[source] = 0;
    for (let round = 0, changed = true; changed && round <= sink; round++) {
      changed = false;
      for (let node = 0; node <= sink; node++) {
        if (distance[node] === Infinity) continue;
        for (const e of out[node]!) {
          if (residual[e]! > 0 && distance[node]! + edgeCost[e]! < distance[to[e]!]!) {
            distance[to[e]!] = distance[node]! + edgeCost[e]!;
            viaEdge[to[e]!] = e;
            changed = true;
          }
        }
      }
    }
    if (distance[sink] === Infinity || distance[sink]! >= 0) break;
    for (let node = sink; node !== source; node = to[viaEdge[node]! ^ 1]!) {
      residual[viaEdge[node]!]!--;
      residual[viaEdge[node]! ^ 1]!++;
    }
  }

  let matched = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (const e of out[i]!) {
      const j = to[e]! - n;
      if (j >= 0 && j < m && e % 2 === 0 && residual[e] === 0) {
        matched++;
        total += score[i]![j]!;
      }
    }
  }
  return { matched, total };
}
