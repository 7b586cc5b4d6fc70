/**
 * The native reference for the matching benchmark: SciPy's
 * linear_sum_assignment (a C++ shortest augmenting path solver) on the same
 * instance, mentors expanded into one column per slot. It has no "most pairs
 * first" rule, so the lexicographic objective goes in by the textbook cost
 * transform: a private column per mentee at cost BIG = 2·n·max|score| + 1, and
 * −score on allowed pairs (forbidden pairs cost +∞). One more matched mentee
 * saves BIG, more than any difference of totals (at most 2·n·max|score|), so
 * the minimum is the most matched mentees, then the largest total.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AssignmentInstance } from "@tandem/coordination";

export interface ReferenceRun {
  matched: number;
  total: number;
  runsMs: number[];
  medianMs: number;
  /** Peak resident memory of the Python process, matrix included. */
  peakRssMb: number;
}

export interface ReferenceInfo {
  available: boolean;
  /** Versions when available, why not otherwise. */
  description: string;
}

const PYTHON = "python3";

const SCRIPT = String.raw`
import json, resource, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
path, n, m, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
data = np.fromfile(path, dtype=np.float64)
capacity = data[:m].astype(np.int64)
score = data[m:].reshape(n, m)
allowed = ~np.isnan(score)
largest = float(np.abs(score[allowed]).max()) if allowed.any() else 0.0
big = 2 * n * largest + 1
slot_mentor = np.repeat(np.arange(m), capacity)
slots = len(slot_mentor)
cost = np.full((n, slots + n), np.inf)
expanded = -score[:, slot_mentor]
expanded[np.isnan(expanded)] = np.inf
cost[:, :slots] = expanded
cost[np.arange(n), slots + np.arange(n)] = big
times = []
for _ in range(runs):
    started = time.perf_counter()
    rows, cols = linear_sum_assignment(cost)
    times.append((time.perf_counter() - started) * 1000)
    if sum(times) > 10000:
        break
real = cols < slots
total = float(score[rows[real], slot_mentor[cols[real]]].sum())
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"matched": int(real.sum()), "total": total, "runsMs": times, "peakRssMb": peak}))
`;

export function describeReference(): ReferenceInfo {
  const probe = spawnSync(PYTHON, ["-c", "import numpy, scipy, sys; print(f'SciPy {scipy.__version__}, NumPy {numpy.__version__}, Python {sys.version.split()[0]}')"], {
    encoding: "utf8",
  });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : probe.stderr.trim().split("\n").pop();
    return { available: false, description: `no native reference: ${PYTHON} with SciPy is not available (${why})` };
  }
  return { available: true, description: `scipy.optimize.linear_sum_assignment (${probe.stdout.trim()})` };
}

/** Solve `instance` up to `runs` times with SciPy (fewer once 10 s are spent), or why it failed. */
export function runReference(instance: AssignmentInstance, runs: number, timeoutMs: number): ReferenceRun | { error: string } {
  const n = instance.mentees.length;
  const m = instance.mentors.length;
  const data = new Float64Array(m + n * m);
  instance.mentors.forEach((mentor, j) => (data[j] = mentor.capacity));
  instance.score.forEach((row, i) => row.forEach((value, j) => (data[m + i * m + j] = value ?? Number.NaN)));
  const directory = mkdtempSync(join(tmpdir(), "matching-bench-"));
  try {
    const file = join(directory, "instance.f64");
    writeFileSync(file, data);
    const child = spawnSync(PYTHON, ["-c", SCRIPT, file, String(n), String(m), String(runs)], { encoding: "utf8", timeout: timeoutMs, maxBuffer: 1 << 20 });
    if (child.error) return { error: child.error.message };
    if (child.status !== 0) return { error: child.stderr.trim().split("\n").pop() ?? `exit ${child.status}` };
    const parsed = JSON.parse(child.stdout) as Omit<ReferenceRun, "medianMs">;
    return { ...parsed, medianMs: median(parsed.runsMs) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
