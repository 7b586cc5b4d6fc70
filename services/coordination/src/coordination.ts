/**
 * The joint coordination service: its database, its subgraph and its HTTP
 * endpoint. Participants are references it only checks for shape and home
 * node. It answers only calls the gateway signed for it, signs the tandem
 * acceptances nodes rely on to disclose contacts, and calls one party
 * itself: the gateway, for the nodes' matching profiles of a round.
 */
import { ACCEPT_LANGUAGE_HEADER, acceptLanguageOf, createLogger, createMetricsRegistry, loadRegistry, registerStatementMetric, ServiceTokenVerifier, type Logger } from "@tandem/shared";
import { createDatabase, migrate, PostgresTokenUseStore, startPartyService, type Database, type OutboxFeed } from "@tandem/party";
import { mountDemoSignIn } from "@tandem/party/demo-sign-in";
import type { CoordinationConfig } from "./env.js";
import { GatewayProfileSource } from "./matching/gateway-profile-source.js";
import type { MatchingProfileSource } from "./matching/profile-source.js";
import { ConsortiumDirectory } from "./consortium-directory.js";
import { createCoordinationContext, type CoordinationContext } from "./context.js";
import { entities } from "./entities.js";
import { migrations } from "./migrations/index.js";
import { buildCoordinationSubgraph } from "./schema.js";
import { createCoordinationServices, type CoordinationServices } from "./services.js";
import { loadPublishedSigningKey } from "./signing-key.js";

const SERVICE_NAME = "coordination";

export interface RunningCoordination {
  config: CoordinationConfig;
  /** The coordination id from the registry, e.g. coord. */
  id: string;
  url: string;
  port: number;
  database: Database;
  /** The change feed (served to the gateway on /feed), its listener and retention. */
  outbox: OutboxFeed;
  /** The gateway tokens this service (every replica on its database) has accepted. */
  tokenUses: PostgresTokenUseStore;
  /** The service's singletons (tests wait for matching rounds through them). */
  services: CoordinationServices;
  /** Interrupts matching rounds, then closes feed sockets, HTTP, the listener and the database; calling it again waits for the same stop. */
  stop(): Promise<void>;
}

export interface CoordinationOptions {
  /** Where matching rounds take profiles from (default: the nodes, through GATEWAY_URL). */
  profileSource?: MatchingProfileSource;
}

export function openCoordinationDatabase(config: Pick<CoordinationConfig, "databaseUrl" | "dbPoolSize">, logger: Logger): Database {
  return createDatabase({ url: config.databaseUrl, entities, migrations, logger, poolSize: config.dbPoolSize });
}

/** Applies pending migrations; a separate step from serving. */
export async function migrateCoordination(config: Pick<CoordinationConfig, "databaseUrl" | "dbPoolSize" | "logLevel">): Promise<string[]> {
  const logger = createLogger(SERVICE_NAME, config.logLevel);
  const { dataSource } = openCoordinationDatabase(config, logger);
  await dataSource.initialize();
  try {
    return await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function startCoordination(config: CoordinationConfig, options: CoordinationOptions = {}): Promise<RunningCoordination> {
  const startedAt = new Date();
  const logger = createLogger(SERVICE_NAME, config.logLevel);
  const registry = loadRegistry(config.registryFile);
  const directory = new ConsortiumDirectory(registry);
  const database = openCoordinationDatabase(config, logger);
  const tokenUses = new PostgresTokenUseStore({ dataSource: database.dataSource, logger });
  const verifier = new ServiceTokenVerifier(
    registry.gateway.jwks,
    registry.gateway.id,
    directory.selfId,
    { clockToleranceSeconds: config.gatewayClockToleranceSeconds, replayWindowSeconds: config.gatewayReplayWindowSeconds },
    tokenUses,
  );
  const signingKey = await loadPublishedSigningKey(config.signingKeyFile, registry);
  const profiles = options.profileSource ?? new GatewayProfileSource({ gatewayUrl: config.gatewayUrl, signingKey, coordinationId: directory.selfId, consortiumId: registry.consortium.id });
  const services = createCoordinationServices(database.dataSource, directory, signingKey, { profiles, logger }, { minimumGroupSize: config.minimumGroupSize });
  const { schema } = await buildCoordinationSubgraph();
  const metrics = createMetricsRegistry({ service: SERVICE_NAME, coordination: directory.selfId });
  registerStatementMetric(metrics, database.statements, "SQL statements sent to the coordination database.");
  const party = await startPartyService<CoordinationContext>({
    name: SERVICE_NAME,
    partyId: directory.selfId,
    identity: { service: SERVICE_NAME, coordination: directory.selfId },
    database,
    databaseUrl: config.databaseUrl,
    schema,
    verifier,
    tokenUses,
    metrics,
    logger,
    host: config.host,
    port: config.port,
    production: config.production,
    limits: config.limits,
    outboxRetentionHours: config.outboxRetentionHours,
    ...(config.demoSignIn ? { routes: demoSignInRoutes(config, registry, logger) } : {}),
    context: ({ req, requestId, caller }) => createCoordinationContext({ requestId, caller, services, logger, acceptLanguage: acceptLanguageOf(req.headers[ACCEPT_LANGUAGE_HEADER]) }),
  });
  const interrupted = await services.matchingRunner.failInterrupted(startedAt);
  if (interrupted) logger.warn({ rounds: interrupted }, "failed matching rounds an earlier process left running");
  const published = {
    programmeRules: await services.programmes.publishUnpublished(),
    cohortStates: await services.cohorts.publishUnpublished(),
    tandemActivations: await services.tandems.publishUnpublishedActivations(),
  };
  if (published.programmeRules || published.cohortStates || published.tandemActivations)
    logger.info(published, "told the nodes of programme rules, cohort states and active tandems from before facts");
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await services.matchingRunner.stop();
      await party.stop();
    })());
  return { config, id: directory.selfId, url: party.url, port: party.port, database, outbox: party.outbox, tokenUses, services, stop };
}

function demoSignInRoutes(config: CoordinationConfig, registry: ReturnType<typeof loadRegistry>, logger: Logger) {
  const party = { kind: "coordination" as const, id: registry.coordination.id, name: registry.coordination.name };
  return (app: Parameters<typeof mountDemoSignIn>[0]) =>
    mountDemoSignIn(app, { config: config.demoSignIn!, party, consortiumId: registry.consortium.id, signingKeyFile: config.signingKeyFile, logger });
}
