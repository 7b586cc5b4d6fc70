/**
 * Starts a real university node on a fresh, migrated database of the test
 * cluster, listening on a free port, trusting a test gateway. `query()`
 * calls it as the gateway would for the node's coordinator; `as(caller)`
 * for anyone else; `post()` sends exactly the headers given.
 */
import { inject } from "vitest";
import pg from "pg";
import { ProofType, signProof, type Caller } from "@tandem/shared";
import { as, createTestTrust, graphqlRequest, type GraphQLResult, type TestTrust } from "@tandem/shared/testkit";
import { createFeedClient, createFreshDatabase, type FeedClient, type TestPostgres } from "@tandem/party/testkit";
import { loadNodeConfig, migrateNode, startUniversityNode, type UniversityNode } from "../src/index.js";

export const TEST_REGISTRY = {
  consortium: { id: "test", name: "Test consortium" },
  coordination: { id: "coord", name: "Coordination", url: "http://127.0.0.1:1/graphql" },
  nodes: [
    { id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:1/graphql" },
    { id: "zcu", name: "University of West Bohemia", shortName: "ZCU", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague", url: "http://127.0.0.1:2/graphql" },
  ],
};

/** The consortium-wide conflict-token key every test node holds unless a test gives another. */
export const TEST_CONFLICT_SECRET = "test-consortium-conflict-token-key-0123456789abcdef";

/** A test node's own pseudonym key (each node its own) unless a test gives another. */
export function testPseudonymSecret(nodeId: string): string {
  return `test-matching-pseudonym-key-of-${nodeId}-0123456789abcdef`;
}

let sharedTrust: Promise<TestTrust> | undefined;

const PARTICIPANT_ID = /^([a-z][a-z0-9-]*):participant:[0-9a-f-]{36}$/;

/**
 * What the gateway adds to a call that names participants of other nodes:
 * each home node's signed word that the participant exists and the caller
 * may act for them (here signed with the home node's test key without
 * asking it; tests of refusals send without).
 */
async function homeAttestations(trust: TestTrust, nodeId: string, caller: Caller, variables: Record<string, unknown> = {}): Promise<Record<string, string>> {
  if (caller.kind !== "user") return {};
  const remote = Object.values(variables).filter((value): value is string => typeof value === "string" && PARTICIPANT_ID.exec(value)?.[1] !== undefined && !value.startsWith(`${nodeId}:`));
  const attestations = await Promise.all(
    remote.flatMap((participantId) => {
      const home = participantId.split(":")[0]!;
      const key = trust.keys.get(home);
      return key ? [signProof(key, home, { type: ProofType.PARTICIPANT_ACTOR, participantId, actor: caller.sub, memberships: [] })] : [];
    }),
  );
  return attestations.length ? { "x-tandem-attestation": attestations.join(",") } : {};
}

/** One set of keys per test file: every node started in it trusts the same gateway and knows the others' keys. */
export function testTrust(): Promise<TestTrust> {
  sharedTrust ??= createTestTrust(TEST_REGISTRY);
  return sharedTrust;
}

/** Sends operations to a node on behalf of one caller. */
export interface NodeClient {
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
}

export interface TestNode extends NodeClient {
  node: UniversityNode;
  nodeId: string;
  url: string;
  databaseUrl: string;
  trust: TestTrust;
  /** Operations as `caller`, each with a fresh gateway token. */
  as(caller: Caller): NodeClient;
  /** A gateway token for `caller` addressed to this node (or `audience`). */
  token(caller?: Caller, audience?: string): Promise<string>;
  /** A POST with exactly these headers: no token unless given. */
  post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  /** Plain SQL on the node's database, outside the node (setup and checks). */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Rows in a table of the node's database. */
  countRows(table: string): Promise<number>;
  /** ws://…/feed of this node. */
  feedUrl: string;
  /** http://…/feed of this node. */
  feedHttpUrl: string;
  /** A graphql-ws client of the node's change feed, authenticated as `caller` (default: the gateway itself); closed on stop. */
  feed(caller?: Caller | null): FeedClient;
  stop(): Promise<void>;
}

export interface TestNodeOptions {
  /** Keys and registry (default: the file's shared test trust). */
  trust?: TestTrust;
  /** Extra environment, e.g. limit overrides or NODE_ENV. */
  env?: Record<string, string>;
  /** Run as a replica on this (migrated) database instead of a fresh one; the database is left as it is on stop. */
  databaseUrl?: string;
  /** A cluster of the test's own (e.g. one the test stops) instead of the run's shared one. */
  postgres?: TestPostgres;
}

export async function startTestNode(nodeId = "hst", options: TestNodeOptions = {}): Promise<TestNode> {
  const trust = options.trust ?? (await testTrust());
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createFreshDatabase(options.postgres ?? inject("postgres"), `node_${nodeId}`);
  const entry = TEST_REGISTRY.nodes.find((node) => node.id === nodeId)!;
  const config = loadNodeConfig({
    NODE_ID: nodeId,
    NODE_NAME: entry.name,
    NODE_COUNTRY: entry.country,
    PORT: "0",
    DATABASE_URL: database.url,
    REGISTRY_FILE: trust.registryFile,
    SIGNING_KEY_FILE: trust.keyFiles.get(nodeId)!,
    LOG_LEVEL: "silent",
    DB_POOL_SIZE: "4",
    MATCHING_PSEUDONYM_SECRET: testPseudonymSecret(nodeId),
    MATCHING_CONFLICT_SECRET: TEST_CONFLICT_SECRET,
    ...options.env,
  });
  if (!options.databaseUrl) await migrateNode(config);
  const node = await startUniversityNode(config);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
  const token = (caller: Caller = as.nodeCoordinator(nodeId), audience = nodeId) => trust.serviceToken(audience, caller);
  const post: TestNode["post"] = (query, variables, headers = {}) => graphqlRequest(node.url, query, variables, headers);
  const client = (caller: Caller): NodeClient => ({
    query: async (query, variables) => post(query, variables, { authorization: `Bearer ${await token(caller)}`, ...(await homeAttestations(trust, nodeId, caller, variables)) }),
  });
  const feedUrl = node.url.replace(/^http/, "ws").replace(/\/graphql$/, "/feed");
  const feeds: FeedClient[] = [];
  return {
    node,
    nodeId,
    url: node.url,
    databaseUrl: database.url,
    trust,
    as: client,
    token,
    post,
    query: client(as.nodeCoordinator(nodeId)).query,
    sql,
    countRows: async (table) => Number((await sql<{ count: string }>(`SELECT count(*) FROM ${pg.escapeIdentifier(table)}`))[0]!.count),
    feedUrl,
    feedHttpUrl: node.url.replace(/\/graphql$/, "/feed"),
    feed: (caller = as.system()) => {
      const feed = createFeedClient(feedUrl, async () => (caller ? `Bearer ${await token(caller)}` : undefined));
      feeds.push(feed);
      return feed;
    },
    stop: async () => {
      await Promise.all(feeds.map((feed) => feed.dispose()));
      await pool.end();
      await node.stop();
      await database.drop();
    },
  };
}
