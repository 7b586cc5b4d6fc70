import type { Express } from "express";
import { execute, parse, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { schemaFingerprint } from "@tandem/shared";

/** /health answers within this, database or not (a probe that hangs tells nobody anything). */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

/**
 * `GET /health`: 200 while the database answers, 503 `database unavailable`
 * when it does not answer within HEALTH_CHECK_TIMEOUT_MS; `identity` names
 * the party and the fingerprint of the schema it serves. The gateway's
 * health checks read it, and nothing else.
 */
export function mountDatabaseHealth(app: Express, dataSource: DataSource, identity: Record<string, string>): void {
  app.get("/health", async (_req, res) => {
    const ok = await databaseAnswers(dataSource, HEALTH_CHECK_TIMEOUT_MS);
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "database unavailable", ...identity });
  });
}

/**
 * Asks the connection pool itself, past TypeORM: the gateway probes /health
 * every few seconds, and those probes must not blur the SQL statement counter
 * that measures what requests cost.
 */
async function databaseAnswers(dataSource: DataSource, timeoutMs: number): Promise<boolean> {
  const pool = (dataSource.driver as unknown as { master?: { query(sql: string): Promise<unknown> } }).master;
  if (!pool) return false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      pool.query("SELECT 1").then(
        () => true,
        () => false,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The fingerprint of the SDL the schema serves as `_service { sdl }`, exactly what a gateway would read there. */
export async function servedSchemaFingerprint(schema: GraphQLSchema): Promise<string> {
  const result = await execute({ schema, document: parse("{ _service { sdl } }") });
  const sdl = (result as { data?: { _service?: { sdl?: string } } }).data?._service?.sdl;
  if (!sdl) throw new Error("the schema serves no _service { sdl }: not a federation subgraph");
  return schemaFingerprint(sdl);
}
