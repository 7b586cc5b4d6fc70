/** Small statistics of the gateway benchmark: medians over repetitions, costs per request, what /proc says about memory and load. */
import { readFileSync, writeFileSync } from "node:fs";

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Median, least and most of the repetitions' values; null when no repetition measured it. */
export function spread(values: readonly (number | null)[]): Spread | null {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length === 0) return null;
  return { median: median(known)!, min: Math.min(...known), max: Math.max(...known) };
}

/** CPU milliseconds per request between two readings; null when a reading is missing or nothing was answered. */
export function perRequest(beforeMs: number | null, afterMs: number | null, requests: number): number | null {
  if (beforeMs === null || afterMs === null || requests <= 0) return null;
  return (afterMs - beforeMs) / requests;
}

/** A field of /proc/<pid>/status in bytes (VmHWM, VmRSS: given in kB); null when absent. */
export function statusBytes(status: string, field: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, "m").exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** The 1-, 5- and 15-minute load averages of /proc/loadavg. */
export function parseLoadAverage(text: string): [number, number, number] {
  const [one, five, fifteen] = text.trim().split(/\s+/).map(Number);
  if (![one, five, fifteen].every((value) => Number.isFinite(value))) throw new Error(`unreadable load average: ${text}`);
  return [one!, five!, fifteen!];
}

export function loadAverage(): [number, number, number] | null {
  try {
    return parseLoadAverage(readFileSync("/proc/loadavg", "utf8"));
  } catch {
    return null;
  }
}

/**
 * Starts a new peak-memory window for a process: writing 5 to clear_refs
 * resets its VmHWM to its current resident size (Linux, own or root's
 * processes). False when it cannot: the peak is then the process's lifetime's.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

export function peakRssBytes(pid: number): number | null {
  try {
    return statusBytes(readFileSync(`/proc/${pid}/status`, "utf8"), "VmHWM");
  } catch {
    return null;
  }
}

/** Rounds for reports: 2 decimals below 10, 1 below 100, whole numbers above. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 100 : Math.abs(value) < 100 ? 10 : 1;
  return Math.round(value * digits) / digits;
}
