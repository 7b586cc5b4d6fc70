/**
 * The consortium gateway: @apollo/gateway on a static supergraph, with the
 * node router behind the "university" subgraph. Stateless; boots even when
 * every node is down.
 */
import { readFileSync } from "node:fs";
import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSource } from "@apollo/gateway";
import { createLogger, createMetricsRegistry, Gauge, loadRegistry, mountMetrics, startGraphQLService, type ConsortiumRegistry } from "@tandem/shared";
import type { GatewayConfig } from "./env.js";
import { buildGatewayLocalSchema, GATEWAY_SUBGRAPH_NAME } from "./local-subgraph.js";
import { ForwardingDataSource } from "./router/forwarding-source.js";
import { NodeClient } from "./router/node-client.js";
import { NodeHealthMonitor } from "./router/node-health.js";
import { NodePool } from "./router/node-pool.js";
import { UniversityRouter, type HeadersFor } from "./router/university-router.js";

export interface GatewayContext extends Record<string, unknown> {
  requestId: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  health: NodeHealthMonitor;
  registry: ConsortiumRegistry;
  stop(): Promise<void>;
}

const headersFor: HeadersFor = (context): Record<string, string> => (typeof context.requestId === "string" ? { "x-request-id": context.requestId } : {});

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger("gateway", config.logLevel);
  const registry = loadRegistry(config.registryFile);
  const supergraphSdl = readFileSync(config.supergraphFile, "utf8");
  const universitySdl = readFileSync(config.universitySdlFile, "utf8");
  const clients = new Map(registry.nodes.map((node) => [node.id, new NodeClient(node.id, node.url, config.nodeTimeoutMs, config.breaker, logger)]));
  const coordinationClient = new NodeClient(registry.coordination.id, registry.coordination.url, config.nodeTimeoutMs, config.breaker, logger);
  const health = new NodeHealthMonitor(clients, universitySdl, config.healthIntervalMs, logger);
  const sources: Record<string, GraphQLDataSource> = {
    university: new UniversityRouter(new NodePool(clients, health), universitySdl, headersFor),
    coordination: new ForwardingDataSource(coordinationClient, headersFor),
    [GATEWAY_SUBGRAPH_NAME]: new LocalGraphQLDataSource(buildGatewayLocalSchema(health)),
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
    context: async ({ requestId }) => ({ requestId }),
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
