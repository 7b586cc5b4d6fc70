/**
 * Command-line options of `npm start` and `npm run reset`, validated with
 * node:util's parseArgs. TANDEM_PORT and TANDEM_DATA_DIR stand in for the
 * flags; a flag wins over its variable.
 */
import { parseArgs } from "node:util";
import { DEFAULT_GATEWAY_PORT, LOG_LEVELS, type LaunchOptions, type LogLevel } from "../launcher/options.js";
import { repoPaths } from "../paths.js";

export class UsageError extends Error {}

export const START_USAGE = `Usage: npm start -- [options]

Starts a local consortium: embedded PostgreSQL, every university node, the
coordination service and the gateway, with demo data on first start.

Options:
  --port <n>          gateway port; the others derive from it (env TANDEM_PORT, default ${DEFAULT_GATEWAY_PORT})
                      PostgreSQL = n+99, coordination = n+100, nodes = n+101…
  --data-dir <path>   databases and logs (env TANDEM_DATA_DIR, default <repo>/.data)
  --nodes <ids>       comma-separated node ids to run (default: every node of the registry)
  --no-seed           do not seed demo data
  --log-level <level> log level of every service: ${LOG_LEVELS.join(", ")} (default info)
  --dev               run every party in development mode (stack traces in errors);
                      by default they run production-like, keeping the gateway's
                      introspection and Apollo Sandbox for the demo
  -h, --help          show this help
`;

export const RESET_USAGE = `Usage: npm run reset -- [options]

Deletes the demo's data directory (databases, logs). Refuses while a demo runs.

Options:
  --data-dir <path>   the data directory (env TANDEM_DATA_DIR, default <repo>/.data)
  -h, --help          show this help
`;

type Env = Record<string, string | undefined>;

export type StartCommand = { help: true } | { help: false; options: LaunchOptions };

export function parseStartArgs(argv: string[], env: Env): StartCommand {
  const { values } = parse(argv, {
    port: { type: "string" },
    "data-dir": { type: "string" },
    nodes: { type: "string" },
    "no-seed": { type: "boolean" },
    "log-level": { type: "string" },
    dev: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return { help: true };
  const portText = (values.port as string | undefined) ?? env.TANDEM_PORT;
  const logLevel = (values["log-level"] as string | undefined) ?? "info";
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(", ")}`);
  const nodes = values.nodes as string | undefined;
  return {
    help: false,
    options: {
      port: portText === undefined ? DEFAULT_GATEWAY_PORT : parsePort(portText),
      dataDir: dataDirFrom(values["data-dir"] as string | undefined, env),
      nodes: nodes === undefined ? undefined : splitIds(nodes),
      seed: !values["no-seed"],
      logLevel: logLevel as LogLevel,
      dev: Boolean(values.dev),
    },
  };
}

export function parseResetArgs(argv: string[], env: Env): { help: boolean; dataDir: string } {
  const { values } = parse(argv, { "data-dir": { type: "string" }, help: { type: "boolean", short: "h" } });
  return { help: Boolean(values.help), dataDir: dataDirFrom(values["data-dir"] as string | undefined, env) };
}

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

function parse(argv: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined> } {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_000) throw new UsageError(`--port / TANDEM_PORT must be a number between 1 and 65000, got "${text}"`);
  return port;
}

function splitIds(text: string): string[] {
  const ids = text
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (!ids.length) throw new UsageError("--nodes needs at least one node id, e.g. --nodes hst,unilu");
  return ids;
}

function dataDirFrom(flag: string | undefined, env: Env): string {
  return flag ?? (env.TANDEM_DATA_DIR || repoPaths.defaultDataDir);
}
