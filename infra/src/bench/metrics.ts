/** What the benchmark reads about the processes under test: Prometheus samples and CPU time. */
import { readdirSync, readFileSync } from "node:fs";

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Samples of a Prometheus text exposition (comments skipped). */
export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

export class MetricsReader {
  constructor(private readonly metricsUrl: string) {}

  async read(): Promise<Sample[]> {
    const response = await fetch(this.metricsUrl, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${this.metricsUrl} answered HTTP ${response.status}`);
    return parsePrometheus(await response.text());
  }

  /** The value of `name` (the first sample, or the one with every label of `labels`). */
  async value(name: string, labels: Record<string, string> = {}): Promise<number> {
    return valueOf(await this.read(), name, labels);
  }
}

export function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  const sample = samples.find((candidate) => candidate.name === name && Object.entries(labels).every(([key, value]) => candidate.labels[key] === value));
  if (!sample) throw new Error(`no sample ${name}${JSON.stringify(labels)}`);
  return sample.value;
}

/** Every value of `name` by the value of its label `label`. */
export function valuesBy(samples: readonly Sample[], name: string, label: string): Record<string, number> {
  return Object.fromEntries(samples.filter((sample) => sample.name === name && label in sample.labels).map((sample) => [sample.labels[label]!, sample.value]));
}

const CLOCK_TICKS_PER_SECOND = 100;
const ticksToMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;

/** Fields of /proc/<pid>/stat after "pid (comm) ": index 0 is field 3 (state). */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used, in ms; null where /proc cannot tell (not Linux, gone). */
export function processCpuMs(pid: number): number | null {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15
  return fields ? ticksToMs(Number(fields[11]) + Number(fields[12])) : null;
}

/**
 * CPU time of a process and its direct children (PostgreSQL: the postmaster
 * and its backends), in ms: the living children's, and the children that
 * have exited and been reaped (cutime, cstime), so that the total never
 * falls when a backend ends.
 */
export function processTreeCpuMs(pid: number): number | null {
  const fields = statFields(pid);
  if (!fields) return null;
  // utime, stime, cutime, cstime are fields 14–17
  let total = ticksToMs(Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === pid) total += ticksToMs(Number(fields[11]) + Number(fields[12]));
  }
  return total;
}

/** CPU time every process of the machine has used (all cores, from /proc/stat), in ms; null off Linux. */
export function machineCpuMs(): number | null {
  try {
    const total = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1, 9).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is inside user): busy is all but idle and iowait
    return ticksToMs(total.reduce((sum, value) => sum + value, 0) - total[3]! - total[4]!);
  } catch {
    return null;
  }
}
