/** Command-line options of `npm run bench:live`, validated with node:util's parseArgs. */
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../paths.js";

export class UsageError extends Error {}

export interface LiveBenchOptions {
  /** Subscriber counts, one run each, in order. */
  clients: number[];
  /** Mutations per second during the measured stream. */
  rate: number;
  /** Seconds the measured stream lasts. */
  duration: number;
  /** Connections each client worker opens at a time. */
  connectBatch: number;
  /** Worker threads the clients are spread over. */
  workers: number;
  /** Where the results files go. */
  outDir: string;
  /** Write a V8 CPU profile of the gateway into this directory (see cpu-profile-preload). */
  cpuProfDir: string | null;
  /** Extra Node options for the gateway process (NODE_OPTIONS), e.g. V8 heap settings. */
  gatewayNodeOptions: string | null;
}

export const DEFAULT_OUT_DIR = join(REPO_ROOT, "infra/bench/results");

const DEFAULTS = { clients: "1000,5000,10000", rate: "5", duration: "20", connectBatch: "100" };
const defaultWorkers = () => Math.max(1, Math.min(4, availableParallelism()));

export const LIVE_BENCH_USAGE = `Usage: npm run bench:live -- [options]

Launches its own consortium (embedded PostgreSQL, nodes hst and zcu, the
coordination service, the gateway; free ports, a throw-away data directory),
then for each client count: opens that many graphql-ws clients, each with its
own participant token, subscribed to consortiumEvents; streams updateEvent
mutations at a fixed rate through the gateway; and reports event-to-delivery
latency, lost deliveries, gateway memory per subscription and the upstream
subscriptions it holds. Stops everything at the end, also on failure or Ctrl-C.

Options:
  --clients <list>       comma-separated subscriber counts (default ${DEFAULTS.clients})
  --rate <n>             mutations per second (default ${DEFAULTS.rate})
  --duration <s>         seconds of the mutation stream per run (default ${DEFAULTS.duration})
  --connect-batch <n>    connections each worker opens at a time (default ${DEFAULTS.connectBatch})
  --workers <n>          worker threads carrying the clients (default min(4, cores) = ${defaultWorkers()})
  --out <dir>            results directory (default infra/bench/results)
  --cpu-prof <dir>       write a CPU profile of the gateway into <dir> (.cpuprofile)
  --gateway-node-options=<flags>
                         NODE_OPTIONS for the gateway, e.g. --gateway-node-options=--max-semi-space-size=32
  -h, --help             show this help
`;

export type LiveBenchCommand = { help: true } | { help: false; options: LiveBenchOptions };

export function parseLiveBenchArgs(argv: string[]): LiveBenchCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        clients: { type: "string" },
        rate: { type: "string" },
        duration: { type: "string" },
        "connect-batch": { type: "string" },
        workers: { type: "string" },
        out: { type: "string" },
        "cpu-prof": { type: "string" },
        "gateway-node-options": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const text = (name: string, fallback: string) => (values[name] as string | undefined) ?? fallback;
  const clients = text("clients", DEFAULTS.clients)
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => positiveInteger("--clients", part, 100_000));
  if (clients.length === 0) throw new UsageError("--clients needs at least one count");
  const cpuProf = values["cpu-prof"] as string | undefined;
  return {
    help: false,
    options: {
      clients,
      rate: positiveNumber("--rate", text("rate", DEFAULTS.rate), 1_000),
      duration: positiveNumber("--duration", text("duration", DEFAULTS.duration), 3_600),
      connectBatch: positiveInteger("--connect-batch", text("connect-batch", DEFAULTS.connectBatch), 10_000),
      workers: positiveInteger("--workers", text("workers", String(defaultWorkers())), 64),
      outDir: resolve(text("out", DEFAULT_OUT_DIR)),
      cpuProfDir: cpuProf === undefined ? null : resolve(cpuProf),
      gatewayNodeOptions: (values["gateway-node-options"] as string | undefined)?.trim() || null,
    },
  };
}

function positiveNumber(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new UsageError(`${flag} must be a number above 0 and at most ${max}, not "${text}"`);
  return value;
}

function positiveInteger(flag: string, text: string, max: number): number {
  const value = positiveNumber(flag, text, max);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} must be a whole number, not "${text}"`);
  return value;
}
