/**
 * One child process of the launcher: a service's `migrate` step or its
 * long-running `serve`. Output goes to the party's log file; warnings and
 * errors also reach the console with a `[party]` prefix.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { consoleLineFor } from "./child-output.js";
import type { PartySpec } from "./party.js";

export type StopSignal = "SIGTERM" | "SIGKILL";

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Grace before a child that ignores SIGTERM is killed. */
export const STOP_GRACE_MS = 6_000;

interface SpawnedChild {
  child: ChildProcess;
  exited: Promise<ExitStatus>;
}

function spawnChild(spec: PartySpec, args: string[], logFile: string, report: (line: string) => void, stopping = () => false): SpawnedChild {
  const log = createWriteStream(logFile, { flags: "a" });
  // The IPC channel lets the child notice when the launcher dies (see exitWithParent).
  const child = spawn(process.execPath, [spec.script, ...args], { env: spec.env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  log.write(`--- ${new Date().toISOString()} ${args.join(" ") || "start"} (pid ${child.pid ?? "?"}) ---\n`);
  for (const stream of ["stdout", "stderr"] as const) {
    const source = child[stream]!;
    source.pipe(log, { end: false });
    createInterface({ input: source, crlfDelay: Infinity }).on("line", (line) => {
      const shown = consoleLineFor(spec.id, line, stream, stopping());
      if (shown) report(shown);
    });
  }
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once("error", (error) => {
      log.end(`spawn failed: ${error.message}\n`);
      resolve({ code: -1, signal: null });
    });
    child.once("close", (code, signal) => {
      log.end();
      resolve({ code, signal });
    });
  });
  return { child, exited };
}

/** Runs a one-shot command (e.g. `migrate`) to completion; throws if it fails. */
export async function runToCompletion(spec: PartySpec, command: string, logFile: string, report: (line: string) => void): Promise<void> {
  const { exited } = spawnChild(spec, [command], logFile, report);
  const status = await exited;
  if (status.code !== 0) {
    throw new Error(`${spec.id}: \`${command}\` failed (${describeExit(status)}); see its errors above and ${logFile}`);
  }
}

export class ServiceProcess {
  private current: SpawnedChild | undefined;
  private stopping = false;

  constructor(
    readonly spec: PartySpec,
    readonly logFile: string,
    private readonly report: (line: string) => void,
  ) {}

  get pid(): number | undefined {
    return this.current?.child.pid;
  }

  get running(): boolean {
    const child = this.current?.child;
    return Boolean(child && child.exitCode === null && child.signalCode === null);
  }

  /** Resolves when the current process exits (immediately when none runs). */
  get exited(): Promise<ExitStatus> {
    return this.current?.exited ?? Promise.resolve({ code: null, signal: null });
  }

  start(command = "serve"): void {
    if (this.running) throw new Error(`${this.spec.id} is already running (pid ${this.pid})`);
    this.stopping = false;
    const spawned = spawnChild(this.spec, [command], this.logFile, this.report, () => this.stopping);
    this.current = spawned;
    void spawned.exited.then((status) => {
      if (!this.stopping && this.current === spawned) {
        this.report(`[${this.spec.id}] exited unexpectedly (${describeExit(status)}); see ${this.logFile}`);
      }
    });
  }

  /** SIGTERM waits for a graceful exit and kills after `graceMs`; SIGKILL kills at once. */
  async stop(signal: StopSignal = "SIGTERM", graceMs = STOP_GRACE_MS): Promise<void> {
    const spawned = this.current;
    if (!spawned || !this.running) return;
    this.stopping = true;
    spawned.child.kill(signal);
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
    if ((await Promise.race([spawned.exited, timer])) === "timeout") {
      this.report(`[${this.spec.id}] did not stop within ${graceMs} ms; killing it`);
      spawned.child.kill("SIGKILL");
      await spawned.exited;
    }
  }
}

export function describeExit(status: ExitStatus): string {
  if (status.signal) return `signal ${status.signal}`;
  return status.code === -1 ? "could not be spawned" : `exit code ${status.code}`;
}
