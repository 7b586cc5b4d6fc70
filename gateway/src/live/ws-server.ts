/**
 * graphql-ws on the gateway's own port and path (/graphql). The socket is
 * the door: a user token in `connection_init` (bad token: close 4403), an
 * init timeout, allowed origins, a maximum message size and a maximum number
 * of subscriptions per socket; subscription documents pass the same limits
 * as HTTP operations; the socket closes when the token expires. The protocol
 * is graphql-ws's own server (`useServer` on a ws server); live updates go
 * straight to the socket while it keeps up (socket-sink).
 */
import type { IncomingMessage, Server } from "node:http";
import { getOperationAST, GraphQLError, Kind, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { ErrorCode, formatError, unresolvedOperationError, type Logger, type UserCaller, type UserTokenVerifier } from "@tandem/shared";
import type { LiveService } from "./live-service.js";
import { socketSink } from "./socket-sink.js";
import type { UpdateSink } from "./update-frames.js";

export interface SocketSettings {
  /** Browser origins allowed to open a socket; requests without an Origin (servers, tools) are allowed. */
  allowedOrigins: readonly string[];
  maxPayloadBytes: number;
  initTimeoutMs: number;
  maxSubscriptionsPerSocket: number;
  maxTokens: number;
}

interface SocketState {
  caller?: UserCaller;
  expiry?: NodeJS.Timeout;
  subscriptions: Set<string>;
}

export interface SubscriptionServerOptions {
  httpServer: Server;
  schema: () => GraphQLSchema | null;
  validationRules: readonly unknown[];
  verifier: UserTokenVerifier;
  gatewayId: string;
  live: LiveService;
  settings: SocketSettings;
  production: boolean;
  logger: Logger;
}

export const CLOSE_FORBIDDEN = 4403;

interface SubscriptionContext {
  caller: UserCaller;
  /** `next` messages straight to this socket (graphql-ws sets no onNext hook here that they would bypass). */
  sink: UpdateSink;
}

export function serveSubscriptions(options: SubscriptionServerOptions): { close(): Promise<void> } {
  const { settings, logger } = options;
  const allowed = new Set(settings.allowedOrigins);
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: "/graphql",
    maxPayload: settings.maxPayloadBytes,
    // the web console the gateway serves itself is same-origin, on whatever address it is reached
    verifyClient: ({ origin, req, secure }: { origin?: string; req: IncomingMessage; secure: boolean }, done: (ok: boolean, code?: number, message?: string) => void) =>
      !origin || allowed.has(origin) || origin === `${secure ? "https" : "http"}://${req.headers.host}` ? done(true) : done(false, 403, "Origin not allowed"),
  });
  const states = new WeakMap<object, SocketState>();
  const stateOf = (extra: object): SocketState => {
    let state = states.get(extra);
    if (!state) states.set(extra, (state = { subscriptions: new Set() }));
    return state;
  };
  const rules = [...specifiedRules, ...(options.validationRules as ValidationRule[])];
  const disposable = useServer(
    {
      isProd: options.production,
      connectionInitWaitTimeout: settings.initTimeoutMs,
      onConnect: async (ctx) => {
        const raw = (ctx.connectionParams as { authorization?: unknown } | undefined)?.authorization;
        const token = typeof raw === "string" ? /^Bearer\s+(\S+)$/i.exec(raw)?.[1] : undefined;
        if (!token) return false;
        try {
          const { identity, expiresAt } = await options.verifier.verifyWithExpiry(token);
          const state = stateOf(ctx.extra);
          state.caller = { kind: "user", ...identity, requestId: null, via: options.gatewayId };
          state.expiry = setTimeout(() => ctx.extra.socket.close(CLOSE_FORBIDDEN, "Token expired"), Math.max(0, expiresAt.getTime() - Date.now()));
          state.expiry.unref();
          return true;
        } catch (error) {
          logger.info({ reason: (error as Error).message }, "refused a socket's token");
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const state = stateOf(ctx.extra);
        const schema = options.schema();
        if (!state.caller || !schema) return [new GraphQLError("Not ready", { extensions: { code: ErrorCode.UNAUTHENTICATED } })];
        if (state.subscriptions.size >= settings.maxSubscriptionsPerSocket) {
          return [
            new GraphQLError(`At most ${settings.maxSubscriptionsPerSocket} subscriptions per connection`, {
              extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: settings.maxSubscriptionsPerSocket },
            }),
          ];
        }
        state.subscriptions.add(id); // reserved now: the checks below take time, and other subscribe messages may arrive meanwhile
        const refuse = (errors: readonly GraphQLError[]) => {
          state.subscriptions.delete(id);
          return errors;
        };
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: settings.maxTokens });
        } catch (error) {
          return refuse([formatted(error as GraphQLError)]);
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return refuse(invalid.map(formatted));
        const operationName = payload.operationName ?? undefined;
        const operation = getOperationAST(document, operationName);
        if (!operation) {
          return refuse([unresolvedOperationError(operationName)]);
        }
        if (operation.operation !== "subscription") {
          return refuse([new GraphQLError("Queries and mutations go over HTTP POST; this socket carries subscriptions", { extensions: { code: ErrorCode.BAD_USER_INPUT } })]);
        }
        // the chosen operation with its fragments: what the live service resolves
        const chosen: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)] };
        const context: SubscriptionContext = { caller: state.caller, sink: socketSink(ctx.extra.socket, id) };
        const args = { schema, document: chosen, variableValues: payload.variables ?? {}, operationName, contextValue: context };
        const refused = await options.live.admit(args, state.caller);
        return refused ? refuse(refused) : args;
      },
      subscribe: async (args) => {
        const { caller, sink } = args.contextValue as SubscriptionContext;
        return options.live.subscribe(args, caller, sink);
      },
      onComplete: (ctx, id) => {
        stateOf(ctx.extra).subscriptions.delete(id);
      },
      onClose: (ctx) => {
        const state = states.get(ctx.extra);
        if (state?.expiry) clearTimeout(state.expiry);
      },
    },
    wss,
  );
  return {
    close: async () => {
      await disposable.dispose();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Errors as HTTP requests get them: limit codes, no stack, no suggestions. */
function formatted(error: GraphQLError): GraphQLError {
  const shaped = formatError(error.toJSON(), error, { exposeStack: false });
  return new GraphQLError(shaped.message, { extensions: shaped.extensions ?? {} });
}
