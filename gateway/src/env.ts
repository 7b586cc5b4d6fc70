/**
 * The gateway's configuration, validated once.
 */
import { dirname, join } from "node:path";
import { GATEWAY_LIMITS, envFields, limitsEnvFields, limitsFromEnv, parseEnv } from "@tandem/shared";
import { z } from "zod";
import { DEFAULT_CALL_LIMIT } from "./parties/call-limit.js";
import { DEFAULT_CONSOLE_DIR } from "./console-routes.js";

/** A browser origin as the Origin header carries it. */
const ORIGIN = /^https?:\/\/[^/\s]+$/;

const GatewayEnvSchema = z
  .object({
    HOST: z.string().default("127.0.0.1"),
    PORT: envFields.port.default(4000),
    REGISTRY_FILE: z.string().min(1, "path to the consortium registry JSON"),
    SUPERGRAPH_FILE: z.string().min(1, "path to the composed supergraph"),
    UNIVERSITY_SDL_FILE: z.string().optional(),
    COORDINATION_SDL_FILE: z.string().optional(),
    LOG_LEVEL: envFields.logLevel,
    NODE_ENV: envFields.nodeEnv,
    /** Introspection and the Apollo Sandbox at /graphql even in production (the demo); default: outside production only. */
    EXPLORER: z.enum(["true", "false"]).optional(),
    NODE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
    HEALTH_INTERVAL_MS: z.coerce.number().int().min(200).max(600_000).default(5_000),
    /** How often every receiver's position is compared with every source's facts (a new fact is delivered at once anyway). */
    FACT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(10_000),
    /** Calls in flight to one party at a time; more wait in a queue of PARTY_QUEUE for at most PARTY_QUEUE_TIMEOUT_MS, the rest are refused (PARTY_OVERLOADED). */
    PARTY_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_CALL_LIMIT.maxConcurrency),
    PARTY_QUEUE: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_CALL_LIMIT.queue),
    PARTY_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(DEFAULT_CALL_LIMIT.queueTimeoutMs),
    /** Identical calls in flight to a party share one call where the answer cannot differ between their callers. */
    COALESCE: z.enum(["on", "off"]).default("on"),
    BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
    BREAKER_RESET_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    BREAKER_VOLUME: z.coerce.number().int().min(1).max(1_000).default(5),
    SIGNING_KEY_FILE: z.string().min(1, "path to the gateway's private signing key (JWK)"),
    /** The gateway's public address: certificates name their issuing nodes under it (did:web:<host>:nodes:<node>); the nodes must be given the same. */
    PUBLIC_GATEWAY_URL: z.url({ error: "the gateway's public address, e.g. https://tandem.example.org" }).default("http://127.0.0.1:4000"),
    /** How long the gateway keeps a node's signed status list before asking again (a revocation shows after at most this long). */
    STATUS_LIST_CACHE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
    USER_TOKEN_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    SERVICE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
    REPRESENTATIONS_PER_CALL: z.coerce.number().int().min(1).max(10_000).default(200),
    ALLOWED_ORIGINS: z
      .string()
      .default("http://localhost:4000,http://127.0.0.1:4000,https://sandbox.embed.apollographql.com,https://studio.apollographql.com")
      .transform((list) =>
        list
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(ORIGIN, "each origin is scheme://host[:port], e.g. https://mentoring.example.org, without a path"))),
    WS_ALLOWED_ORIGINS: z.undefined({ error: "renamed ALLOWED_ORIGINS, which now covers HTTP (CORS) and sockets alike" }).optional(),
    WS_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1_024).max(10_000_000).default(65_536),
    WS_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
    WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).max(1_000).default(25),
    LIVE_BACKLOG: z.coerce.number().int().min(10).max(100_000).default(1_000),
    /** The built web console served at / (default: the workspace's console/dist; production refuses to start without it). */
    CONSOLE_DIR: z.string().min(1).optional(),
    ...limitsEnvFields(GATEWAY_LIMITS),
  })
  .transform((env) => ({
    host: env.HOST,
    port: env.PORT,
    registryFile: env.REGISTRY_FILE,
    supergraphFile: env.SUPERGRAPH_FILE,
    universitySdlFile: env.UNIVERSITY_SDL_FILE ?? join(dirname(env.SUPERGRAPH_FILE), "university.graphql"),
    coordinationSdlFile: env.COORDINATION_SDL_FILE ?? join(dirname(env.SUPERGRAPH_FILE), "coordination.graphql"),
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === "production",
    explorer: env.EXPLORER === undefined ? env.NODE_ENV !== "production" : env.EXPLORER === "true",
    nodeTimeoutMs: env.NODE_TIMEOUT_MS,
    healthIntervalMs: env.HEALTH_INTERVAL_MS,
    factSweepIntervalMs: env.FACT_SWEEP_INTERVAL_MS,
    partyLimit: { maxConcurrency: env.PARTY_MAX_CONCURRENCY, queue: env.PARTY_QUEUE, queueTimeoutMs: env.PARTY_QUEUE_TIMEOUT_MS },
    coalesce: env.COALESCE === "on",
    breaker: { errorThresholdPercentage: env.BREAKER_ERROR_PERCENT, resetTimeoutMs: env.BREAKER_RESET_MS, volumeThreshold: env.BREAKER_VOLUME },
    signingKeyFile: env.SIGNING_KEY_FILE,
    publicGatewayUrl: env.PUBLIC_GATEWAY_URL.replace(/\/+$/, ""),
    statusListCacheMs: env.STATUS_LIST_CACHE_SECONDS * 1000,
    userTokenClockToleranceSeconds: env.USER_TOKEN_CLOCK_TOLERANCE_SECONDS,
    serviceTokenTtlSeconds: env.SERVICE_TOKEN_TTL_SECONDS,
    representationsPerCall: env.REPRESENTATIONS_PER_CALL,
    /** Browser origins that may call the gateway, over HTTP (CORS) and WebSocket alike. */
    allowedOrigins: env.ALLOWED_ORIGINS,
    sockets: {
      allowedOrigins: env.ALLOWED_ORIGINS,
      maxPayloadBytes: env.WS_MAX_PAYLOAD_BYTES,
      initTimeoutMs: env.WS_INIT_TIMEOUT_MS,
      maxSubscriptionsPerSocket: env.WS_MAX_SUBSCRIPTIONS,
      maxTokens: env.MAX_TOKENS,
    },
    liveBacklog: env.LIVE_BACKLOG,
    consoleDir: env.CONSOLE_DIR ?? DEFAULT_CONSOLE_DIR,
    limits: limitsFromEnv(env),
  }));

export type GatewayConfig = z.infer<typeof GatewayEnvSchema>;

export function loadGatewayConfig(source: Record<string, string | undefined>): GatewayConfig {
  return parseEnv(GatewayEnvSchema, source);
}
