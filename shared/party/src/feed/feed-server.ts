/**
 * Serving the change feed to the gateway, beside the party's /graphql:
 *  - graphql-ws on `/feed`: `connection_init` payload `{ authorization: "Bearer <token>" }`;
 *    only the gateway's own system identity may connect, anything else is
 *    closed with 4403;
 *  - HTTP POST `/feed` for `changesSince` / `changesHead`, with the token in
 *    the Authorization header (401 without a valid one, 403 for a user).
 * Upgrades to other paths are left to whoever else serves them.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import express, { type Express, type Request, type Response } from "express";
import { execute, getOperationAST, GraphQLError, parse, subscribe, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { callerOf, requireServiceToken, type ServiceTokenVerifier, formatError, type Logger } from "@tandem/shared";
import type { ChangeFeed } from "./change-feed.js";
import type { FactLog } from "../facts/facts.js";
import { buildFeedSchema } from "./feed-schema.js";

export const FEED_PATH = "/feed";
/** Largest message a feed client may send (its subscriptions are a few hundred bytes). */
export const FEED_MAX_PAYLOAD_BYTES = 64 * 1024;

export interface ChangeFeedServerOptions {
  feed: ChangeFeed;
  /** The party's facts for other parties, read by the gateway to deliver them (facts/facts.ts). */
  facts?: FactLog;
  verifier: ServiceTokenVerifier;
  logger: Logger;
  path?: string;
  maxPayload?: number;
  production?: boolean;
  /** Time a socket has to authenticate (default 5 s). */
  connectionInitTimeoutMs?: number;
  /** Open subscriptions one socket may hold (default 10,000). */
  maxSubscriptionsPerSocket?: number;
  /** The party serving the feed, named when its database cannot be reached. */
  party?: string;
}

export interface MountedChangeFeed {
  /** Open feed sockets. */
  readonly connections: number;
  /** Closes every socket (1001) and stops accepting new ones; quick even when clients do not answer. */
  close(): Promise<void>;
}

const schemas = new WeakMap<ChangeFeed, GraphQLSchema>();
function schemaOf(feed: ChangeFeed, facts?: FactLog): GraphQLSchema {
  let schema = schemas.get(feed);
  if (!schema) schemas.set(feed, (schema = buildFeedSchema(feed, facts)));
  return schema;
}

/** graphql-ws on `path` of the party's HTTP server. */
export function mountChangeFeed(httpServer: Server, options: ChangeFeedServerOptions): MountedChangeFeed {
  const path = options.path ?? FEED_PATH;
  const schema = schemaOf(options.feed, options.facts);
  const maxSubscriptions = options.maxSubscriptionsPerSocket ?? 10_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? FEED_MAX_PAYLOAD_BYTES });
  const server = useServer(
    {
      isProd: options.production,
      schema,
      connectionInitWaitTimeout: options.connectionInitTimeoutMs ?? 5_000,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        const token = typeof authorization === "string" ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
        try {
          const caller = await options.verifier.verify(token);
          if (caller.kind === "system") return true;
          options.logger.warn({ ip: ctx.extra.request.socket.remoteAddress }, "refused a change feed socket: not the gateway's own identity");
        } catch (error) {
          options.logger.warn({ reason: (error as Error).message, ip: ctx.extra.request.socket.remoteAddress }, "refused a change feed socket without a valid gateway token");
        }
        return false;
      },
      onSubscribe: (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > maxSubscriptions) {
          return [new GraphQLError(`At most ${maxSubscriptions} subscriptions per feed socket`, { extensions: { code: "FORBIDDEN" } })];
        }
        const document = parseOrErrors(payload.query);
        if (Array.isArray(document)) return document;
        const errors = validationErrors(schema, document);
        if (errors.length > 0) return errors;
        return { schema, document, variableValues: payload.variables ?? null, operationName: payload.operationName ?? null, contextValue: {} };
      },
      subscribe: subscribeOrRefuse,
      onError: (_ctx, _id, _payload, errors) => errors.map(feedErrorFormatter(options)),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? formatResult(result, options) : undefined),
    },
    wss,
  );
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOf(request) !== path) {
      // Nobody else serves this path: answer rather than leave the socket hanging.
      if (httpServer.listenerCount("upgrade") === 1) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => wss.emit("connection", client, request));
  };
  httpServer.on("upgrade", onUpgrade);
  return {
    get connections() {
      return wss.clients.size;
    },
    close: async () => {
      httpServer.off("upgrade", onUpgrade);
      const force = setTimeout(() => wss.clients.forEach((client) => client.terminate()), 1_000);
      try {
        await server.dispose();
      } finally {
        clearTimeout(force);
      }
    },
  };
}

/** Express route for HTTP POST on the feed path: queries only (`changesSince`, `changesHead`). */
export function mountChangeFeedHttp(app: Express, options: ChangeFeedServerOptions): void {
  const schema = schemaOf(options.feed, options.facts);
  app.post(options.path ?? FEED_PATH, requireServiceToken(options.verifier, options.logger, options.party ?? "this party"), express.json({ limit: "32kb" }), async (req: Request, res: Response) => {
    if (callerOf(res).kind !== "system") {
      res.status(403).json({ errors: [{ message: "The change feed serves the gateway's own identity only", extensions: { code: "FORBIDDEN" } }] });
      return;
    }
    const body = (req.body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    const document = typeof body.query === "string" ? parseOrErrors(body.query) : [new GraphQLError("Expected a JSON body with a query", { extensions: { code: "BAD_REQUEST" } })];
    const errors = Array.isArray(document) ? document : validationErrors(schema, document);
    if (errors.length > 0) {
      res.status(400).json({ errors: errors.map((error) => ({ message: error.message, extensions: error.extensions })) });
      return;
    }
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
    if (getOperationAST(document as DocumentNode, operationName)?.operation !== "query") {
      res.status(400).json({ errors: [{ message: "Only queries over HTTP; subscribe over graphql-ws", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    const variableValues = body.variables && typeof body.variables === "object" ? (body.variables as Record<string, unknown>) : undefined;
    const result = await execute({ schema, document: document as DocumentNode, variableValues, operationName, contextValue: {} });
    res.json(formatResult(result, options));
  });
}

function parseOrErrors(query: string): DocumentNode | GraphQLError[] {
  try {
    return parse(query, { maxTokens: 1_000 });
  } catch (error) {
    return [new GraphQLError((error as Error).message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } })];
  }
}

function validationErrors(schema: GraphQLSchema, document: DocumentNode): GraphQLError[] {
  return validate(schema, document).map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
}

/**
 * graphql-js reports a refused subscription (bad or expired cursor) as one
 * result, which graphql-ws would send as `next`; as a stream that fails at
 * once it reaches the client as an `error` message instead.
 */
async function subscribeOrRefuse(args: ExecutionArgs) {
  const result = await subscribe(args);
  if (Symbol.asyncIterator in result || !result.errors?.length) return result;
  const refusal = result.errors[0]!;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => Promise.reject(refusal),
    return: () => Promise.resolve({ done: true as const, value: undefined }),
  };
}

function formatResult(result: ExecutionResult, options: ChangeFeedServerOptions) {
  if (!result.errors) return result;
  return { ...result, errors: result.errors.map(feedErrorFormatter(options)) };
}

function feedErrorFormatter({ logger, party }: Pick<ChangeFeedServerOptions, "logger" | "party">) {
  return (error: GraphQLError) =>
    formatError(error.toJSON(), error, {
      party,
      onMasked: (err) => logger.error({ err }, "change feed error (masked)"),
      onUnavailable: (err) => logger.warn({ err }, "change feed: the database is unavailable"),
    });
}

function pathOf(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? "/", "http://feed").pathname;
  } catch {
    return "";
  }
}
