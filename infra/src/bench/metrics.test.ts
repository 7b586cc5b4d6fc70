import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { machineCpuMs, parsePrometheus, processCpuMs, processTreeCpuMs, valueOf, valuesBy } from "./metrics.js";

const TEXT = `# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes{service="gateway"} 123456789
tandem_upstream_subscriptions{party="hst",service="gateway"} 1
tandem_upstream_subscriptions{party="zcu",service="gateway"} 0
tandem_live_subscriptions 42
`;

describe("metrics", () => {
  it("read samples of the Prometheus text format", () => {
    const samples = parsePrometheus(TEXT);
    expect(valueOf(samples, "process_resident_memory_bytes")).toBe(123456789);
    expect(valueOf(samples, "tandem_live_subscriptions")).toBe(42);
    expect(valueOf(samples, "tandem_upstream_subscriptions", { party: "zcu" })).toBe(0);
    expect(valuesBy(samples, "tandem_upstream_subscriptions", "party")).toEqual({ hst: 1, zcu: 0 });
    expect(() => valueOf(samples, "tandem_upstream_subscriptions", { party: "ul" })).toThrow(/no sample/);
  });

  it.runIf(process.platform === "linux")("read CPU time from /proc: a process, a process and its children, the machine", () => {
    const own = processCpuMs(process.pid)!;
    expect(own).toBeGreaterThan(0);
    expect(processTreeCpuMs(process.pid)).toBeGreaterThanOrEqual(own);
    expect(machineCpuMs()).toBeGreaterThanOrEqual(own);
    expect(processCpuMs(2 ** 30)).toBeNull();
  });

  it.runIf(process.platform === "linux")("keep a child's CPU time in the tree's total after the child has exited", () => {
    const before = processTreeCpuMs(process.pid)!;
    // a child that spins for 300 ms of CPU, then exits and is reaped
    spawnSync(process.execPath, ["-e", "const end = process.cpuUsage().user + 300000; while (process.cpuUsage().user < end);"]);
    expect(processTreeCpuMs(process.pid)! - before).toBeGreaterThanOrEqual(250);
  });
});
