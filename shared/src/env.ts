/**
 * Each service validates its environment once, through a zod schema, and
 * reports every problem at once. Nothing else reads `process.env`.
 */
import { z } from "zod";
import { exitWithParent } from "./process.js";

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`));
}

/** Common fields for every HTTP service. */
export const envFields = {
  port: z.coerce.number().int().min(0).max(65535),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  nodeEnv: z.enum(["development", "production", "test"]).default("development"),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
};

/**
 * Runs `main`, printing configuration errors readably and exiting non-zero.
 * A process spawned by the launcher also ends when the launcher goes away.
 */
export function runMain(main: () => Promise<unknown>): void {
  exitWithParent();
  main().catch((error: unknown) => {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(1);
  });
}
