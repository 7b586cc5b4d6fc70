/**
 * A university node: its database, its subgraph and its HTTP endpoint, which
 * answers only calls carrying a token the gateway signed for this node.
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
  startGraphQLService,
  startOutboxFeed,
  systemCallerPlugin,
  type ChangeFeedServerOptions,
  type Database,
  type Logger,
  type MetricsRegistry,
  type MountedChangeFeed,
  type OutboxFeed,
  type RunningService,
} from "@tandem/shared";
import type { NodeConfig } from "./env.js";
import { createNodeContext, type NodeContext } from "./context.js";
import { entities } from "./entities.js";
import { migrations } from "./migrations/index.js";
import { NodeDirectory } from "./node-directory.js";
import { buildUniversitySubgraph } from "./schema.js";
import { createNodeServices } from "./services.js";
import { loadNodeTrust } from "./trust.js";

export interface UniversityNode {
  config: NodeConfig;
  url: string;
  port: number;
  database: Database;
  /** The node's change feed (served to the gateway on /feed), its listener and retention. */
  outbox: OutboxFeed;
  /** Closes feed sockets, HTTP, the listener and the database; calling it again waits for the same stop. */
  stop(): Promise<void>;
}

export function openNodeDatabase(config: Pick<NodeConfig, "databaseUrl" | "dbPoolSize" | "node">, logger: Logger): Database {
  return createDatabase({ url: config.databaseUrl, entities, migrations, logger, poolSize: config.dbPoolSize });
}

/** Applies pending migrations; a separate step from serving. */
export async function migrateNode(config: Pick<NodeConfig, "databaseUrl" | "dbPoolSize" | "node" | "logLevel">): Promise<string[]> {
  const logger = createLogger(`node-${config.node.id}`, config.logLevel);
  const { dataSource } = openNodeDatabase(config, logger);
  await dataSource.initialize();
  try {
    return await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function startUniversityNode(config: NodeConfig): Promise<UniversityNode> {
  const logger = createLogger(`node-${config.node.id}`, config.logLevel);
  const registry = loadRegistry(config.registryFile);
  const trust = await loadNodeTrust(config, registry);
  const directory = new NodeDirectory(config.node, new Set(registry.nodes.map((node) => node.id)), registry.coordination.id);
  const database = openNodeDatabase(config, logger);
  await database.dataSource.initialize();
  const pending = await database.dataSource.showMigrations();
  if (pending) {
    await database.dataSource.destroy();
    throw new Error(`Database of node ${config.node.id} has pending migrations; run the migrate step first`);
  }
  const services = createNodeServices(database.dataSource, directory, { registry, signingKey: trust.signingKey, matching: config.matching });
  const { schema } = await buildUniversitySubgraph();
  const metrics = nodeMetrics(config.node.id, database);
  let outbox: OutboxFeed;
  try {
    outbox = await startOutboxFeed({ dataSource: database.dataSource, databaseUrl: config.databaseUrl, logger, retentionHours: config.outboxRetentionHours });
  } catch (error) {
    await database.dataSource.destroy();
    throw error;
  }
  registerFeedMetrics(metrics, outbox);
  const feedOptions: ChangeFeedServerOptions = { feed: outbox.feed, verifier: trust.verifier, logger, production: config.production };
  let feedSocket: MountedChangeFeed | undefined;
  let stopping: Promise<void> | undefined;
  let service: RunningService;
  try {
    service = await startGraphQLService<NodeContext>({
      name: `node ${config.node.id}`,
      schema,
      logger,
      host: config.host,
      port: config.port,
      production: config.production,
      limits: config.limits,
      guard: requireServiceToken(trust.verifier, logger),
      plugins: [systemCallerPlugin<NodeContext>(), auditPlugin<NodeContext>(database.dataSource, logger)],
      context: async ({ requestId, res }) => createNodeContext({ requestId, node: config.node, caller: callerOf(res), services, logger }),
      routes: (app) => {
        mountDatabaseHealth(app, database.dataSource, { node: config.node.id });
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

function nodeMetrics(nodeId: string, database: Database): MetricsRegistry {
  const registry = createMetricsRegistry({ node: nodeId });
  registerStatementMetric(registry, database.statements, "SQL statements sent to the node's database.");
  return registry;
}
