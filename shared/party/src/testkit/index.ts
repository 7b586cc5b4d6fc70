/**
 * Test kit, database part: one embedded PostgreSQL per test run (vitest
 * globalSetup), a fresh database per test file, what a database holds, and
 * a client of a party's change feed. Keys, tokens and the rest are in
 * @tandem/shared/testkit. Nothing here is used in production.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DataSource } from "typeorm";
import type { Database } from "../database.js";
import { startEmbeddedPostgres } from "../embedded-postgres.js";
import { freePort } from "@tandem/shared";

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
        await closedConnections(client, name);
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Waits (up to `timeoutMs`) until nobody is connected to `database`. A pool's
 * end() resolves before its sockets have closed; dropping WITH (FORCE) at
 * that moment makes the server kill them, and a client that is ending
 * reports the kill (57P01) as an unhandled error. Leaked connections are
 * still forced out after the wait.
 */
async function closedConnections(admin: pg.Client, database: string, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ open: number }>(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1`, [database]);
    if (rows[0]?.open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface FreshDatabase {
  database: Database;
  url: string;
  /** Destroys the data source and drops the database. */
  close: () => Promise<void>;
}

/** A fresh database opened (initialised, not migrated) by a service's own `open`: for its migration tests. */
export async function openFreshDatabase(info: TestPostgres, prefix: string, open: (url: string) => Database): Promise<FreshDatabase> {
  const fresh = await createFreshDatabase(info, prefix);
  const database = open(fresh.url);
  await database.dataSource.initialize();
  return {
    database,
    url: fresh.url,
    close: async () => {
      await database.dataSource.destroy();
      await fresh.drop();
    },
  };
}

/** The tables of the public schema, by name. */
export async function publicTables(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
  return rows.map((row) => row.table_name);
}

export * from "./feed-client.js";
export * from "./database-state.js";
