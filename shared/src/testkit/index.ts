/**
 * Test kit: one embedded PostgreSQL per test run (vitest globalSetup), a
 * fresh database per test file. Nothing here is used in production.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres.js";
import { freePort } from "../ports.js";

export { graphqlRequest, graphqlData, GraphQLRequestError, type GraphQLResult } from "../graphql-client.js";

export interface TestPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Starts a throw-away cluster; call the returned stop() in teardown. */
export async function startTestPostgres(): Promise<{ info: TestPostgres; stop: () => Promise<void> }> {
  const parent = mkdtempSync(join(tmpdir(), "tandem-test-pg-"));
  chmodSync(parent, 0o755); // the cluster runs as the postgres OS user when we are root
  const clusterDir = join(parent, "data");
  const server = await startEmbeddedPostgres({ clusterDir, port: await freePort(), persistent: false, fast: true });
  return {
    info: { host: server.host, port: server.port, user: server.user, password: server.password },
    stop: async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export function postgresUrl(info: TestPostgres, database: string): string {
  return `postgres://${info.user}:${info.password}@${info.host}:${info.port}/${database}`;
}

/** Creates an empty database with a unique name and returns its URL. */
export async function createFreshDatabase(info: TestPostgres, prefix = "test"): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl(info, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: postgresUrl(info, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl(info, "postgres") });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Writes a consortium registry for tests and returns its path. */
export function writeTestRegistry(registry: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "tandem-registry-"));
  const path = join(dir, "consortium.json");
  writeFileSync(path, JSON.stringify(registry, null, 2));
  return path;
}
export * from "./trust.js";
export * from "./tokens.js";
export * from "./feed-client.js";
export * from "./database-state.js";
export * from "./token-uses.js";
export * from "./client-mistakes.js";
export * from "./bad-input-cases.js";
export * from "./bad-input-checks.js";
