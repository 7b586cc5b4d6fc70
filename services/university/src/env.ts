/**
 * The node's configuration, validated once. One codebase, N deployments:
 * everything that differs between universities comes from here.
 */
import { SUBGRAPH_LIMITS, envFields, limitsEnvFields, limitsFromEnv, outboxRetentionHours, parseEnv } from "@tandem/shared";
import { z } from "zod";

const seconds = (fallback: number, max: number) => z.coerce.number().int().min(0).max(max).default(fallback);

const NodeEnvSchema = z
  .object({
    NODE_ID: z.string().regex(/^[a-z][a-z0-9]{1,15}$/, "2–16 lowercase letters or digits, starting with a letter"),
    NODE_NAME: z.string().min(1),
    NODE_COUNTRY: z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code, e.g. DE"),
    HOST: z.string().default("127.0.0.1"),
    PORT: envFields.port,
    DATABASE_URL: envFields.databaseUrl,
    REGISTRY_FILE: z.string().min(1, "path to the consortium registry JSON"),
    SIGNING_KEY_FILE: z.string().min(1, "path to this node's private signing key (JWK), published in the registry"),
    GATEWAY_CLOCK_TOLERANCE_SECONDS: seconds(30, 300),
    GATEWAY_REPLAY_WINDOW_SECONDS: seconds(120, 3600),
    LOG_LEVEL: envFields.logLevel,
    NODE_ENV: envFields.nodeEnv,
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    OUTBOX_RETENTION_HOURS: outboxRetentionHours,
    ...limitsEnvFields(SUBGRAPH_LIMITS),
  })
  .transform((env) => ({
    node: { id: env.NODE_ID, name: env.NODE_NAME, country: env.NODE_COUNTRY },
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    registryFile: env.REGISTRY_FILE,
    signingKeyFile: env.SIGNING_KEY_FILE,
    gatewayTokens: { clockToleranceSeconds: env.GATEWAY_CLOCK_TOLERANCE_SECONDS, replayWindowSeconds: env.GATEWAY_REPLAY_WINDOW_SECONDS },
    limits: limitsFromEnv(env),
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === "production",
    dbPoolSize: env.DB_POOL_SIZE,
    /** How long the change feed keeps changes for subscribers that resume by cursor. */
    outboxRetentionHours: env.OUTBOX_RETENTION_HOURS,
  }));

export type NodeConfig = z.infer<typeof NodeEnvSchema>;

export function loadNodeConfig(source: Record<string, string | undefined>): NodeConfig {
  return parseEnv(NodeEnvSchema, source);
}
