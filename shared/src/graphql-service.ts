/**
 * One way to serve a GraphQL schema over HTTP for every party: Apollo Server
 * on Express, with the same hardening defaults everywhere (no batching, CSRF
 * prevention, no suggestions, no introspection or landing page and no stack
 * traces in production (a demo may keep introspection and the Sandbox with
 * `explorer`), a body size limit, an operation the request names or
 * a 400) and a graceful drain on stop. CORS preflights are answered before
 * the guard and GraphQL, granting only the configured browser origins (none
 * for a party, which only the gateway calls).
 */
import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginDisableSuggestions } from "@apollo/server/plugin/disableSuggestions";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import cors from "cors";
import express, { type Express, type Request, type RequestHandler, type Response } from "express";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { callerDependencePlugin } from "./auth/dependence-plugin.js";
import { formatError } from "./errors.js";
import { armorFor, SUBGRAPH_LIMITS, type OperationLimits } from "./limits.js";
import type { Logger } from "./logger.js";
import { operationResolutionPlugin } from "./operation-resolution.js";

export interface GraphQLServiceOptions<C extends BaseContext> {
  name: string;
  /** The party serving (node or coordination id), named by NODE_UNAVAILABLE when its database cannot be reached. */
  party?: string;
  schema?: GraphQLSchema;
  gateway?: GatewayInterface;
  logger: Logger;
  host?: string;
  port: number;
  production: boolean;
  /** Introspection and the Apollo Sandbox landing page (default: outside production only); stack traces still follow `production`. */
  explorer?: boolean;
  /** Depth, aliases, tokens, cost, directives, representations and body size (default: subgraph limits). */
  limits?: OperationLimits;
  /** Browser origins granted cross-origin access to /graphql (CORS); default none. */
  allowedOrigins?: readonly string[];
  /** Runs before GraphQL on every request to /graphql but CORS preflights (e.g. the gateway-token guard). */
  guard?: RequestHandler;
  context: (args: { req: Request; res: Response; requestId: string }) => Promise<C>;
  plugins?: ApolloServerPlugin<C>[];
  /**
   * Express's ETag on answers (default on). A party turns it off: only the
   * gateway calls it and never asks conditionally, and the ETag is a hash of
   * every answer, computed on every call.
   */
  etag?: boolean;
  /** Extra routes (health, metrics) mounted before the GraphQL endpoint. */
  routes?: (app: Express) => void;
  /** Runs on the HTTP server before it listens (e.g. to attach a WebSocket server). */
  onHttpServer?: (server: Server) => void;
}

export interface RunningService<C extends BaseContext = BaseContext> {
  url: string;
  port: number;
  httpServer: Server;
  /** Runs an operation in-process through the whole pipeline (limits, plugins), with the given context. */
  execute(request: { query: string; variables?: Record<string, unknown> }, contextValue: C): Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;
  stop(): Promise<void>;
}

export async function startGraphQLService<C extends BaseContext>(options: GraphQLServiceOptions<C>): Promise<RunningService<C>> {
  const app = express();
  app.disable("x-powered-by");
  if (options.etag === false) app.disable("etag");
  const httpServer = createServer(app);
  const production = options.production;
  const explorer = options.explorer ?? !production;
  const limits = options.limits ?? SUBGRAPH_LIMITS;
  const armor = armorFor<C>(limits);
  const server = new ApolloServer<C>({
    ...(options.gateway ? { gateway: options.gateway } : { schema: options.schema! }),
    introspection: explorer,
    includeStacktraceInErrorResponses: !production,
    allowBatchedHttpRequests: false,
    // The process owns its signals: it stops the server, then closes its database.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    hideSchemaDetailsFromClientErrors: true,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        exposeStack: !production,
        party: options.party,
        onMasked: (err) => options.logger.error({ err }, "unexpected error (masked for the caller)"),
        onUnavailable: (err) => options.logger.warn({ err }, "the database is unavailable; answered NODE_UNAVAILABLE"),
      }),
    logger: options.logger,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: [
      operationResolutionPlugin<C>(),
      ...armor.plugins,
      callerDependencePlugin<C>(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 3_000 }),
      ApolloServerPluginDisableSuggestions(),
      // no party serves cache hints or usage traces; either would wrap every field resolver of every answer
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      explorer ? ApolloServerPluginLandingPageLocalDefault() : ApolloServerPluginLandingPageDisabled(),
      ...(options.plugins ?? []),
    ],
  } as ConstructorParameters<typeof ApolloServer<C>>[0]);
  await server.start();
  options.routes?.(app);
  app.use(
    "/graphql",
    corsFor(options.allowedOrigins ?? []),
    ...(options.guard ? [options.guard] : []),
    express.json({ limit: limits.maxBodyBytes }),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const requestId = headerValue(req, "x-request-id") ?? randomUUID();
        res.setHeader("x-request-id", requestId);
        return options.context({ req, res, requestId });
      },
    }),
  );
  app.use(bodyErrorHandler);
  options.onHttpServer?.(httpServer);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} listening`);
  return {
    url,
    port,
    httpServer,
    execute: async (request, contextValue) => {
      const response = await server.executeOperation(request, { contextValue });
      if (response.body.kind !== "single") throw new Error("incremental delivery is not supported here");
      return response.body.singleResult as { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] };
    },
    stop: async () => {
      await server.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** Preflights end here (204, with a grant only for an allowed origin); other requests get the grant headers and go on. */
function corsFor(allowedOrigins: readonly string[]): RequestHandler {
  return cors({
    origin: [...allowedOrigins],
    methods: ["GET", "POST"],
    allowedHeaders: ["authorization", "content-type", "apollo-require-preflight", "x-apollo-operation-name", "x-request-id"],
    exposedHeaders: ["x-request-id"],
    maxAge: 600,
  });
}

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && /^[A-Za-z0-9._:-]{1,128}$/.test(first) ? first : undefined;
}

/** Express body-parser errors (too large, malformed JSON) as GraphQL-shaped errors. */
function bodyErrorHandler(error: { status?: number; type?: string; message?: string }, _req: Request, res: Response, next: (err?: unknown) => void): void {
  if (!error || typeof error.status !== "number") return next(error);
  const code = error.type === "entity.too.large" ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
  res.status(error.status).json({ errors: [{ message: error.type === "entity.too.large" ? "Request body too large" : "Malformed request body", extensions: { code } }] });
}
