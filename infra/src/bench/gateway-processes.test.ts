import { describe, expect, it } from "vitest";
import { withNodeTotals } from "./gateway-processes.js";
import type { LoadMeasurement } from "./load-run.js";

const measurement = (cpu: Record<string, number | null>): LoadMeasurement => ({
  connections: 10,
  durationSeconds: 10,
  requests: 100,
  requestsPerSecond: 10,
  latencyMs: { p50: 1, p99: 2, mean: 1, max: 3 },
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  mismatches: 0,
  bytesPerResponse: 100,
  cpuMsPerRequest: cpu,
  peakRssBytes: {},
  load1: 0.5,
});

describe("the nodes' CPU per request", () => {
  it("adds the nodes' sum and the mean per node, of all, real and synthetic ones", () => {
    const { cpuMsPerRequest } = withNodeTotals(measurement({ gateway: 2, hst: 3, zcu: 5, syn01: 1, syn02: 2 }), ["hst", "zcu", "syn01", "syn02"], (id) => id.startsWith("syn"));
    expect(cpuMsPerRequest).toMatchObject({ gateway: 2, nodes: 11, "node (mean)": 2.75, "real node (mean)": 4, "synthetic node (mean)": 1.5 });
  });

  it("gives no sum when a node could not be read, and no mean of nothing", () => {
    const { cpuMsPerRequest } = withNodeTotals(measurement({ hst: 3, zcu: null }), ["hst", "zcu"], () => false);
    expect(cpuMsPerRequest).toMatchObject({ nodes: null, "node (mean)": 3, "synthetic node (mean)": null });
  });
});
