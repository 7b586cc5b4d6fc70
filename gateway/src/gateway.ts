/**
 * The consortium gateway: @apollo/gateway on a static supergraph, with the
 * node router behind the "university" subgraph. It verifies users' tokens and
 * signs every call it makes for exactly one party. Stateless; boots even when
 * every node is down.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSource } from "@apollo/gateway";
import {
  CallerDependenceTracker,
  GATEWAY_LIMITS,
  IDEMPOTENCY_KEY_HEADER,
  idempotentRequestOf,
  armorFor,
  Gauge,
  ServiceTokenSigner,
  UserTokenVerifier,
  createLogger,
  createMetricsRegistry,
  loadRegistry,
  loadSigningKey,
  mountMetrics,
  startGraphQLService,
  type ConsortiumRegistry,
} from "@tandem/shared";
import { authenticateUsers, requireUserPlugin, userOf, type GatewayContext } from "./auth/authenticate.js";
import type { GatewayConfig } from "./env.js";
import { consortiumParties } from "./gdpr/parties.js";
import { buildGatewayLocalSchema, GATEWAY_SUBGRAPH_NAME } from "./local-subgraph.js";
import { factParty } from "./facts/fact-parties.js";
import { FactRelay } from "./facts/fact-relay.js";
import { registerDeliveryMetrics } from "./facts/delivery-metrics.js";
import { ForwardingDataSource } from "./router/forwarding-source.js";
import { NodeClient } from "./router/node-client.js";
import { NodeHealthMonitor } from "./router/node-health.js";
import { NodePool } from "./router/node-pool.js";
import { PartyTokens, SYSTEM_CALL } from "./router/party-tokens.js";
import { UniversityRouter } from "./router/university-router.js";
import { LiveService } from "./live/live-service.js";
import { PartyFeed } from "./live/party-feed.js";
import { UpstreamHub } from "./live/upstream-hub.js";
import { serveSubscriptions } from "./live/ws-server.js";
import type { GraphQLSchema } from "graphql";

export type { GatewayContext };

export interface RunningGateway {
  url: string;
  port: number;
  health: NodeHealthMonitor;
  registry: ConsortiumRegistry;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger("gateway", config.logLevel);
  const registry = loadRegistry(config.registryFile);
  const gatewayId = registry.gateway.id;
  const supergraphSdl = readFileSync(config.supergraphFile, "utf8");
  const universitySdl = readFileSync(config.universitySdlFile, "utf8");
  const tokens = new PartyTokens(new ServiceTokenSigner(await loadSigningKey(config.signingKeyFile), gatewayId, { ttlSeconds: config.serviceTokenTtlSeconds }));
  const clients = new Map(registry.nodes.map((node) => [node.id, new NodeClient(node.id, node.url, config.nodeTimeoutMs, config.breaker, logger)]));
  const coordinationClient = new NodeClient(registry.coordination.id, registry.coordination.url, config.nodeTimeoutMs, config.breaker, logger);
  const health = new NodeHealthMonitor(clients, universitySdl, config.healthIntervalMs, logger, (node) => tokens.headers(node, SYSTEM_CALL));
  const nodes = new NodePool(clients, health, tokens);
  const sources: Record<string, GraphQLDataSource> = {
    university: new UniversityRouter(nodes, universitySdl, config.representationsPerCall),
    coordination: new ForwardingDataSource(coordinationClient, tokens),
    [GATEWAY_SUBGRAPH_NAME]: new LocalGraphQLDataSource(
      buildGatewayLocalSchema({ registry, health, deliveries: () => facts.deliveries(), parties: consortiumParties(nodes, coordinationClient, tokens), nodeIds: nodes.nodeIds }),
    ),
  };
  const feeds = new Map([...registry.nodes, registry.coordination].map((party) => [party.id, new PartyFeed(party.id, party.url, tokens, logger)] as const));
  const hub = new UpstreamHub(feeds, logger);
  const facts = new FactRelay(
    [...clients.values(), coordinationClient].map((client) => factParty(client, feeds.get(client.node)!, tokens)),
    config.factSweepIntervalMs,
    logger,
  );
  // live updates run their queries through the server, which starts below
  const running: { service?: Awaited<ReturnType<typeof startGraphQLService<GatewayContext>>> } = {};
  const live = new LiveService({
    hub,
    feeds,
    nodeIds: nodes.nodeIds,
    coordinationId: registry.coordination.id,
    logger,
    backlog: config.liveBacklog,
    runAs: async (query, variables, caller) => {
      const callerDependence = new CallerDependenceTracker();
      const body = await running.service!.execute({ query, variables }, { requestId: `live-${randomUUID()}`, caller, callerDependence });
      return { body, dependence: callerDependence.level };
    },
  });
  let apiSchema: GraphQLSchema | null = null;
  let sockets: { close(): Promise<void> } | undefined;
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name }) => {
      const source = sources[name];
      if (!source) throw new Error(`The supergraph names a subgraph "${name}" this gateway does not know`);
      return source;
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });
  await health.start();
  facts.start();
  const metrics = createMetricsRegistry({ service: "gateway" });
  registerDeliveryMetrics(metrics, facts);
  new Gauge({
    name: "tandem_node_up",
    help: "1 when the node is UP for the gateway, else 0.",
    labelNames: ["node"],
    registers: [metrics],
    collect() {
      for (const [node, state] of health.all()) this.set({ node }, state.status === "UP" ? 1 : 0);
    },
  });
  new Gauge({
    name: "tandem_upstream_subscriptions",
    help: "Upstream subscriptions the gateway holds, per party (shared by all its clients on the same topic).",
    labelNames: ["party"],
    registers: [metrics],
    collect() {
      this.reset();
      const counts = hub.countsByParty();
      for (const party of feeds.keys()) this.set({ party }, counts.get(party) ?? 0);
    },
  });
  new Gauge({
    name: "tandem_live_subscriptions",
    help: "Client subscriptions the gateway serves.",
    registers: [metrics],
    collect() {
      this.set(live.activeSubscriptions);
    },
  });
  const userTokens = new UserTokenVerifier(registry, config.userTokenClockToleranceSeconds);
  const service = await startGraphQLService<GatewayContext>({
    name: "gateway",
    gateway,
    logger,
    host: config.host,
    port: config.port,
    production: config.production,
    explorer: config.explorer,
    limits: config.limits ?? GATEWAY_LIMITS,
    allowedOrigins: config.allowedOrigins,
    guard: authenticateUsers(userTokens, gatewayId, logger),
    plugins: [requireUserPlugin()],
    context: async ({ req, res, requestId }) => ({
      requestId,
      caller: userOf(res, requestId),
      callerDependence: new CallerDependenceTracker(),
      idempotency: idempotentRequestOf(req.headers[IDEMPOTENCY_KEY_HEADER], req.body ?? {}),
    }),
    routes: (app) => {
      app.get("/health", (_req, res) => {
        res.json({ status: "ok", nodes: Object.fromEntries([...health.all()].map(([node, state]) => [node, state.status])) });
      });
      mountMetrics(app, metrics);
      if (!config.production) app.get("/debug/live", (_req, res) => res.json({ subscriptions: live.activeSubscriptions, upstream: hub.stats() }));
    },
    onHttpServer: (httpServer) => {
      sockets = serveSubscriptions({
        httpServer,
        schema: () => apiSchema,
        validationRules: armorFor(config.limits).validationRules,
        verifier: userTokens,
        gatewayId,
        live,
        settings: config.sockets,
        production: config.production,
        logger,
      });
    },
  });
  running.service = service;
  return {
    url: service.url,
    port: service.port,
    health,
    registry,
    stop: async () => {
      health.stop();
      await facts.stop();
      await sockets?.close();
      hub.closeAll();
      await Promise.all([...feeds.values()].map((feed) => feed.close()));
      await service.stop();
      for (const client of [...clients.values(), coordinationClient]) client.shutdown();
    },
  };
}
