/**
 * The consortium gateway: @apollo/gateway on a static supergraph, with the
 * node router behind the "university" subgraph. It verifies users' tokens and
 * signs every call it makes for exactly one party. Stateless; boots even when
 * every node is down.
 */
import { readFileSync } from "node:fs";
import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSource } from "@apollo/gateway";
import {
  GATEWAY_LIMITS,
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
import { ForwardingDataSource } from "./router/forwarding-source.js";
import { NodeClient } from "./router/node-client.js";
import { NodeHealthMonitor } from "./router/node-health.js";
import { NodePool } from "./router/node-pool.js";
import { PartyTokens, SYSTEM_CALL } from "./router/party-tokens.js";
import { UniversityRouter } from "./router/university-router.js";

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
      buildGatewayLocalSchema({ health, parties: consortiumParties(nodes, coordinationClient, tokens), nodeIds: nodes.nodeIds }),
    ),
  };
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name }) => {
      const source = sources[name];
      if (!source) throw new Error(`The supergraph names a subgraph "${name}" this gateway does not know`);
      return source;
    },
  });
  await health.start();
  const metrics = createMetricsRegistry({ service: "gateway" });
  new Gauge({
    name: "tandem_node_up",
    help: "1 when the node is UP for the gateway, else 0.",
    labelNames: ["node"],
    registers: [metrics],
    collect() {
      for (const [node, state] of health.all()) this.set({ node }, state.status === "UP" ? 1 : 0);
    },
  });
  const service = await startGraphQLService<GatewayContext>({
    name: "gateway",
    gateway,
    logger,
    host: config.host,
    port: config.port,
    production: config.production,
    limits: config.limits ?? GATEWAY_LIMITS,
    guard: authenticateUsers(new UserTokenVerifier(registry, config.userTokenClockToleranceSeconds), gatewayId, logger),
    plugins: [requireUserPlugin()],
    context: async ({ res, requestId }) => ({ requestId, caller: userOf(res, requestId) }),
    routes: (app) => {
      app.get("/health", (_req, res) => {
        res.json({ status: "ok", nodes: Object.fromEntries([...health.all()].map(([node, state]) => [node, state.status])) });
      });
      mountMetrics(app, metrics);
    },
  });
  return {
    url: service.url,
    port: service.port,
    health,
    registry,
    stop: async () => {
      health.stop();
      await service.stop();
      for (const client of [...clients.values(), coordinationClient]) client.shutdown();
    },
  };
}
