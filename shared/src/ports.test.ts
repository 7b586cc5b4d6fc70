/** Needs `npm run build` (a second process imports dist/ports.js). */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { FETCH_BLOCKED_PORTS, freePort } from "./ports.js";

const DIST_PORTS = new URL("../dist/ports.js", import.meta.url).href;
const EACH = 300;

/** Another process that reserves `count` ports, prints them and keeps them until its stdin closes. */
async function portsOfAnotherProcess(count: number): Promise<{ ports: number[]; exit: () => Promise<void> }> {
  const script = `const { freePort } = await import(${JSON.stringify(DIST_PORTS)});
const ports = [];
for (let i = 0; i < ${count}; i++) ports.push(await freePort());
console.log(JSON.stringify(ports));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const line = (await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()).value as string;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { ports: JSON.parse(line) as number[], exit: () => (child.stdin.end(), exited) };
}

describe("freePort", () => {
  it("hands out ports below the kernel's ephemeral range, fetch() may use and nothing listens on", async () => {
    const ephemeralLow = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").split(/\s+/)[0]);
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) {
      expect(port).toBeLessThan(ephemeralLow);
      expect(FETCH_BLOCKED_PORTS.has(port)).toBe(false);
      const server = createServer();
      await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("never gives two living processes the same port, even one nobody listens on", async () => {
    const other = await portsOfAnotherProcess(EACH);
    try {
      const ours = [];
      for (let i = 0; i < EACH; i++) ours.push(await freePort());
      expect(other.ports).toHaveLength(EACH);
      expect(ours.filter((port) => other.ports.includes(port))).toEqual([]);
    } finally {
      await other.exit();
    }
  });
});
