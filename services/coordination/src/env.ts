/**
 * The coordination service's configuration, validated once. Who it is comes
 * from the consortium registry (`coordination.id`), not from here.
 */
import { envFields, limitsEnvFields, limitsFromEnv, parseEnv, SUBGRAPH_LIMITS } from "@tandem/shared";
import { outboxRetentionHours } from "@tandem/party";
import { demoSignInEnvFields, demoSignInFromEnv } from "@tandem/party/demo-sign-in";
import { z } from "zod";

const CoordinationEnvSchema = z
  .object({
    HOST: z.string().default("127.0.0.1"),
    PORT: envFields.port,
    DATABASE_URL: envFields.databaseUrl,
    REGISTRY_FILE: z.string().min(1, "path to the consortium registry JSON"),
    SIGNING_KEY_FILE: z.string().min(1, "path to the coordination office's private signing key (a JWK); it signs tandem acceptances and its matching service's tokens"),
    GATEWAY_URL: z.url({ protocol: /^https?$/, error: "the gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql (matching rounds pull profiles through it)" }),
    GATEWAY_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    GATEWAY_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    LOG_LEVEL: envFields.logLevel,
    NODE_ENV: envFields.nodeEnv,
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    OUTBOX_RETENTION_HOURS: outboxRetentionHours,
    MIN_GROUP_SIZE: z.coerce.number().int().min(2, "the consortium's minimum group size: counts of fewer applications are not shown (at least 2)").max(50).default(5),
    ...limitsEnvFields(SUBGRAPH_LIMITS),
    ...demoSignInEnvFields,
  })
  .transform((env) => ({
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    registryFile: env.REGISTRY_FILE,
    signingKeyFile: env.SIGNING_KEY_FILE,
    /** The gateway's GraphQL endpoint: matching rounds pull the nodes' profiles through it (nodes answer no one else). */
    gatewayUrl: env.GATEWAY_URL,
    /** Accepted clock difference between the gateway and this service. */
    gatewayClockToleranceSeconds: env.GATEWAY_CLOCK_TOLERANCE_SECONDS,
    /** Gateway tokens older than this are refused; each token id is accepted once (recorded in the database). */
    gatewayReplayWindowSeconds: env.GATEWAY_REPLAY_WINDOW_SECONDS,
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === "production",
    dbPoolSize: env.DB_POOL_SIZE,
    limits: limitsFromEnv(env),
    /** How long the change feed keeps changes for subscribers that resume by cursor. */
    outboxRetentionHours: env.OUTBOX_RETENTION_HOURS,
    /** The consortium's minimum group size: pipeline counts of fewer applications are suppressed, so that no one is singled out. */
    minimumGroupSize: env.MIN_GROUP_SIZE,
    /** The demo's OpenID Connect provider at /oidc, where the joint coordinator signs in (README: Signing in), or null (production). */
    demoSignIn: demoSignInFromEnv(env),
  }));

export type CoordinationConfig = z.infer<typeof CoordinationEnvSchema>;

export function loadCoordinationConfig(source: Record<string, string | undefined>): CoordinationConfig {
  return parseEnv(CoordinationEnvSchema, source);
}

/** The migrate step needs the database only: no registry, no signing key. */
const MigrationEnvSchema = z
  .object({ DATABASE_URL: envFields.databaseUrl, LOG_LEVEL: envFields.logLevel, DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(2) })
  .transform((env) => ({ databaseUrl: env.DATABASE_URL, logLevel: env.LOG_LEVEL, dbPoolSize: env.DB_POOL_SIZE }));

export type CoordinationMigrationConfig = z.infer<typeof MigrationEnvSchema>;

export function loadCoordinationMigrationConfig(source: Record<string, string | undefined>): CoordinationMigrationConfig {
  return parseEnv(MigrationEnvSchema, source);
}
