/**
 * A launcher killed with SIGKILL leaves its PostgreSQL running. The next
 * start checks the lock and every port first: a port someone else holds is
 * reported (port, party, holder, --port) and nothing is stopped; once the
 * ports are free, the leftover PostgreSQL is replaced on its port.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { freePort } from "@tandem/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../paths.js";
import { dataDirLayout } from "./data-dir.js";
import { launchConsortium } from "./launch.js";
import { isProcessAlive, liveLock } from "./lock.js";
import { isPortFree } from "./port-check.js";
import { runningPostmaster } from "./postgres.js";

let dataDir: string;
let base: number;
let leftover: number;

/** A gateway port whose layout (n, n+99, n+100, n+101 for hst) is free. */
async function freeBase(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const layout = [port + 99, port + 100, port + 101];
    if (port + 105 <= 65_535 && (await Promise.all(layout.map(isPortFree))).every(Boolean)) return port;
  }
}

/** Runs `npm start`'s script until the consortium is up, then kills it with SIGKILL. */
async function startAndKillLauncher(): Promise<void> {
  const args = ["infra/dist/cli/start.js", "--data-dir", dataDir, "--port", String(base), "--nodes", "hst", "--no-seed", "--log-level", "warn"];
  const launcher = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    launcher.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ctrl-C stops everything")) resolve();
    });
    launcher.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    launcher.once("exit", (code) => reject(new Error(`the launcher exited (${code}) before it was up:\n${output}`)));
  });
  await ready;
  const exited = new Promise((resolve) => launcher.once("exit", resolve));
  launcher.kill("SIGKILL");
  await exited;
}

async function waitUntilFree(ports: number[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.all(ports.map(isPortFree))).every(Boolean)) {
    if (Date.now() > deadline) throw new Error(`ports ${ports.join(", ")} still taken after ${timeoutMs} ms`);
    await delay(200);
  }
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "tandem-killed-launcher-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  base = await freeBase();
  await startAndKillLauncher();
  await waitUntilFree([base, base + 100, base + 101]); // the services follow their launcher; PostgreSQL stays
  leftover = runningPostmaster(dataDirLayout(dataDir).clusterDir)!;
}, 120_000);

afterAll(async () => {
  if (leftover && isProcessAlive(leftover)) process.kill(leftover, "SIGINT");
  await delay(500);
  rmSync(dataDirLayout(dataDir).clusterDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe("starting again after the launcher was killed", () => {
  it("leaves its PostgreSQL running on its port", () => {
    expect(leftover).toBeGreaterThan(0);
    expect(isProcessAlive(leftover)).toBe(true);
  });

  it("reports a port held by someone else, with its party, its holder and --port, and stops nothing", async () => {
    const squatter = await listen(base);
    const log: string[] = [];
    try {
      const start = launchConsortium({ dataDir, port: base, nodes: ["hst"], seed: false, log: (line) => log.push(line) });
      await expect(start).rejects.toThrow(`port ${base} (gateway) is held by pid ${process.pid}`);
      await expect(start).rejects.toThrow(/nothing was started or stopped[\s\S]*--port <n>/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    expect(isProcessAlive(leftover)).toBe(true);
    expect(runningPostmaster(dataDirLayout(dataDir).clusterDir)).toBe(leftover);
    expect(log).toEqual([]);
    expect(liveLock(dataDirLayout(dataDir).lockFile)).toBeUndefined();
  });

  it("then, with its ports free, replaces the leftover PostgreSQL on the same port and keeps the data", async () => {
    const log: string[] = [];
    const consortium = await launchConsortium({ dataDir, port: base, nodes: ["hst"], seed: false, gateway: false, logLevel: "warn", log: (line) => log.push(line) });
    try {
      expect(log).toContain(`Stopping PostgreSQL left running by an earlier launch (pid ${leftover})…`);
      expect(isProcessAlive(leftover)).toBe(false);
      expect(consortium.postgres.port).toBe(base + 99);
      expect(consortium.postgres.pid).not.toBe(leftover);
      expect(log.some((line) => line.includes("created database"))).toBe(false); // the killed launch's databases are still there
    } finally {
      await consortium.stop();
    }
    expect(existsSync(dataDirLayout(dataDir).lockFile)).toBe(false);
  }, 90_000);
});
