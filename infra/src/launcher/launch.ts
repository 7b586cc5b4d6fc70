/**
 * Starts a local consortium: embedded PostgreSQL with one database per
 * party, the migrate step of every service, every node and the coordination
 * service, demo data where none exists yet, then the gateway.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadRegistry, signingParties, type ConsortiumRegistry } from "@tandem/shared";
import { ensureMatchingSecrets, ensurePartyKeys } from "./keys.js";
import { repoPaths } from "../paths.js";
import { seedActors, seedConsortium } from "../seed/index.js";
import { Consortium, shutdown, type StartedProcesses } from "./consortium.js";
import { dataDirLayout, logFileOf, prepareDataDir, type DataDirLayout } from "./data-dir.js";
import { HEALTH_TIMEOUT_MS, START_MS_PER_SERVICE, waitForHealth } from "./health.js";
import { acquireLock } from "./lock.js";
import { planPorts, resolveLaunchOptions, type LaunchOptions, type ResolvedLaunchOptions } from "./options.js";
import { planParties, type PartySpec } from "./party.js";
import { launchPostgres, stopOrphanedPostmaster } from "./postgres.js";
import { checkBeforeStart } from "./preflight.js";
import { writeEffectiveRegistry } from "./registry-file.js";
import { runToCompletion, ServiceProcess } from "./service-process.js";

export async function launchConsortium(options: LaunchOptions = {}): Promise<Consortium> {
  const committed = loadRegistry(options.registryFile ?? repoPaths.registry);
  const resolved = resolveLaunchOptions(options, committed);
  const layout = dataDirLayout(resolved.dataDir);
  prepareDataDir(layout);
  const releaseLock = acquireLock(layout.lockFile);
  const started: StartedProcesses = { services: [] };
  try {
    return await launchInto(resolved, committed, layout, started, releaseLock);
  } catch (error) {
    await shutdown(started, 3_000).catch((cleanupError: unknown) => resolved.log(`Cleanup failed: ${String(cleanupError)}`));
    releaseLock();
    throw error;
  }
}

async function launchInto(options: ResolvedLaunchOptions, committed: ConsortiumRegistry, layout: DataDirLayout, started: StartedProcesses, releaseLock: () => void): Promise<Consortium> {
  const { log, signal } = options;
  assertBuilt([repoPaths.universityMain, repoPaths.coordinationMain, ...(options.gateway ? [repoPaths.gatewayMain] : [])]);
  const ports = await planPorts(options, committed);
  const leftover = await checkBeforeStart({ ports, gateway: options.gateway, clusterDir: layout.clusterDir });
  // every check has passed: from here on, processes are stopped and started
  if (leftover) await stopOrphanedPostmaster(layout.clusterDir, log);
  const keys = await ensurePartyKeys(
    layout.keysDir,
    signingParties(committed).map((party) => party.id),
  );
  const registry = writeEffectiveRegistry(committed, ports, layout.registryFile, keys, options.demoSignIn);

  const fromTemplate = options.clusterTemplate !== undefined && !existsSync(layout.clusterDir);
  if (fromTemplate) copyCluster(options.clusterTemplate!, layout.clusterDir);
  log(`▸ PostgreSQL on 127.0.0.1:${ports.postgres} (cluster ${layout.clusterDir}${fromTemplate ? `, a copy of ${options.clusterTemplate}` : ""})`);
  const postgres = await launchPostgres(layout.clusterDir, ports.postgres, join(layout.logsDir, "postgres.log"), log, options.fastPostgres);
  started.postgres = postgres;
  signal?.throwIfAborted();

  const parties = planParties({
    registry,
    ports,
    postgres: postgres.server,
    registryFile: layout.registryFile,
    keysDir: layout.keysDir,
    matching: ensureMatchingSecrets(
      layout.keysDir,
      registry.nodes.map((node) => node.id),
    ),
    logLevel: options.logLevel,
    gateway: options.gateway,
    dev: options.dev,
    env: options.env,
    ...(options.demoSignIn ? { demoSignIn: { usersFile: layout.demoUsersFile, accessTokenTtlSeconds: options.accessTokenTtlSeconds } } : {}),
  });
  const services = parties.filter((party) => party.kind !== "gateway");
  const created: PartySpec[] = [];
  for (const party of services) {
    if (await postgres.server.createDatabase(party.database!)) {
      log(`  created database ${party.database}`);
      created.push(party);
    }
  }

  // the template's databases hold the current schema already
  const unmigrated = fromTemplate ? created : services;
  if (unmigrated.length) {
    log(`▸ Migrating ${unmigrated.map((party) => party.id).join(", ")}`);
    await migrateAll(unmigrated, layout, log);
  }
  signal?.throwIfAborted();

  log("▸ Starting the nodes and the coordination service");
  await startAndWait(services, layout, started, signal, log);

  const gateway = parties.filter((party) => party.kind === "gateway");
  if (gateway.length) {
    log("▸ Starting the gateway");
    await startAndWait(gateway, layout, started, signal, log);
    log(options.seed ? "▸ Seeding demo data where there is none yet (through the gateway, as its users)" : "▸ Listing the demo users");
    const completeBefore = existsSync(layout.seededMarkerFile);
    const seeded = await seedConsortium({
      nodes: registry.nodes.map((node) => ({ id: node.id, timeZone: node.timeZone })),
      actors: seedActors(gateway[0]!.url, layout.keysDir, registry.consortium.id, registry.coordination.id),
      consortiumId: registry.consortium.id,
      coordinationId: registry.coordination.id,
      demoUsersFile: layout.demoUsersFile,
      seed: options.seed,
      log,
    });
    if (options.seed && !completeBefore && seeded.seededNodes.length < registry.nodes.length) {
      log("  ! an earlier start was interrupted while seeding: some demo data may be missing (`npm run reset` starts over)");
    }
    if (options.seed) writeFileSync(layout.seededMarkerFile, `${JSON.stringify({ completedAt: new Date().toISOString() })}\n`);
    signal?.throwIfAborted();
  } else if (options.seed) {
    throw new Error("Seeding goes through the gateway: it cannot run with gateway: false");
  }

  return new Consortium({ ...started, postgres, dataDir: layout.root, registryFile: layout.registryFile, registry, releaseLock, signal });
}

async function startAndWait(parties: PartySpec[], layout: DataDirLayout, started: StartedProcesses, signal: AbortSignal | undefined, log: (line: string) => void): Promise<void> {
  const services = parties.map((party) => new ServiceProcess(party, logFileOf(layout, party.id), log));
  for (const service of services) {
    service.start();
    started.services.push(service);
  }
  // they start at once and share the machine's cores: the wait grows with how many (41 services on two cores once took over 60 s)
  const timeoutMs = HEALTH_TIMEOUT_MS + START_MS_PER_SERVICE * services.length;
  await Promise.all(services.map((service) => waitForHealth(service, signal, timeoutMs)));
}

/** Waits for every migration, so that cleanup after a failure does not stop PostgreSQL under the others. */
async function migrateAll(parties: PartySpec[], layout: DataDirLayout, log: (line: string) => void): Promise<void> {
  const results = await Promise.allSettled(parties.map((party) => runToCompletion(party, "migrate", logFileOf(layout, party.id), log)));
  const failures = results.flatMap((result) => (result.status === "rejected" ? [(result.reason as Error).message] : []));
  if (failures.length) {
    throw new Error(`${failures.join("\n")}\n(A schema that changed during development needs a fresh data directory: npm run reset.)`);
  }
}

/** `cp -a` keeps the owner (the postgres OS user when we are root) and the modes PostgreSQL insists on. */
function copyCluster(template: string, clusterDir: string): void {
  if (!existsSync(join(template, "PG_VERSION"))) throw new Error(`The cluster template ${template} is not a PostgreSQL cluster`);
  mkdirSync(dirname(clusterDir), { recursive: true });
  execFileSync("cp", ["-a", template, clusterDir]);
}

function assertBuilt(scripts: string[]): void {
  const missing = scripts.filter((script) => !existsSync(script));
  if (missing.length) throw new Error(`Not built yet: ${missing.join(", ")}; run \`npm run build\` first`);
}
