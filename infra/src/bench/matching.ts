/**
 * Benchmark of the optimal assignment solver (issue 5):
 * `node infra/dist/bench/matching.js [--quick] [--no-reference]`.
 * Generated instances from 10×10 to 2000 mentees × 1000 mentors of capacity 2,
 * dense, sparse and structured; each runs in a fresh Node process (with
 * --expose-gc) so that its memory figures are its own, and SciPy solves the
 * same instance side by side when the machine has it. Writes
 * infra/bench/results/matching.json and matching.md. `--quick` stops at
 * 500 × 250 (a smoke test); `--no-reference` skips SciPy.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { solveAssignment, type AssignmentInstance } from "@tandem/coordination";
import { REPO_ROOT } from "../paths.js";
import { benchCases, generateCase, type BenchCase } from "./matching-instances.js";
import { describeReference, median, runReference } from "./matching-reference.js";
import { describeMachine, TARGET_MS, writeResults, type CaseResult, type OurRun } from "./matching-report.js";

const MB = 2 ** 20;
const CASE_TIMEOUT_MS = 20 * 60_000;

const args = process.argv.slice(2);
if (args[0] === "--case") {
  process.stdout.write(`${JSON.stringify(runCase(JSON.parse(args[1]!) as BenchCase, args.includes("--reference")))}\n`);
} else {
  main();
}

function main(): void {
  const quick = args.includes("--quick");
  const reference = args.includes("--no-reference") ? { available: false, description: "skipped (--no-reference)" } : describeReference();
  const cases = benchCases().filter((spec) => !quick || spec.mentees <= 500);
  const results: CaseResult[] = [];
  console.log(`matching benchmark: ${cases.length} instances; reference: ${reference.description}`);
  for (const spec of cases) {
    const flags = reference.available ? ["--reference"] : [];
    const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--case", JSON.stringify(spec), ...flags], {
      encoding: "utf8",
      timeout: CASE_TIMEOUT_MS,
      maxBuffer: 16 * MB,
    });
    if (child.status !== 0) {
      console.error(`${spec.name}: failed (${child.error?.message ?? `exit ${child.status}`})\n${child.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as CaseResult;
    results.push(result);
    console.log(summary(result));
  }
  const written = writeResults(join(REPO_ROOT, "infra/bench/results"), {
    benchmark: "matching-solver",
    date: new Date().toISOString(),
    command: `node infra/dist/bench/matching.js${args.length ? ` ${args.join(" ")}` : ""}`,
    machine: describeMachine(),
    reference: reference.description,
    targetMs: TARGET_MS,
    cases: results,
  });
  if (results.some((result) => result.agrees === false)) {
    console.error("the solver and the reference disagree on at least one instance");
    process.exitCode = 1;
  }
  console.log(`wrote ${written.json} and ${written.markdown}`);
}

/** In the child process: one instance, measured alone. */
function runCase(spec: BenchCase, withReference: boolean): CaseResult {
  const instance = generateCase(spec);
  const ours = measureOurs(instance);
  const reference = withReference ? runReference(instance, ours.runsMs.length, CASE_TIMEOUT_MS) : null;
  const agrees = reference === null || "error" in reference ? null : reference.matched === ours.matched && Math.abs(reference.total - ours.total) <= 1e-6 * Math.max(1, Math.abs(ours.total));
  return { spec, allowedPairs: countAllowed(instance), ours, reference, agrees };
}

function measureOurs(instance: AssignmentInstance): OurRun {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS;
  let started = performance.now();
  const result = solveAssignment(instance);
  const runsMs = [performance.now() - started];
  const after = process.memoryUsage();
  const peakAfter = process.resourceUsage().maxRSS;
  const runs = runsMs[0]! < 1_000 ? 5 : 3;
  while (runsMs.length < runs) {
    started = performance.now();
    solveAssignment(instance);
    runsMs.push(performance.now() - started);
  }
  return {
    matched: result.matched,
    total: result.total,
    runsMs,
    medianMs: median(runsMs),
    allocatedMb: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB,
    peakRssDeltaMb: (peakAfter - peakBefore) / 1024,
  };
}

function countAllowed(instance: AssignmentInstance): number {
  let count = 0;
  for (const row of instance.score) for (const value of row) if (value !== null) count++;
  return count;
}

function summary(result: CaseResult): string {
  const { spec, ours, reference } = result;
  const theirs =
    reference === null ? "" : "error" in reference ? `, reference failed: ${reference.error}` : `, SciPy ${reference.medianMs.toFixed(1)} ms, same optimum: ${result.agrees ? "yes" : "NO"}`;
  const target = spec.mentees === 2000 && spec.mentors === 1000 ? (ours.medianMs <= TARGET_MS ? " (target met)" : " (target MISSED)") : "";
  return `${spec.name}: matched ${ours.matched}, total ${ours.total.toFixed(2)}, ${ours.medianMs.toFixed(1)} ms${target}${theirs}`;
}
