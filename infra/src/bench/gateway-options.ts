/** Command-line options of `npm run bench:gateway`, validated with node:util's parseArgs. */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_OUT_DIR, UsageError } from "./live-options.js";

export const PARTS = ["one-node", "coalescing", "five-node", "delay", "scale"] as const;
export type Part = (typeof PARTS)[number];

/** The real five nodes of the registry; the scaling series adds synthetic ones beside them. */
export const REAL_NODES = 5;
export const MAX_NODES = 60;

export interface GatewayBenchOptions {
  /** Seconds of each measured run. */
  duration: number;
  /** Seconds of load before each measured run, not counted. */
  warmUp: number;
  /** Repetitions of every measurement, interleaved. */
  reps: number;
  /** Concurrent connections of the load generator, one measurement each. */
  connections: number[];
  /** Node counts of the scaling series. */
  scale: number[];
  parts: Part[];
  /** Measuring waits (up to `loadWaitSeconds`) until the machine's 1-minute load is at most this. */
  maxLoad: number;
  loadWaitSeconds: number;
  outDir: string;
  /** Write V8 CPU profiles of the one-node part's extra gateways (COALESCE=off, stock) and of the scaling series' gateway and hst's node here (see cpu-profile-preload). */
  cpuProfDir: string | null;
}

const DEFAULTS = { duration: "10", warmUp: "3", reps: "3", connections: "10,50", scale: "5,20,40", maxLoad: "1.5", loadWait: "900" };

export const GATEWAY_BENCH_USAGE = `Usage: npm run bench:gateway -- [options]

Launches its own consortium (embedded PostgreSQL, nodes, coordination, the
gateway; free ports, a throw-away data directory), grows its data through the
gateway's API (about 1,100 participants, 475 tandems), and measures with
autocannon, interleaved:
  one-node   the product's gateway and stock @apollo/gateway (same version,
             same supergraph, same per-call signing) in front of one node:
             participant(id) and a 200-tandem list with both names
  five-node  the consortium-wide events page; 250 cross-node tandems as a
             node coordinator and as the joint coordinator
  coalescing the product's gateway with COALESCE=on and =off in front of
             one node: participant(id) with a name and with coded fields
  delay      fan-out latency with a delaying proxy in front of some nodes
  scale      the events page with 5, 20, 40 nodes (synthetic ones beside
             the real five): gateway CPU per page, node cost per request,
             response size with and without cursors
Writes gateway.json and gateway.md; stops everything, also on Ctrl-C.

Options:
  --duration <s>       seconds of each measured run (default ${DEFAULTS.duration})
  --warm-up <s>        seconds of load before each run, not counted (default ${DEFAULTS.warmUp})
  --reps <n>           repetitions of every measurement, interleaved (default ${DEFAULTS.reps})
  --connections <list> concurrent connections, one measurement each (default ${DEFAULTS.connections})
  --scale <list>       node counts of the scaling series, ${REAL_NODES}–${MAX_NODES} (default ${DEFAULTS.scale})
  --parts <list>       what to measure: ${PARTS.join(", ")} (default all)
  --max-load <x>       wait until the 1-minute load is at most x before measuring (default ${DEFAULTS.maxLoad})
  --load-wait <s>      wait at most this long for it, then measure anyway (default ${DEFAULTS.loadWait})
  --out <dir>          results directory (default infra/bench/results)
  --cpu-prof <dir>     write CPU profiles of the one-node part's COALESCE=off and
                       stock gateways, and of the scaling series' gateway and
                       hst's node (<dir>/scale-<nodes>/…), into <dir>
                       (.cpuprofile, for DevTools)
  -h, --help           show this help
`;

export type GatewayBenchCommand = { help: true } | { help: false; options: GatewayBenchOptions };

export function parseGatewayBenchArgs(argv: string[]): GatewayBenchCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        duration: { type: "string" },
        "warm-up": { type: "string" },
        reps: { type: "string" },
        connections: { type: "string" },
        scale: { type: "string" },
        parts: { type: "string" },
        "max-load": { type: "string" },
        "load-wait": { type: "string" },
        out: { type: "string" },
        "cpu-prof": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const text = (name: string, fallback: string) => (values[name] as string | undefined) ?? fallback;
  const scale = list(text("scale", DEFAULTS.scale)).map((part) => integer("--scale", part, REAL_NODES, MAX_NODES));
  return {
    help: false,
    options: {
      duration: number("--duration", text("duration", DEFAULTS.duration), 1, 600),
      warmUp: number("--warm-up", text("warm-up", DEFAULTS.warmUp), 0, 120),
      reps: integer("--reps", text("reps", DEFAULTS.reps), 1, 20),
      connections: nonEmpty(
        "--connections",
        list(text("connections", DEFAULTS.connections)).map((part) => integer("--connections", part, 1, 1_000)),
      ),
      scale: [...new Set(scale)].sort((a, b) => a - b),
      parts: nonEmpty("--parts", list(text("parts", PARTS.join(","))).map(part)),
      maxLoad: number("--max-load", text("max-load", DEFAULTS.maxLoad), 0.01, 1_000),
      loadWaitSeconds: number("--load-wait", text("load-wait", DEFAULTS.loadWait), 0, 86_400),
      outDir: resolve(text("out", DEFAULT_OUT_DIR)),
      cpuProfDir: typeof values["cpu-prof"] === "string" ? resolve(values["cpu-prof"]) : null,
    },
  };
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function nonEmpty<T>(flag: string, items: T[]): T[] {
  if (items.length === 0) throw new UsageError(`${flag} needs at least one value`);
  return items;
}

function part(text: string): Part {
  if (!(PARTS as readonly string[]).includes(text)) throw new UsageError(`--parts takes ${PARTS.join(", ")}, not "${text}"`);
  return text as Part;
}

function number(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) throw new UsageError(`${flag} must be a number from ${min} to ${max}, not "${text}"`);
  return value;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = number(flag, text, min, max);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} must be a whole number, not "${text}"`);
  return value;
}
