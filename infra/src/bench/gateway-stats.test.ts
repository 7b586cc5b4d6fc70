import { describe, expect, it } from "vitest";
import { median, parseLoadAverage, perRequest, peakRssBytes, resetPeakRss, round, spread, statusBytes } from "./gateway-stats.js";

describe("the gateway benchmark's statistics", () => {
  it("take the median of odd and even counts without reordering the input", () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("spread repetitions, leaving out those that measured nothing", () => {
    expect(spread([3, null, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(spread([null, Number.NaN])).toBeNull();
  });

  it("divide CPU time by the requests answered, or say they cannot", () => {
    expect(perRequest(1_000, 1_450, 300)).toBe(1.5);
    expect(perRequest(null, 1_450, 300)).toBeNull();
    expect(perRequest(1_000, 1_450, 0)).toBeNull();
  });

  it("read memory fields of /proc/<pid>/status in bytes", () => {
    const status = "Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  236080 kB\nVmRSS:\t  120000 kB\n";
    expect(statusBytes(status, "VmHWM")).toBe(236_080 * 1024);
    expect(statusBytes(status, "VmRSS")).toBe(120_000 * 1024);
    expect(statusBytes(status, "VmSwap")).toBeNull();
  });

  it("read the load averages", () => {
    expect(parseLoadAverage("0.52 1.07 2.30 3/331 20218\n")).toEqual([0.52, 1.07, 2.3]);
    expect(() => parseLoadAverage("")).toThrow(/unreadable/);
  });

  it.runIf(process.platform === "linux")("read this process's peak memory, and restart its window where the kernel allows", () => {
    const before = peakRssBytes(process.pid)!;
    expect(before).toBeGreaterThan(10 * 1024 * 1024);
    // the window restarts at the current resident size, which may have grown by a few pages since `before` was read
    if (resetPeakRss(process.pid)) expect(peakRssBytes(process.pid)!).toBeLessThanOrEqual(before + 1024 * 1024);
  });

  it("round to what a report needs", () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(12.345)).toBe(12.3);
    expect(round(123.45)).toBe(123);
  });
});
