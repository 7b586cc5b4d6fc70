import { describe, expect, it } from "vitest";
import { parseGatewayBenchArgs } from "./gateway-options.js";
import { DEFAULT_OUT_DIR, UsageError } from "./live-options.js";

describe("npm run bench:gateway arguments", () => {
  it("default to the issue's measurements", () => {
    expect(parseGatewayBenchArgs([])).toEqual({
      help: false,
      options: {
        duration: 10,
        warmUp: 3,
        reps: 3,
        connections: [10, 50],
        scale: [5, 20, 40],
        parts: ["one-node", "coalescing", "five-node", "delay", "scale"],
        maxLoad: 1.5,
        loadWaitSeconds: 900,
        outDir: DEFAULT_OUT_DIR,
        cpuProfDir: null,
      },
    });
  });

  it("take lists, sorting and deduplicating the scaling series", () => {
    const command = parseGatewayBenchArgs(["--connections", "1, 8", "--scale", "40,5,40", "--parts", "scale,one-node", "--reps", "1", "--warm-up", "0", "--out", "/tmp/r", "--cpu-prof", "/tmp/p"]);
    expect(command.help ? null : command.options).toMatchObject({ connections: [1, 8], scale: [5, 40], parts: ["scale", "one-node"], reps: 1, warmUp: 0, outDir: "/tmp/r", cpuProfDir: "/tmp/p" });
  });

  it("refuse what they cannot measure, naming the option", () => {
    expect(() => parseGatewayBenchArgs(["--scale", "4"])).toThrow(/--scale must be a number from 5 to 60/);
    expect(() => parseGatewayBenchArgs(["--connections", ""])).toThrow(/--connections needs at least one value/);
    expect(() => parseGatewayBenchArgs(["--reps", "1.5"])).toThrow(/--reps must be a whole number/);
    expect(() => parseGatewayBenchArgs(["--duration", "x"])).toThrow(UsageError);
    expect(() => parseGatewayBenchArgs(["--parts", "all"])).toThrow(/--parts takes one-node, coalescing, five-node, delay, scale/);
    expect(() => parseGatewayBenchArgs(["--nodes", "3"])).toThrow(UsageError);
  });

  it("offer help", () => {
    expect(parseGatewayBenchArgs(["-h"])).toEqual({ help: true });
  });
});
