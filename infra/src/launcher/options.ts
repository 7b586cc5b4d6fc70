/** Launcher options, their defaults and the port layout. */
import { FETCH_BLOCKED_PORTS, freePort, type ConsortiumRegistry } from "@tandem/shared";
import { repoPaths } from "../paths.js";
import { accessTokenTtlFrom } from "./demo-sign-in.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_GATEWAY_PORT = 4000;

export interface LaunchOptions {
  /** Where databases, logs and the effective registry live (default `<repo>/.data`). */
  dataDir?: string;
  /** Gateway port; the others derive from it (default 4000). Ignored with `freePorts`. */
  port?: number;
  /** Pick every port with freePort() (reserved for this process) instead of the fixed layout (tests). */
  freePorts?: boolean;
  /** Ids of the nodes to run, in any order (default: every node of the registry). */
  nodes?: string[];
  /** Seed demo data into parties that have none (default true). */
  seed?: boolean;
  /** LOG_LEVEL of every child process (default "info"; their logs go to files). */
  logLevel?: LogLevel;
  /** Start the gateway (default true). Only tests of the services alone turn it off. */
  gateway?: boolean;
  /** Every party in development mode (stack traces in errors); default false: production-like, as deployed. */
  dev?: boolean;
  /** The committed registry to start from (default infra/registry/consortium.json). */
  registryFile?: string;
  /** Extra environment per kind of party, e.g. shorter gateway health checks in tests. */
  env?: Partial<Record<"node" | "coordination" | "gateway", Record<string, string>>>;
  /** Every node and the coordination office serve the demo's OpenID Connect provider at /oidc (default true). */
  demoSignIn?: boolean;
  /** Access-token lifetime of the demo providers (default TANDEM_ACCESS_TOKEN_TTL_SECONDS or 300). */
  accessTokenTtlSeconds?: number;
  /**
   * A stopped cluster directory whose databases already hold the current
   * schema of the parties (see `buildClusterTemplate`). A data directory
   * without a cluster gets a copy of it instead of initdb, and only the
   * parties whose database the copy lacks run their migrate step (tests).
   */
  clusterTemplate?: string;
  /** PostgreSQL without fsync: faster commits, but a crash of the machine may lose committed work (tests only). */
  fastPostgres?: boolean;
  /** Aborting stops whatever has started and rejects the launch. */
  signal?: AbortSignal;
  /** Receives the launcher's console lines (default: stdout). */
  log?: (line: string) => void;
}

export interface ResolvedLaunchOptions {
  dataDir: string;
  port: number;
  freePorts: boolean;
  nodeIds: string[];
  seed: boolean;
  logLevel: LogLevel;
  gateway: boolean;
  dev: boolean;
  registryFile: string;
  env: Partial<Record<"node" | "coordination" | "gateway", Record<string, string>>>;
  demoSignIn: boolean;
  accessTokenTtlSeconds: number;
  clusterTemplate: string | undefined;
  fastPostgres: boolean;
  signal: AbortSignal | undefined;
  log: (line: string) => void;
}

export function resolveLaunchOptions(options: LaunchOptions, registry: ConsortiumRegistry): ResolvedLaunchOptions {
  const known = registry.nodes.map((node) => node.id);
  const wanted = new Set(options.nodes ?? known);
  const unknown = [...wanted].filter((id) => !known.includes(id));
  if (unknown.length) throw new Error(`Unknown node(s) ${unknown.join(", ")}; the registry has ${known.join(", ")}`);
  if (wanted.size === 0) throw new Error("At least one node must run");
  const port = options.port ?? DEFAULT_GATEWAY_PORT;
  if (!options.freePorts && (!Number.isInteger(port) || port < 1 || port + 100 + known.length > 65535)) {
    throw new Error(`Port ${port} leaves no room for the services above it (port+99 … port+${100 + known.length})`);
  }
  return {
    dataDir: options.dataDir ?? repoPaths.defaultDataDir,
    port,
    freePorts: options.freePorts ?? false,
    nodeIds: known.filter((id) => wanted.has(id)),
    seed: options.seed ?? true,
    logLevel: options.logLevel ?? "info",
    gateway: options.gateway ?? true,
    dev: options.dev ?? false,
    registryFile: options.registryFile ?? repoPaths.registry,
    env: options.env ?? {},
    demoSignIn: options.demoSignIn ?? true,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? accessTokenTtlFrom(process.env),
    clusterTemplate: options.clusterTemplate,
    fastPostgres: options.fastPostgres ?? false,
    signal: options.signal,
    log: options.log ?? ((line) => process.stdout.write(`${line}\n`)),
  };
}

export interface PortPlan {
  gateway: number;
  postgres: number;
  coordination: number;
  nodes: Map<string, number>;
}

/**
 * Fixed layout: gateway = port, PostgreSQL = port+99, coordination = port+100,
 * node i of the registry = port+101+i (stable whichever nodes run).
 */
export async function planPorts(options: ResolvedLaunchOptions, registry: ConsortiumRegistry): Promise<PortPlan> {
  if (options.freePorts) return planFreePorts(options.nodeIds);
  const base = options.port;
  const nodes = new Map<string, number>();
  registry.nodes.forEach((node, index) => {
    if (options.nodeIds.includes(node.id)) nodes.set(node.id, base + 101 + index);
  });
  const plan = { gateway: base, postgres: base + 99, coordination: base + 100, nodes };
  const blocked = allPorts(plan).filter((port) => FETCH_BLOCKED_PORTS.has(port));
  if (blocked.length) {
    throw new Error(`Port ${blocked.join(", ")} of this layout is one browsers and fetch() refuse to connect to; choose another --port`);
  }
  return plan;
}

async function planFreePorts(nodeIds: string[]): Promise<PortPlan> {
  const plan: PortPlan = { gateway: await freePort(), postgres: await freePort(), coordination: await freePort(), nodes: new Map() };
  for (const id of nodeIds) plan.nodes.set(id, await freePort());
  return plan;
}

export function allPorts(plan: PortPlan): number[] {
  return [plan.gateway, plan.postgres, plan.coordination, ...plan.nodes.values()];
}
