/**
 * `npm start`: the one-command demo. Runs until Ctrl-C or SIGTERM, then stops
 * every process it started within 10 s.
 */
import { launchConsortium } from "../launcher/launch.js";
import type { Consortium } from "../launcher/consortium.js";
import { parseStartArgs, START_USAGE, UsageError } from "./args.js";
import { formatSummary } from "./summary.js";

const FORCED_EXIT_MS = 10_000;
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

async function main(): Promise<void> {
  const command = parseStartArgs(process.argv.slice(2), process.env);
  if (command.help) {
    process.stdout.write(START_USAGE);
    return;
  }
  const abort = new AbortController();
  let consortium: Consortium | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) {
      console.error("Stopping took too long or was asked twice; exiting now.");
      process.exit(1);
    }
    stopping = true;
    console.log("\nStopping…");
    abort.abort();
    setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref();
    consortium?.stop().then(() => process.exit(0), fail);
  };
  // The launcher orders shutdown itself: services first, then PostgreSQL.
  for (const signal of SIGNALS) process.on(signal, stop);
  try {
    consortium = await launchConsortium({ ...command.options, signal: abort.signal });
  } catch (error) {
    if (abort.signal.aborted) process.exit(0);
    throw error;
  }
  if (stopping) return void consortium.stop().then(() => process.exit(0), fail);
  console.log(formatSummary(consortium, command.options.dev));
}

function fail(error: unknown): never {
  console.error(error instanceof UsageError ? `${error.message}\n\n${START_USAGE}` : error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
}

main().catch(fail);
