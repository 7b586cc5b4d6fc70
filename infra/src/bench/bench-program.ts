/**
 * What every benchmark command shares: `--help`, a first Ctrl-C that
 * unwinds the run (a second one exits at once), the release of everything
 * it started (consortium, throw-away data directory) whatever happens, and
 * a usage error answered with the usage (exit 2).
 */
import { rmSync } from "node:fs";
import type { Consortium } from "../launcher/consortium.js";
import { dataDirLayout } from "../launcher/data-dir.js";
import { UsageError } from "./live-options.js";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const FORCED_EXIT_MS = 30_000;

export const log = (line: string) => process.stdout.write(`${line}\n`);

/** What a benchmark started, released when it ends. */
export interface BenchResources {
  dataDir?: string;
  consortium?: Consortium;
}

export interface BenchProgram<O, R extends BenchResources> {
  usage: string;
  parse(argv: string[]): { help: true } | { help: false; options: O };
  benchmark(options: O, resources: R, signal: AbortSignal): Promise<void>;
  /** On the first Ctrl-C, besides aborting: e.g. rejecting whatever waits on the clients, so the run unwinds at once. */
  interrupt?(resources: R): void;
  /** Released before the consortium stops (e.g. client workers). */
  release?(resources: R): Promise<void>;
}

/** Runs the program as this process's command and exits with its code. */
export function runBenchProgram<O, R extends BenchResources>(program: BenchProgram<O, R>): void {
  main(program).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof UsageError ? `${error.message}\n\n${program.usage}` : error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}

async function main<O, R extends BenchResources>(program: BenchProgram<O, R>): Promise<number> {
  const command = program.parse(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(program.usage);
    return 0;
  }
  const abort = new AbortController();
  const resources = {} as R;
  const onSignal = () => {
    if (abort.signal.aborted) process.exit(130);
    log("\nStopping…");
    abort.abort(new Error("interrupted"));
    setTimeout(() => process.exit(130), FORCED_EXIT_MS).unref();
    program.interrupt?.(resources);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    await program.benchmark(command.options, resources, abort.signal);
    return 0;
  } catch (error) {
    if (abort.signal.aborted) return 130;
    throw error;
  } finally {
    await program.release?.(resources).catch(() => undefined);
    await release(resources);
  }
}

async function release(resources: BenchResources): Promise<void> {
  if (resources.consortium) {
    log("▸ Stopping the consortium");
    await resources.consortium.stop().catch((error: unknown) => log(`  ! stopping failed: ${String(error)}`));
  }
  if (resources.dataDir) {
    rmSync(dataDirLayout(resources.dataDir).clusterDir, { recursive: true, force: true });
    rmSync(resources.dataDir, { recursive: true, force: true });
  }
}
