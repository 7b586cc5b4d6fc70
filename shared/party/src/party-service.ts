/**
 * What every party (a university node, the coordination office) runs:
 * its migrated database, its transactional outbox and change feed, and its
 * subgraph behind the gateway-token guard (tokens used once, recorded in the
 * database) with audit and the system-caller rule, stopped in the right order.
 * Only a subgraph whose every operation declares its access is served.
 */
import type { BaseContext } from "@apollo/server";
import type { Express, Request, RequestHandler, Response } from "express";
import type { GraphQLSchema } from "graphql";
import {
  systemCallerPlugin,
  callerOf,
  requireServiceToken,
  type Caller,
  type ServiceTokenVerifier,
  startGraphQLService,
  type RunningService,
  type OperationLimits,
  type Logger,
  mountMetrics,
  type MetricsRegistry,
  AppError,
  ErrorCode,
} from "@tandem/shared";
import { isAccessGuarded } from "./subgraph.js";
import { auditPlugin } from "./audit/audit-trail.js";
import { withheldPlugin, type WithholdingContext } from "./access/withheld.js";
import { auditMutations } from "./audit/audited-mutations.js";
import { idempotencyPlugin, type IdempotentContext } from "./idempotency/idempotency.js";
import type { Database } from "./database.js";
import { FactLog } from "./facts/facts.js";
import { registerFeedMetrics } from "./feed/feed-metrics.js";
import { mountChangeFeed, mountChangeFeedHttp, type ChangeFeedServerOptions, type MountedChangeFeed } from "./feed/feed-server.js";
import { startOutboxFeed, type OutboxFeed } from "./feed/outbox-feed.js";
import { mountDatabaseHealth, servedSchemaFingerprint } from "./health.js";
import type { PostgresTokenUseStore } from "./auth/postgres-token-uses.js";

export interface PartyServiceOptions<C extends IdempotentContext & WithholdingContext> {
  name: string;
  /** The party's registry id (node or coordination), named by NODE_UNAVAILABLE when its database cannot be reached. */
  partyId: string;
  /** Labels of /health, e.g. { node: "hst" }. */
  identity: Record<string, string>;
  database: Database;
  databaseUrl: string;
  /** Built by buildSubgraph with the party's access table (else the party refuses to start). */
  schema: GraphQLSchema;
  verifier: ServiceTokenVerifier;
  /** The verifier's record of used tokens, in this database: pruned while the party runs. */
  tokenUses: PostgresTokenUseStore;
  metrics: MetricsRegistry;
  logger: Logger;
  host: string;
  port: number;
  production: boolean;
  limits: OperationLimits;
  outboxRetentionHours: number;
  context: (args: { req: Request; res: Response; requestId: string; caller: Caller }) => Promise<C> | C;
  /** The party's own HTTP routes beside /graphql (e.g. a node's calendar parts); `guard` admits gateway-signed calls only. */
  routes?: (app: Express, guard: RequestHandler) => void;
}

export interface RunningParty {
  url: string;
  port: number;
  outbox: OutboxFeed;
  tokenUses: PostgresTokenUseStore;
  service: RunningService;
  /** Stops the feed, the server, the outbox and the database; safe to call twice. */
  stop(): Promise<void>;
}

/** The database is initialised here and refused with pending migrations (migrating is a separate step). */
export async function startPartyService<C extends IdempotentContext & WithholdingContext & BaseContext>(options: PartyServiceOptions<C>): Promise<RunningParty> {
  const { database, logger } = options;
  if (!isAccessGuarded(options.schema)) throw new AppError(ErrorCode.NO_ACCESS_RULE, `${options.name}: its subgraph was built without an access table; pass one to buildSubgraph`);
  const fingerprint = await servedSchemaFingerprint(options.schema);
  await database.dataSource.initialize();
  if (await database.dataSource.showMigrations()) {
    await database.dataSource.destroy();
    throw new Error(`The database of ${options.name} has pending migrations; run the migrate step first`);
  }
  let outbox: OutboxFeed;
  try {
    outbox = await startOutboxFeed({ dataSource: database.dataSource, databaseUrl: options.databaseUrl, logger, retentionHours: options.outboxRetentionHours });
  } catch (error) {
    await database.dataSource.destroy();
    throw error;
  }
  registerFeedMetrics(options.metrics, outbox);
  auditMutations(options.schema, database.dataSource, logger);
  options.tokenUses.start();
  const feedOptions: ChangeFeedServerOptions = {
    feed: outbox.feed,
    verifier: options.verifier,
    logger,
    production: options.production,
    party: options.partyId,
    facts: new FactLog((text, params) => database.dataSource.query(text, params)),
  };
  let feedSocket: MountedChangeFeed | undefined;
  let service: RunningService;
  try {
    service = await startGraphQLService<C>({
      name: options.name,
      party: options.partyId,
      schema: options.schema,
      logger,
      host: options.host,
      port: options.port,
      production: options.production,
      limits: options.limits,
      // only the gateway calls a party, and never conditionally
      etag: false,
      guard: requireServiceToken(options.verifier, logger, options.partyId),
      plugins: [systemCallerPlugin<C>(), withheldPlugin<C>(options.partyId), auditPlugin<C>(database.dataSource, logger, options.partyId), idempotencyPlugin<C>(database.dataSource, logger)],
      context: async ({ req, res, requestId }) => options.context({ req, res, requestId, caller: callerOf(res) }),
      routes: (app) => {
        mountDatabaseHealth(app, database.dataSource, { ...options.identity, schema: fingerprint });
        mountMetrics(app, options.metrics);
        mountChangeFeedHttp(app, feedOptions);
        options.routes?.(app, requireServiceToken(options.verifier, logger, options.partyId));
      },
      onHttpServer: (server) => {
        feedSocket = mountChangeFeed(server, feedOptions);
      },
    });
  } catch (error) {
    await feedSocket?.close();
    await options.tokenUses.stop();
    await outbox.stop();
    await database.dataSource.destroy();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: service.url,
    port: service.port,
    outbox,
    tokenUses: options.tokenUses,
    service,
    stop: () =>
      (stopping ??= (async () => {
        await feedSocket?.close();
        await service.stop();
        await options.tokenUses.stop();
        await outbox.stop();
        await database.dataSource.destroy();
      })()),
  };
}
