/**
 * The demo's persistent embedded PostgreSQL. A launcher killed with SIGKILL
 * cannot stop its postmaster; the next launch, once it holds the data
 * directory's lock and every check has passed, stops that orphan and starts
 * its own (see checkBeforeStart).
 */
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { startEmbeddedPostgres, type PostgresServer } from "@tandem/party/embedded-postgres";
import { isProcessAlive } from "./lock.js";

export interface LaunchedPostgres {
  server: PostgresServer;
  /** The postmaster's pid while it runs. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 5_000;

export interface Postmaster {
  pid: number;
  /** The port it listens on, when its postmaster.pid names one. */
  port: number | undefined;
}

/** The postmaster running on `clusterDir`, from its postmaster.pid file (pid on line 1, port on line 4). */
export function postmasterOf(clusterDir: string): Postmaster | undefined {
  const pidFile = `${clusterDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid) || !isPostgresProcess(pid)) return undefined;
  const port = Number.parseInt(lines[3] ?? "", 10);
  return { pid, port: Number.isInteger(port) && port > 0 ? port : undefined };
}

/** Pid of a postmaster running on `clusterDir`. */
export function runningPostmaster(clusterDir: string): number | undefined {
  return postmasterOf(clusterDir)?.pid;
}

function isPostgresProcess(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync("/proc/self")) return true;
  try {
    return readFileSync(cmdline, "utf8").includes("postgres");
  } catch {
    return false;
  }
}

/**
 * Stops a postmaster left behind by a launcher that died; SIGINT is
 * PostgreSQL's fast shutdown (committed work is kept). Call it only while
 * holding the data directory's lock: then no launcher owns that postmaster.
 */
export async function stopOrphanedPostmaster(clusterDir: string, report: (line: string) => void): Promise<void> {
  const pid = runningPostmaster(clusterDir);
  if (pid === undefined) return;
  report(`Stopping PostgreSQL left running by an earlier launch (pid ${pid})…`);
  process.kill(pid, "SIGINT");
  if (await waitForExit(pid, 10_000)) return;
  process.kill(pid, "SIGQUIT");
  if (!(await waitForExit(pid, 5_000))) throw new Error(`PostgreSQL (pid ${pid}) on ${clusterDir} does not stop; stop it by hand`);
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await delay(100);
  }
  return !isProcessAlive(pid);
}

/** Fatal problems only; a Ctrl-C in the terminal reaches PostgreSQL too, and it then ends every connection. */
function isWorthShowing(line: string): boolean {
  return /\b(FATAL|PANIC):/.test(line) && !line.includes("terminating connection due to administrator command");
}

/** Starts the cluster; call checkBeforeStart and stopOrphanedPostmaster first. */
export async function launchPostgres(clusterDir: string, port: number, logFile: string, report: (line: string) => void, fast = false): Promise<LaunchedPostgres> {
  const log = createWriteStream(logFile, { flags: "a" });
  let stopping = false;
  const server = await startEmbeddedPostgres({
    clusterDir,
    port,
    persistent: true,
    fast,
    onLog: (text) => {
      log.write(text.endsWith("\n") ? text : `${text}\n`);
      if (stopping) return;
      for (const line of text.split("\n")) if (isWorthShowing(line)) report(`[postgres] ${line.trim()}`);
    },
  }).catch((error: unknown) => {
    log.end();
    throw new Error(`PostgreSQL did not start on port ${port} (${String(error ?? "it exited")}); see ${logFile}`);
  });
  const pid = runningPostmaster(clusterDir);
  return {
    server,
    get pid() {
      return stopping ? undefined : pid;
    },
    stop: async () => {
      stopping = true;
      const stopped = await Promise.race([server.stop().then(() => true), delay(STOP_TIMEOUT_MS, false, { ref: false })]);
      if (!stopped && pid !== undefined && isProcessAlive(pid)) {
        process.kill(pid, "SIGQUIT");
        await waitForExit(pid, 2_000);
      }
      log.end();
    },
  };
}
