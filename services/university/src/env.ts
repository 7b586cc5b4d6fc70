/**
 * The node's configuration, validated once. One codebase, N deployments:
 * everything that differs between universities comes from here.
 */
import { SUBGRAPH_LIMITS, envFields, limitsEnvFields, limitsFromEnv, parseEnv } from "@tandem/shared";
import { outboxRetentionHours } from "@tandem/party";
import { demoSignInEnvFields, demoSignInFromEnv } from "@tandem/party/demo-sign-in";
import { z } from "zod";

const seconds = (fallback: number, max: number) => z.coerce.number().int().min(0).max(max).default(fallback);
/** A keying secret: at least 32 bytes (e.g. `openssl rand -base64 48`). */
const secret = (what: string) => z.string({ error: `required: ${what}` }).refine((value) => Buffer.byteLength(value, "utf8") >= 32, "must be at least 32 bytes");

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
    PUBLIC_GATEWAY_URL: z.url({ error: "the gateway's public address, e.g. https://tandem.example.org" }).default("http://127.0.0.1:4000"),
    OUTBOX_RETENTION_HOURS: outboxRetentionHours,
    MATCHING_PSEUDONYM_SECRET: secret("this node's own key for matching pseudonyms"),
    MATCHING_CONFLICT_SECRET: secret("the consortium-wide key for conflict tokens, the same at every node"),
    ...limitsEnvFields(SUBGRAPH_LIMITS),
    ...demoSignInEnvFields,
  })
  .refine((env) => env.MATCHING_PSEUDONYM_SECRET !== env.MATCHING_CONFLICT_SECRET, {
    path: ["MATCHING_PSEUDONYM_SECRET"],
    message: "must differ from MATCHING_CONFLICT_SECRET: every node knows that one, and could then link this node's pseudonyms",
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
    /** Where people reach the gateway: the base of the calendar feed URLs this node hands out. */
    publicGatewayUrl: env.PUBLIC_GATEWAY_URL.replace(/\/+$/, ""),
    /** How long the change feed keeps changes for subscribers that resume by cursor. */
    outboxRetentionHours: env.OUTBOX_RETENTION_HOURS,
    /** Keys of joint matching: pseudonyms are this node's own, conflict tokens the consortium's (never the coordination office's). */
    matching: { pseudonymSecret: env.MATCHING_PSEUDONYM_SECRET, conflictSecret: env.MATCHING_CONFLICT_SECRET },
    /** The demo's OpenID Connect provider at /oidc (README: Signing in), or null (production). */
    demoSignIn: demoSignInFromEnv(env),
  }));

export type NodeConfig = z.infer<typeof NodeEnvSchema>;

export function loadNodeConfig(source: Record<string, string | undefined>): NodeConfig {
  return parseEnv(NodeEnvSchema, source);
}
