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
  ACCEPT_LANGUAGE_HEADER,
  acceptLanguageOf,
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
import { buildGatewayLocalSchema, GATEWAY_SUBGRAPH_NAME } from "./local-subgraph.js";
import { factParty } from "./facts/fact-parties.js";
import { FactRelay } from "./facts/fact-relay.js";
import { registerDeliveryMetrics } from "./facts/delivery-metrics.js";
import { Parties } from "./parties/parties.js";
import { PartyFeed } from "./parties/party-feed.js";
import { registerPartyMetrics } from "./parties/party-metrics.js";
import type { PartyHealth } from "./parties/party-health.js";
import { PartyTokens } from "./parties/party-tokens.js";
import { ForwardingDataSource } from "./router/forwarding-source.js";
import { UniversityRouter } from "./router/university-router.js";
import { LiveService } from "./live/live-service.js";
import { UpstreamHub } from "./live/upstream-hub.js";
import { serveSubscriptions } from "./live/ws-server.js";
import type { GraphQLSchema } from "graphql";
import { CalendarParts } from "./calendar/calendar-parts.js";
import { mountCalendarRoutes } from "./calendar/calendar-routes.js";
import { assertConsoleBuilt, mountConsole } from "./console-routes.js";
import { mountSignInProviders, signInOrigins } from "./auth/sign-in-providers.js";
import { CredentialPublications } from "./credentials/credential-publications.js";
import { mountCredentialRoutes } from "./credentials/credential-routes.js";

export type { GatewayContext };

export interface RunningGateway {
  url: string;
  port: number;
  /** Each party's health (node or coordination office), as the gateway's checks and calls found it. */
  health: { get(party: string): PartyHealth };
  registry: ConsortiumRegistry;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger("gateway", config.logLevel);
  if (config.production) assertConsoleBuilt(config.consoleDir);
  const registry = loadRegistry(config.registryFile);
  const gatewayId = registry.gateway.id;
  const supergraphSdl = readFileSync(config.supergraphFile, "utf8");
  const universitySdl = readFileSync(config.universitySdlFile, "utf8");
  const tokens = new PartyTokens(new ServiceTokenSigner(await loadSigningKey(config.signingKeyFile), gatewayId, { ttlSeconds: config.serviceTokenTtlSeconds }));
  const parties = Parties.fromRegistry(
    registry,
    tokens,
    {
      timeoutMs: config.nodeTimeoutMs,
      breaker: config.breaker,
      healthIntervalMs: config.healthIntervalMs,
      limit: config.partyLimit,
      coalesce: config.coalesce,
      universitySdl,
      coordinationSdl: readFileSync(config.coordinationSdlFile, "utf8"),
    },
    logger,
  );
  const health = { get: (party: string) => parties.health(party) };
  const credentials = new CredentialPublications(
    parties.all.filter((party) => party.kind === "NODE"),
    { registry, publicGatewayUrl: config.publicGatewayUrl },
    { timeoutMs: config.nodeTimeoutMs, cacheMs: config.statusListCacheMs },
  );
  const sources: Record<string, GraphQLDataSource> = {
    university: new UniversityRouter(parties, universitySdl, config.representationsPerCall),
    coordination: new ForwardingDataSource(parties.coordination),
    [GATEWAY_SUBGRAPH_NAME]: new LocalGraphQLDataSource(
      buildGatewayLocalSchema({ registry, health, deliveries: () => facts.deliveries(), parties: parties.all, nodeIds: parties.nodeIds, credentials }),
    ),
  };
  const feeds = new Map(parties.all.map((party) => [party.id, new PartyFeed(party, logger)] as const));
  const hub = new UpstreamHub(feeds, logger);
  const facts = new FactRelay(
    parties.all.map((party) => factParty(party, feeds.get(party.id)!)),
    config.factSweepIntervalMs,
    logger,
  );
  // live updates run their queries through the server, which starts below
  const running: { service?: Awaited<ReturnType<typeof startGraphQLService<GatewayContext>>> } = {};
  const live = new LiveService({
    hub,
    feeds,
    nodeIds: parties.nodeIds,
    coordinationId: parties.coordination.id,
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
  await parties.startHealthChecks();
  facts.start();
  const metrics = createMetricsRegistry({ service: "gateway" });
  registerDeliveryMetrics(metrics, facts);
  registerPartyMetrics(metrics, parties.all);
  new Gauge({
    name: "tandem_node_up",
    help: "1 when the node is UP for the gateway, else 0.",
    labelNames: ["node"],
    registers: [metrics],
    collect() {
      for (const node of parties.nodeIds) this.set({ node }, parties.health(node).status === "UP" ? 1 : 0);
    },
  });
  new Gauge({
    name: "tandem_coordination_up",
    help: "1 when the coordination office is UP for the gateway, else 0.",
    registers: [metrics],
    collect() {
      this.set(parties.coordination.health.status === "UP" ? 1 : 0);
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
      acceptLanguage: acceptLanguageOf(req.headers[ACCEPT_LANGUAGE_HEADER]),
    }),
    routes: (app) => {
      app.get("/health", (_req, res) => {
        res.json({
          status: "ok",
          nodes: Object.fromEntries(parties.nodeIds.map((node) => [node, parties.health(node).status])),
          coordination: parties.coordination.health.status,
        });
      });
      mountMetrics(app, metrics);
      const calendarNodes = parties.all.filter((party) => party.kind === "NODE");
      mountCalendarRoutes(app, new CalendarParts(calendarNodes, config.nodeTimeoutMs), registry, logger);
      mountCredentialRoutes(app, credentials, logger);
      if (!config.production) app.get("/debug/live", (_req, res) => res.json({ subscriptions: live.activeSubscriptions, upstream: hub.stats() }));
      mountSignInProviders(app, registry);
      mountConsole(app, { dir: config.consoleDir, production: config.production, logger, connectSources: signInOrigins(registry) });
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
      parties.stopHealthChecks();
      await facts.stop();
      await sockets?.close();
      hub.closeAll();
      await Promise.all([...feeds.values()].map((feed) => feed.close()));
      await service.stop();
      parties.shutdown();
    },
  };
}
