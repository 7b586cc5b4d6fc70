/**
 * Starts a real coordination service on a fresh, migrated database of the
 * test cluster, listening on a free port.
 */
import { inject } from "vitest";
import pg from "pg";
import { createFreshDatabase, graphqlRequest, writeTestRegistry } from "@tandem/shared/testkit";
import { loadCoordinationConfig, migrateCoordination, startCoordination, type RunningCoordination } from "../src/index.js";

/** Two German nodes, one Czech, one Luxembourgish: enough for both cross-border rules. */
export const TEST_REGISTRY = {
  consortium: { id: "test", name: "Test consortium" },
  coordination: { id: "coord", name: "Coordination", url: "http://127.0.0.1:1/graphql" },
  nodes: [
    { id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:1/graphql" },
    { id: "othaw", name: "OTH Amberg-Weiden", shortName: "OTH AW", country: "DE", city: "Amberg", timeZone: "Europe/Berlin", url: "http://127.0.0.1:2/graphql" },
    { id: "zcu", name: "University of West Bohemia", shortName: "ZCU", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague", url: "http://127.0.0.1:3/graphql" },
    { id: "unilu", name: "Université du Luxembourg", shortName: "Uni.lu", country: "LU", city: "Esch-sur-Alzette", timeZone: "Europe/Luxembourg", url: "http://127.0.0.1:4/graphql" },
  ],
};

export interface TestCoordination {
  coordination: RunningCoordination;
  url: string;
  databaseUrl: string;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): ReturnType<typeof graphqlRequest<T>>;
  /** Rows in a table of the coordination database, read with plain SQL. */
  countRows(table: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startTestCoordination(): Promise<TestCoordination> {
  const database = await createFreshDatabase(inject("postgres"), "coordination");
  const config = loadCoordinationConfig({
    PORT: "0",
    DATABASE_URL: database.url,
    REGISTRY_FILE: writeTestRegistry(TEST_REGISTRY),
    LOG_LEVEL: "silent",
    DB_POOL_SIZE: "4",
  });
  await migrateCoordination(config);
  const coordination = await startCoordination(config);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  return {
    coordination,
    url: coordination.url,
    databaseUrl: database.url,
    query: (query, variables) => graphqlRequest(coordination.url, query, variables),
    countRows: async (table) => Number((await pool.query(`SELECT count(*) FROM ${pg.escapeIdentifier(table)}`)).rows[0].count),
    stop: async () => {
      await pool.end();
      await coordination.stop();
      await database.drop();
    },
  };
}
