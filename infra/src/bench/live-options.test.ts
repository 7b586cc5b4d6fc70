import { describe, expect, it } from "vitest";
import { DEFAULT_OUT_DIR, parseLiveBenchArgs, UsageError } from "./live-options.js";

describe("bench:live arguments", () => {
  it("default to 1,000 / 5,000 / 10,000 clients, 5 mutations a second for 20 s", () => {
    expect(parseLiveBenchArgs([])).toMatchObject({
      help: false,
      options: { clients: [1000, 5000, 10000], rate: 5, duration: 20, connectBatch: 100, outDir: DEFAULT_OUT_DIR, cpuProfDir: null, gatewayNodeOptions: null },
    });
  });

  it("read every flag", () => {
    const command = parseLiveBenchArgs([
      "--clients",
      "10, 20",
      "--rate",
      "2.5",
      "--duration",
      "3",
      "--connect-batch",
      "50",
      "--workers",
      "1",
      "--out",
      "/tmp/out",
      "--cpu-prof",
      "/tmp/prof",
      "--gateway-node-options=--max-semi-space-size=32",
    ]);
    expect(command).toEqual({
      help: false,
      options: { clients: [10, 20], rate: 2.5, duration: 3, connectBatch: 50, workers: 1, outDir: "/tmp/out", cpuProfDir: "/tmp/prof", gatewayNodeOptions: "--max-semi-space-size=32" },
    });
    expect(parseLiveBenchArgs(["-h"])).toEqual({ help: true });
  });

  it("refuse what they cannot use", () => {
    expect(() => parseLiveBenchArgs(["--clients", "10,abc"])).toThrow(UsageError);
    expect(() => parseLiveBenchArgs(["--clients", ""])).toThrow(/at least one/);
    expect(() => parseLiveBenchArgs(["--rate", "0"])).toThrow(/--rate/);
    expect(() => parseLiveBenchArgs(["--workers", "1.5"])).toThrow(/whole number/);
    expect(() => parseLiveBenchArgs(["--unknown"])).toThrow(UsageError);
  });
});
