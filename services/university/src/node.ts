/**
 * A university node: its database, its subgraph and its HTTP endpoint, which
 * answers only calls carrying a token the gateway signed for this node.
 */
import { ACCEPT_LANGUAGE_HEADER, acceptLanguageOf, createLogger, createMetricsRegistry, loadRegistry, registerStatementMetric, type Logger, type MetricsRegistry } from "@tandem/shared";
import { createDatabase, migrate, PostgresTokenUseStore, startPartyService, type Database, type OutboxFeed } from "@tandem/party";
import type { NodeConfig } from "./env.js";
import { createNodeContext, type NodeContext } from "./context.js";
import { entities } from "./entities.js";
import { migrations } from "./migrations/index.js";
import { NodeDirectory } from "./node-directory.js";
import { buildUniversitySubgraph } from "./schema.js";
import { ATTESTATION_HEADER, attestationsOf } from "./modules/participant/participant-attestation.js";
import { createNodeServices } from "./services.js";
import { mountDemoSignIn } from "@tandem/party/demo-sign-in";
import { mountCalendarRoutes } from "./modules/calendar/calendar.routes.js";
import { mountCredentialRoutes } from "./modules/credential/credential.routes.js";
import { loadNodeTrust } from "./trust.js";

export interface UniversityNode {
  config: NodeConfig;
  url: string;
  port: number;
  database: Database;
  /** The node's change feed (served to the gateway on /feed), its listener and retention. */
  outbox: OutboxFeed;
  /** The gateway tokens this node (every replica on its database) has accepted. */
  tokenUses: PostgresTokenUseStore;
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
  const database = openNodeDatabase(config, logger);
  const tokenUses = new PostgresTokenUseStore({ dataSource: database.dataSource, logger });
  const trust = await loadNodeTrust(config, registry, tokenUses);
  const directory = new NodeDirectory(config.node, new Set(registry.nodes.map((node) => node.id)), registry.coordination.id);
  const services = createNodeServices(database.dataSource, directory, { registry, signingKey: trust.signingKey, matching: config.matching }, { calendarBaseUrl: config.publicGatewayUrl });
  const { schema } = await buildUniversitySubgraph();
  const party = await startPartyService<NodeContext>({
    name: `node ${config.node.id}`,
    partyId: config.node.id,
    identity: { node: config.node.id },
    database,
    databaseUrl: config.databaseUrl,
    schema,
    verifier: trust.verifier,
    tokenUses,
    metrics: nodeMetrics(config.node.id, database),
    logger,
    host: config.host,
    port: config.port,
    production: config.production,
    limits: config.limits,
    outboxRetentionHours: config.outboxRetentionHours,
    routes: (app, guard) => {
      mountCalendarRoutes(app, guard, services, logger);
      if (config.demoSignIn)
        mountDemoSignIn(app, { config: config.demoSignIn, party: { kind: "node", ...config.node }, consortiumId: registry.consortium.id, signingKeyFile: config.signingKeyFile, logger });
      mountCredentialRoutes(app, guard, services.credentials, database.dataSource, logger);
    },
    context: ({ req, requestId, caller }) =>
      createNodeContext({
        requestId,
        node: config.node,
        caller,
        services,
        logger,
        attestations: attestationsOf(req.headers[ATTESTATION_HEADER]),
        acceptLanguage: acceptLanguageOf(req.headers[ACCEPT_LANGUAGE_HEADER]),
      }),
  });
  return { config, url: party.url, port: party.port, database, outbox: party.outbox, tokenUses, stop: party.stop };
}

function nodeMetrics(nodeId: string, database: Database): MetricsRegistry {
  const registry = createMetricsRegistry({ node: nodeId });
  registerStatementMetric(registry, database.statements, "SQL statements sent to the node's database.");
  return registry;
}
