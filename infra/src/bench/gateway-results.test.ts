import { describe, expect, it } from "vitest";
import { formatGatewayMarkdown, spreadText, summarise, type GatewayBenchResults, type RunRecord } from "./gateway-results.js";
import type { LoadMeasurement } from "./load-run.js";

function run(target: string, rep: number, rps: number, gatewayCpu: number, extra: Partial<LoadMeasurement> = {}): RunRecord {
  return {
    part: "one-node",
    scenario: "participant(id)",
    target,
    nodes: 1,
    rep,
    measurement: {
      connections: 10,
      durationSeconds: 10,
      requests: rps * 10,
      requestsPerSecond: rps,
      latencyMs: { p50: 10 + rep, p99: 30, mean: 12, max: 40 },
      non2xx: 0,
      errors: 0,
      timeouts: 0,
      mismatches: 0,
      bytesPerResponse: 400,
      cpuMsPerRequest: { [target === "stock" ? "stock" : "gateway"]: gatewayCpu, nodes: 1.2 },
      peakRssBytes: { [target === "stock" ? "stock" : "gateway"]: 100 * 1024 * 1024 * rep },
      load1: 0.5,
      ...extra,
    },
  };
}

describe("the gateway benchmark's summaries", () => {
  const runs = [run("product", 1, 300, 1.8), run("stock", 1, 330, 1.3), run("product", 2, 310, 2.0, { mismatches: 2 }), run("stock", 2, 320, 1.4), run("product", 3, 290, 1.9)];

  it("group repetitions by scenario, gateway and connections: medians, ranges, the highest memory peak, every bad answer", () => {
    const [product, stock] = summarise(runs);
    expect(product).toMatchObject({ target: "product", reps: 3, requestsPerSecond: { median: 300, min: 290, max: 310 }, p50Ms: { median: 12, min: 11, max: 13 }, badAnswers: 2, answers: 9_000 });
    expect(product!.cpuMsPerRequest.gateway).toEqual({ median: 1.9, min: 1.8, max: 2 });
    expect(product!.peakRssBytes.gateway).toBe(300 * 1024 * 1024);
    expect(stock).toMatchObject({ target: "stock", reps: 2, requestsPerSecond: { median: 325 } });
  });

  it("print medians with their range, and the product's CPU against stock's", () => {
    expect(spreadText({ median: 1.9, min: 1.8, max: 2 })).toBe("1.9 (1.8–2)");
    expect(spreadText({ median: 5, min: 5, max: 5 }, " ms")).toBe("5 ms");
    expect(spreadText(null)).toBe("–");
    const results = {
      date: "d",
      command: "c",
      parameters: { duration: 10, warmUp: 3, reps: 3 },
      machine: { cpuCount: 2, cpuModel: "x", totalMemoryBytes: 2 ** 30, platform: "linux", osRelease: "6", node: "v20" },
      calibration: { start: { ed25519SignUs: 45, jsonParseUs: 12, httpExchangeUs: { client: 40, server: 44 } }, end: null },
      data: {},
      notes: {},
      loadBefore: {},
      failures: [],
      runs,
      summaries: summarise(runs),
    } as unknown as GatewayBenchResults;
    const markdown = formatGatewayMarkdown(results);
    expect(markdown).toContain("| participant(id) | product gateway | 10 | 300 (290–310) | 12 (11–13) | 30 | 1.9 (1.8–2) | 1.41× |");
    expect(markdown).toContain("start / end (compare another day's run only beside these): an Ed25519 signature 45 µs,");
  });
});
