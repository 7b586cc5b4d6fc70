/**
 * The benchmark's reference: stock @apollo/gateway on Apollo Server and
 * Express, with the same supergraph as the product's gateway, verifying the
 * same user tokens and signing the same per-call token with the product's own
 * ServiceTokenSigner. It routes the university subgraph to one node
 * (NODE_ID): stock federation knows one URL per subgraph. Run as its own
 * process so that its CPU time can be read from /proc:
 *
 *   PORT=… REGISTRY_FILE=… SUPERGRAPH_FILE=… SIGNING_KEY_FILE=… NODE_ID=hst node infra/dist/bench/stock-gateway.js
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError } from "graphql";
import { loadRegistry, loadSigningKey, runMain, ServiceTokenSigner, UserTokenVerifier, type UserCaller } from "@tandem/shared";

interface StockContext {
  caller: UserCaller;
}

async function main(): Promise<void> {
  const env = process.env;
  const registry = loadRegistry(required(env.REGISTRY_FILE, "REGISTRY_FILE"));
  const nodeId = required(env.NODE_ID, "NODE_ID");
  const node = registry.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) throw new Error(`NODE_ID ${nodeId} is not in ${env.REGISTRY_FILE}`);
  const signer = new ServiceTokenSigner(await loadSigningKey(required(env.SIGNING_KEY_FILE, "SIGNING_KEY_FILE")), registry.gateway.id);
  const verifier = new UserTokenVerifier(registry);
  // subgraph name → the party that serves it and the audience of its tokens; the gateway's own subgraph is not called by the benchmark's queries
  const parties: Record<string, { url: string; audience: string }> = {
    university: { url: node.url, audience: node.id },
    coordination: { url: registry.coordination.url, audience: registry.coordination.id },
  };
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(required(env.SUPERGRAPH_FILE, "SUPERGRAPH_FILE"), "utf8"),
    buildService: ({ name, url }) => {
      const party = parties[name];
      return new RemoteGraphQLDataSource<StockContext>({
        url: party?.url ?? url,
        willSendRequest: async ({ request, context }) => {
          if (!party) throw new Error(`the benchmark's stock gateway does not call subgraph ${name}`);
          request.http!.headers.set("authorization", `Bearer ${await signer.sign(party.audience, context.caller)}`);
          request.http!.headers.set("x-request-id", context.caller.requestId ?? "");
        },
      });
    },
  });
  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer<StockContext>({ gateway, introspection: false });
  await server.start();
  app.get("/health", (_req, res) => void res.send("ok"));
  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        if (!token) throw unauthenticated("send `Authorization: Bearer <token>`");
        try {
          const identity = await verifier.verify(token);
          return { caller: { kind: "user" as const, ...identity, requestId: randomUUID(), via: registry.gateway.id } };
        } catch (error) {
          throw unauthenticated((error as Error).message);
        }
      },
    }),
  );
  const port = Number(required(env.PORT, "PORT"));
  await new Promise<void>((resolve) => httpServer.listen(port, "127.0.0.1", resolve));
  const stop = () =>
    void server.stop().finally(() => {
      httpServer.close(() => process.exit(0));
      // keep-alive connections of the load generator would hold the close (and a CPU profile's exit) back
      httpServer.closeAllConnections();
    });
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required`);
  return value;
}

runMain(main);
