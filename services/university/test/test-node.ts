/**
 * Starts a real university node on a fresh, migrated database of the test
 * cluster, listening on a free port.
 */
import { inject } from "vitest";
import pg from "pg";
import { createFreshDatabase, graphqlRequest, writeTestRegistry } from "@tandem/shared/testkit";
import { loadNodeConfig, migrateNode, startUniversityNode, type UniversityNode } from "../src/index.js";

export const TEST_REGISTRY = {
  consortium: { id: "test", name: "Test consortium" },
  coordination: { id: "coord", name: "Coordination", url: "http://127.0.0.1:1/graphql" },
  nodes: [
    { id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:1/graphql" },
    { id: "zcu", name: "University of West Bohemia", shortName: "ZCU", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague", url: "http://127.0.0.1:2/graphql" },
  ],
};

export interface TestNode {
  node: UniversityNode;
  url: string;
  databaseUrl: string;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): ReturnType<typeof graphqlRequest<T>>;
  /** Plain SQL on the node's database, outside the node (setup and checks). */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Rows in a table of the node's database. */
  countRows(table: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startTestNode(nodeId = "hst"): Promise<TestNode> {
  const database = await createFreshDatabase(inject("postgres"), `node_${nodeId}`);
  const entry = TEST_REGISTRY.nodes.find((node) => node.id === nodeId)!;
  const config = loadNodeConfig({
    NODE_ID: nodeId,
    NODE_NAME: entry.name,
    NODE_COUNTRY: entry.country,
    PORT: "0",
    DATABASE_URL: database.url,
    REGISTRY_FILE: writeTestRegistry(TEST_REGISTRY),
    LOG_LEVEL: "silent",
    DB_POOL_SIZE: "4",
  });
  await migrateNode(config);
  const node = await startUniversityNode(config);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
  return {
    node,
    url: node.url,
    databaseUrl: database.url,
    query: (query, variables) => graphqlRequest(node.url, query, variables),
    sql,
    countRows: async (table) => Number((await sql<{ count: string }>(`SELECT count(*) FROM ${pg.escapeIdentifier(table)}`))[0]!.count),
    stop: async () => {
      await pool.end();
      await node.stop();
      await database.drop();
    },
  };
}
