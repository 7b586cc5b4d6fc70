/** Latency summaries: nearest-rank percentiles over every recorded delivery. */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Sorts `samples` in place. Null when there is none. */
export function summarizeLatencies(samples: Float64Array): LatencySummary | null {
  if (samples.length === 0) return null;
  samples.sort();
  let sum = 0;
  for (const sample of samples) sum += sample;
  const rank = (p: number) => samples[Math.min(samples.length - 1, Math.max(0, Math.ceil((p / 100) * samples.length) - 1))]!;
  return { count: samples.length, p50: rank(50), p95: rank(95), p99: rank(99), max: samples[samples.length - 1]!, mean: sum / samples.length };
}

/** Joins the samples of several recorders into one array. */
export function concatSamples(parts: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}
