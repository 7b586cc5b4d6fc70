/**
 * Starts a real coordination service on a fresh, migrated database of the
 * test cluster, listening on a free port, trusting a test gateway whose
 * tokens the helpers mint for any caller.
 */
import { inject } from "vitest";
import pg from "pg";
import type { Caller } from "@tandem/shared";
import type { MatchingProfileSource } from "../src/index.js";
import { as, createTestTrust, graphqlRequest, type TestTrust } from "@tandem/shared/testkit";
import { createFeedClient, createFreshDatabase, type FeedClient } from "@tandem/party/testkit";
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

type Result<T> = ReturnType<typeof graphqlRequest<T>>;

/** Sends operations as one caller, through a token the test gateway signs for each request. */
export interface CoordinationClient {
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Result<T>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: any;
}

export interface TestCoordination extends CoordinationClient {
  coordination: RunningCoordination;
  trust: TestTrust;
  url: string;
  databaseUrl: string;
  /** The same service, called on behalf of another person (default: the joint coordinator). */
  as(caller: Caller): CoordinationClient;
  /** A fresh gateway token for this service (or another audience). */
  token(caller?: Caller, audience?: string): Promise<string>;
  /** POSTs a body with exactly the headers given (no token unless you add one). */
  post(body: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  /** Rows in a table of the coordination database, read with plain SQL. */
  countRows(table: string): Promise<number>;
  sql<R = Record<string, any>>(text: string, values?: unknown[]): Promise<R[]>;
  /** http://…/feed of this service. */
  feedHttpUrl: string;
  /** A graphql-ws client of the change feed (ws://…/feed), authenticated as `caller` (default: the gateway itself); closed on stop. */
  feed(caller?: Caller | null): FeedClient;
  stop(): Promise<void>;
}

export interface TestCoordinationOptions {
  /** Extra environment (limits, NODE_ENV, replay window, GATEWAY_URL…). */
  env?: Record<string, string>;
  /** Where matching rounds take profiles from; default: GATEWAY_URL (unreachable unless `env` sets it). */
  profiles?: MatchingProfileSource;
  /** Keys and registry (default: fresh ones); a replica needs those of the service it joins. */
  trust?: TestTrust;
  /** Run as a replica on this (migrated) database instead of a fresh one; the database is left as it is on stop. */
  databaseUrl?: string;
}

export async function startTestCoordination(options: TestCoordinationOptions = {}): Promise<TestCoordination> {
  const trust = options.trust ?? (await createTestTrust(TEST_REGISTRY));
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createFreshDatabase(inject("postgres"), "coordination");
  const config = loadCoordinationConfig({
    PORT: "0",
    DATABASE_URL: database.url,
    REGISTRY_FILE: trust.registryFile,
    SIGNING_KEY_FILE: trust.keyFiles.get(trust.registry.coordination.id)!,
    GATEWAY_URL: "http://127.0.0.1:9/graphql",
    LOG_LEVEL: "silent",
    DB_POOL_SIZE: "4",
    ...options.env,
  });
  if (!options.databaseUrl) await migrateCoordination(config);
  const coordination = await startCoordination(config, options.profiles ? { profileSource: options.profiles } : {});
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const token = (caller: Caller = as.jointCoordinator(), audience = coordination.id) => trust.serviceToken(audience, caller);
  const feeds: FeedClient[] = [];
  const client = (caller: Caller): CoordinationClient => ({
    query: async (query, variables) => graphqlRequest(coordination.url, query, variables, { authorization: `Bearer ${await token(caller)}` }),
  });
  return {
    ...client(as.jointCoordinator()),
    coordination,
    trust,
    url: coordination.url,
    databaseUrl: database.url,
    as: client,
    token,
    post: async (body, headers = {}) => {
      const response = await fetch(coordination.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    countRows: async (table) => Number((await pool.query(`SELECT count(*) FROM ${pg.escapeIdentifier(table)}`)).rows[0].count),
    sql: async (text, values) => (await pool.query(text, values)).rows,
    feedHttpUrl: coordination.url.replace(/\/graphql$/, "/feed"),
    feed: (caller = as.system()) => {
      const feed = createFeedClient(coordination.url.replace(/^http/, "ws").replace(/\/graphql$/, "/feed"), async () => (caller ? `Bearer ${await token(caller)}` : undefined));
      feeds.push(feed);
      return feed;
    },
    stop: async () => {
      await Promise.all(feeds.map((feed) => feed.dispose()));
      await pool.end();
      await coordination.stop();
      await database.drop();
    },
  };
}
