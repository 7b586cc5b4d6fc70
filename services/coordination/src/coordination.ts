/**
 * The joint coordination service: its database, its subgraph and its HTTP
 * endpoint. It calls no one; participants are references it only checks
 * for shape and home node. It answers only calls the gateway signed for it,
 * and signs the tandem acceptances nodes rely on to disclose contacts.
 */
import {
  auditPlugin,
  callerOf,
  createDatabase,
  createLogger,
  createMetricsRegistry,
  loadRegistry,
  migrate,
  mountChangeFeed,
  mountChangeFeedHttp,
  mountDatabaseHealth,
  mountMetrics,
  registerFeedMetrics,
  registerStatementMetric,
  requireServiceToken,
  ServiceTokenVerifier,
  startGraphQLService,
  startOutboxFeed,
  systemCallerPlugin,
  type ChangeFeedServerOptions,
  type Database,
  type Logger,
  type MountedChangeFeed,
  type OutboxFeed,
  type RunningService,
} from "@tandem/shared";
import type { CoordinationConfig } from "./env.js";
import { ConsortiumDirectory } from "./consortium-directory.js";
import { createCoordinationContext, type CoordinationContext } from "./context.js";
import { entities } from "./entities.js";
import { migrations } from "./migrations/index.js";
import { buildCoordinationSubgraph } from "./schema.js";
import { createCoordinationServices } from "./services.js";
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
  /** Closes feed sockets, HTTP, the listener and the database; calling it again waits for the same stop. */
  stop(): Promise<void>;
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

export async function startCoordination(config: CoordinationConfig): Promise<RunningCoordination> {
  const logger = createLogger(SERVICE_NAME, config.logLevel);
  const registry = loadRegistry(config.registryFile);
  const directory = new ConsortiumDirectory(registry);
  const verifier = new ServiceTokenVerifier(registry.gateway.jwks, registry.gateway.id, directory.selfId, {
    clockToleranceSeconds: config.gatewayClockToleranceSeconds,
    replayWindowSeconds: config.gatewayReplayWindowSeconds,
  });
  const signingKey = await loadPublishedSigningKey(config.signingKeyFile, registry);
  const database = openCoordinationDatabase(config, logger);
  await database.dataSource.initialize();
  if (await database.dataSource.showMigrations()) {
    await database.dataSource.destroy();
    throw new Error("The coordination database has pending migrations; run the migrate step first");
  }
  const services = createCoordinationServices(database.dataSource, directory, signingKey);
  const { schema } = await buildCoordinationSubgraph();
  const metrics = createMetricsRegistry({ service: SERVICE_NAME, coordination: directory.selfId });
  registerStatementMetric(metrics, database.statements, "SQL statements sent to the coordination database.");
  let outbox: OutboxFeed;
  try {
    outbox = await startOutboxFeed({ dataSource: database.dataSource, databaseUrl: config.databaseUrl, logger, retentionHours: config.outboxRetentionHours });
  } catch (error) {
    await database.dataSource.destroy();
    throw error;
  }
  registerFeedMetrics(metrics, outbox);
  const feedOptions: ChangeFeedServerOptions = { feed: outbox.feed, verifier, logger, production: config.production };
  let feedSocket: MountedChangeFeed | undefined;
  let stopping: Promise<void> | undefined;
  let service: RunningService;
  try {
    service = await startGraphQLService<CoordinationContext>({
      name: SERVICE_NAME,
      schema,
      logger,
      host: config.host,
      port: config.port,
      production: config.production,
      limits: config.limits,
      guard: requireServiceToken(verifier, logger),
      context: async ({ res, requestId }) => createCoordinationContext({ requestId, caller: callerOf(res), services, logger }),
      plugins: [systemCallerPlugin(), auditPlugin(database.dataSource, logger)],
      routes: (app) => {
        mountDatabaseHealth(app, database.dataSource, { service: SERVICE_NAME, coordination: directory.selfId });
        mountMetrics(app, metrics);
        mountChangeFeedHttp(app, feedOptions);
      },
      onHttpServer: (server) => {
        feedSocket = mountChangeFeed(server, feedOptions);
      },
    });
  } catch (error) {
    await feedSocket?.close();
    await outbox.stop();
    await database.dataSource.destroy();
    throw error;
  }
  return {
    config,
    id: directory.selfId,
    url: service.url,
    port: service.port,
    database,
    outbox,
    stop: () =>
      (stopping ??= (async () => {
        await feedSocket?.close();
        await service.stop();
        await outbox.stop();
        await database.dataSource.destroy();
      })()),
  };
}
