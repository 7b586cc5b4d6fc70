/** Processes the gateway benchmark starts beside the launcher's, the tokens it signs in with, and what it watches. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, issueUserToken, loadSigningKey, Role, type ConsortiumRegistry } from "@tandem/shared";
import { coordinatorOf, jointCoordinatorOf } from "../demo-users.js";
import type { Consortium } from "../launcher/consortium.js";
import { dataDirLayout, logFileOf } from "../launcher/data-dir.js";
import { waitForHealth } from "../launcher/health.js";
import { keyFileOf } from "../launcher/keys.js";
import { baseEnv, type PartySpec } from "../launcher/party.js";
import { repoPaths } from "../paths.js";
import { ServiceProcess } from "../launcher/service-process.js";
import { loadAverage } from "./gateway-stats.js";
import type { LoadMeasurement, Watched } from "./load-run.js";

const STOCK_SCRIPT = new URL("./stock-gateway.js", import.meta.url).pathname;

export interface Tokens {
  /** hst's programme coordinator: sees hst's people with their names. */
  coordinator: string;
  /** The joint coordination office: ids and home nodes only. */
  joint: string;
}

export async function signIn(keysDir: string, registry: ConsortiumRegistry): Promise<Tokens> {
  const ttlSeconds = 12 * 3600;
  const audience = registry.consortium.id;
  const hst = await loadSigningKey(keyFileOf(keysDir, "hst"));
  const coordination = await loadSigningKey(keyFileOf(keysDir, registry.coordination.id));
  return {
    coordinator: await issueUserToken(hst, { issuer: "hst", audience, sub: coordinatorOf("hst"), roles: [Role.NODE_COORDINATOR], ttlSeconds }),
    joint: await issueUserToken(coordination, { issuer: registry.coordination.id, audience, sub: jointCoordinatorOf(registry.coordination.id), roles: [Role.JOINT_COORDINATOR], ttlSeconds }),
  };
}

/** Tokens of `count` different people, half of them coordinators of hst and half joint coordinators, each their own `sub`. */
export async function manyCallers(keysDir: string, registry: ConsortiumRegistry, count: number): Promise<string[]> {
  const audience = registry.consortium.id;
  const hst = await loadSigningKey(keyFileOf(keysDir, "hst"));
  const coordination = await loadSigningKey(keyFileOf(keysDir, registry.coordination.id));
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      index % 2
        ? issueUserToken(coordination, { issuer: registry.coordination.id, audience, sub: `${registry.coordination.id}:staff:bench-${index}`, roles: [Role.JOINT_COORDINATOR], ttlSeconds: 12 * 3600 })
        : issueUserToken(hst, { issuer: "hst", audience, sub: `hst:staff:bench-${index}`, roles: [Role.NODE_COORDINATOR], ttlSeconds: 12 * 3600 }),
    ),
  );
}

/** A gateway process of the benchmark's own (stock Apollo, or the product's in front of delaying proxies), started and healthy. */
async function startGatewayProcess(consortium: Consortium, id: string, script: string, env: Record<string, string>, log: (line: string) => void): Promise<ServiceProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const spec: PartySpec = {
    id,
    kind: "gateway",
    name: id,
    port,
    url,
    healthUrl: `http://127.0.0.1:${port}/health`,
    script,
    env: {
      ...baseEnv(),
      HOST: "127.0.0.1",
      PORT: String(port),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SUPERGRAPH_FILE: repoPaths.supergraph,
      SIGNING_KEY_FILE: keyFileOf(dataDirLayout(consortium.dataDir).keysDir, consortium.registry.gateway.id),
      REGISTRY_FILE: consortium.registryFile,
      ...env,
    },
  };
  const service = new ServiceProcess(spec, logFileOf(dataDirLayout(consortium.dataDir), id), log);
  service.start();
  await waitForHealth(service);
  return service;
}

/** Stock @apollo/gateway in front of one node and the coordination office. */
export function startStockGateway(consortium: Consortium, node: string, log: (line: string) => void, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return startGatewayProcess(consortium, "stock-gateway", STOCK_SCRIPT, { NODE_ID: node, ...env }, log);
}

/** The product's gateway reading a registry in which some nodes' URLs lead through proxies. */
export function startRoutedGateway(consortium: Consortium, urls: Record<string, string>, log: (line: string) => void): Promise<ServiceProcess> {
  const registry = { ...consortium.registry, nodes: consortium.registry.nodes.map((node) => ({ ...node, url: urls[node.id] ?? node.url })) };
  const file = join(consortium.dataDir, "registry-through-proxies.json");
  writeFileSync(file, `${JSON.stringify(registry, null, 2)}\n`);
  return startGatewayProcess(consortium, "proxied-gateway", repoPaths.gatewayMain, { REGISTRY_FILE: file }, log);
}

/** The environment that makes a process write a V8 CPU profile into `dir` when it exits (none when `dir` is null). */
export function cpuProfileEnv(dir: string | null): Record<string, string> {
  return dir ? { NODE_OPTIONS: `--import=${new URL("./cpu-profile-preload.js", import.meta.url).href}`, TANDEM_CPU_PROFILE_DIR: dir } : {};
}

/** The launcher's environment that profiles its gateway and one node (`node`) into `dir`/gateway and `dir`/<node> (nothing when `dir` is null). */
export function consortiumProfileEnv(dir: string | null, node: string): { gateway: Record<string, string>; node: Record<string, string> } {
  if (!dir) return { gateway: {}, node: {} };
  return { gateway: cpuProfileEnv(join(dir, "gateway")), node: { ...cpuProfileEnv(join(dir, node)), TANDEM_CPU_PROFILE_NODE: node } };
}

/** Another process of the product's gateway in front of the same parties, with its own settings (e.g. COALESCE). */
export function startProductGateway(consortium: Consortium, id: string, env: Record<string, string>, log: (line: string) => void): Promise<ServiceProcess> {
  return startGatewayProcess(consortium, id, repoPaths.gatewayMain, env, log);
}

/** The launcher's gateway (its memory too), every node, the coordination office and PostgreSQL with its backends. */
export function watchedOf(consortium: Consortium): Watched[] {
  const watched: Watched[] = [];
  for (const party of consortium.parties()) {
    if (party.pid === undefined) continue;
    watched.push({ name: party.kind === "gateway" ? "gateway" : party.id, pid: party.pid, memory: party.kind === "gateway" });
  }
  const postgres = consortium.postgres.pid;
  if (postgres !== undefined) watched.push({ name: "postgres", pid: postgres, tree: true });
  return watched;
}

/** Adds the nodes' CPU per request: their sum and the mean per node, of all, of the real and of the synthetic ones. */
export function withNodeTotals(measurement: LoadMeasurement, nodeIds: readonly string[], isSynthetic: (id: string) => boolean): LoadMeasurement {
  const cpu = { ...measurement.cpuMsPerRequest };
  const values = (ids: readonly string[]) => ids.map((id) => cpu[id]).filter((value): value is number => typeof value === "number");
  const mean = (ids: readonly string[]) => {
    const known = values(ids);
    return known.length ? known.reduce((sum, value) => sum + value, 0) / known.length : null;
  };
  const all = values(nodeIds);
  cpu.nodes = all.length === nodeIds.length ? all.reduce((sum, value) => sum + value, 0) : null;
  cpu["node (mean)"] = mean(nodeIds);
  cpu["real node (mean)"] = mean(nodeIds.filter((id) => !isSynthetic(id)));
  cpu["synthetic node (mean)"] = mean(nodeIds.filter(isSynthetic));
  return { ...measurement, cpuMsPerRequest: cpu };
}

/** Waits until the machine's 1-minute load is at most `maxLoad`, for at most `waitSeconds`; the load averages then. */
export async function awaitQuiet(maxLoad: number, waitSeconds: number, log: (line: string) => void, signal: AbortSignal): Promise<[number, number, number] | null> {
  const deadline = performance.now() + waitSeconds * 1000;
  let lastLog = 0;
  for (;;) {
    const load = loadAverage();
    if (!load || load[0] <= maxLoad) return load;
    if (performance.now() > deadline) {
      log(`  ! the load is still ${load.join(" / ")} after ${waitSeconds} s: measuring anyway`);
      return load;
    }
    if (performance.now() - lastLog > 60_000) {
      log(`  waiting for a quieter machine: load ${load.join(" / ")} (at most ${maxLoad} wanted)`);
      lastLog = performance.now();
    }
    await sleep(5_000, undefined, { signal });
  }
}
