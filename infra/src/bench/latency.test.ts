import { describe, expect, it } from "vitest";
import { concatSamples, summarizeLatencies } from "./latency.js";

describe("latency summaries", () => {
  it("take nearest-rank percentiles", () => {
    const samples = Float64Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(summarizeLatencies(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
  });

  it("handle one sample and none", () => {
    expect(summarizeLatencies(Float64Array.of(7))).toMatchObject({ p50: 7, p99: 7, max: 7 });
    expect(summarizeLatencies(new Float64Array(0))).toBeNull();
  });

  it("join recorders' samples", () => {
    expect([...concatSamples([Float64Array.of(1, 2), new Float64Array(0), Float64Array.of(3)])]).toEqual([1, 2, 3]);
  });
});
