/**
 * The coordination service's configuration, validated once. Who it is comes
 * from the consortium registry (`coordination.id`), not from here.
 */
import { envFields, parseEnv } from "@tandem/shared";
import { z } from "zod";

const CoordinationEnvSchema = z
  .object({
    HOST: z.string().default("127.0.0.1"),
    PORT: envFields.port,
    DATABASE_URL: envFields.databaseUrl,
    REGISTRY_FILE: z.string().min(1, "path to the consortium registry JSON"),
    LOG_LEVEL: envFields.logLevel,
    NODE_ENV: envFields.nodeEnv,
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  })
  .transform((env) => ({
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    registryFile: env.REGISTRY_FILE,
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === "production",
    dbPoolSize: env.DB_POOL_SIZE,
  }));

export type CoordinationConfig = z.infer<typeof CoordinationEnvSchema>;

export function loadCoordinationConfig(source: Record<string, string | undefined>): CoordinationConfig {
  return parseEnv(CoordinationEnvSchema, source);
}
