/**
 * End-to-end harness: a real consortium (embedded PostgreSQL, node,
 * coordination and gateway processes) launched by the same launcher as
 * `npm start`, on free ports in a throw-away data directory whose cluster is
 * a copy of the run's migrated template (cluster-template.setup.ts). Every
 * call acts as someone: a user token minted with the launcher's keys, as a
 * university's identity provider would mint it.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { expect, inject } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Role, ServiceTokenSigner, graphqlRequest, issueUserToken, retriedWhenOverloaded, loadSigningKey, type GraphQLResult, type SigningKey } from "@tandem/shared";
import type { Consortium } from "../src/launcher/consortium.js";
import { dataDirLayout } from "../src/launcher/data-dir.js";
import { keyFileOf } from "../src/launcher/keys.js";
import { launchConsortium } from "../src/launcher/launch.js";
import { coordinatorOf, jointCoordinatorOf } from "../src/demo-users.js";
import { DatabaseReader } from "./databases.js";

/** Who a call acts for. */
export type Who = { kind: "coordinator"; node: string } | { kind: "joint-coordinator" } | { kind: "participant"; id: string; role: typeof Role.MENTEE | typeof Role.MENTOR };

export const who = {
  coordinator: (node: string): Who => ({ kind: "coordinator", node }),
  jointCoordinator: (): Who => ({ kind: "joint-coordinator" }),
  mentee: (id: string): Who => ({ kind: "participant", id, role: Role.MENTEE }),
  mentor: (id: string): Who => ({ kind: "participant", id, role: Role.MENTOR }),
};

type Variables = Record<string, unknown>;

/** Calls made as one person. */
export interface Session {
  /** POST to the gateway with the person's user token (and any extra headers, e.g. Idempotency-Key). */
  gateway<T = any>(query: string, variables?: Variables, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  /** Like `gateway`, failing loudly on any error. */
  data<T = any>(query: string, variables?: Variables): Promise<T>;
  /** POST straight to one party, as the gateway would: a fresh gateway-signed token addressed to it, carrying this person. */
  direct<T = any>(partyId: string, query: string, variables?: Variables): Promise<GraphQLResult<T>>;
  /** The person's user token (for tests that look for it where it must not be). */
  token(): Promise<string>;
}

/** Mints user tokens with the launcher's keys, one per person, cached. */
export class TokenMint {
  private readonly keys = new Map<string, Promise<SigningKey>>();
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly keysDir: string,
    private readonly consortiumId: string,
    private readonly coordinationId: string,
  ) {}

  /** The issuer, subject and roles of a person's token. */
  claimsOf(person: Who): { issuer: string; sub: string; roles: Role[] } {
    switch (person.kind) {
      case "coordinator":
        return { issuer: person.node, sub: coordinatorOf(person.node), roles: [Role.NODE_COORDINATOR] };
      case "joint-coordinator":
        return { issuer: this.coordinationId, sub: jointCoordinatorOf(this.coordinationId), roles: [Role.JOINT_COORDINATOR] };
      case "participant":
        return { issuer: person.id.split(":")[0]!, sub: person.id, roles: [person.role] };
    }
  }

  userToken(person: Who): Promise<string> {
    const claims = this.claimsOf(person);
    const cacheKey = `${claims.sub}|${claims.roles.join(",")}`;
    let token = this.tokens.get(cacheKey);
    if (!token) {
      token = this.key(claims.issuer).then((key) => issueUserToken(key, { ...claims, audience: this.consortiumId, ttlSeconds: 3600 }));
      this.tokens.set(cacheKey, token);
    }
    return token;
  }

  key(partyId: string): Promise<SigningKey> {
    let key = this.keys.get(partyId);
    if (!key) {
      key = loadSigningKey(keyFileOf(this.keysDir, partyId));
      this.keys.set(partyId, key);
    }
    return key;
  }
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export interface E2EConsortium {
  consortium: Consortium;
  /** Where the launcher keeps the parties' private keys. */
  keysDir: string;
  mint: TokenMint;
  /** Calls as one person. */
  as(person: Who): Session;
  /** POST to the gateway without any token. */
  anonymous<T = any>(query: string, variables?: Variables): Promise<GraphQLResult<T>>;
  /** Every row of every table of a party's database (`node_<id>` or `coordination`), as text. */
  databases: DatabaseReader;
  /** A counter from a party's /metrics. */
  metric(partyId: string, name: string): Promise<number>;
  stop(): Promise<void>;
}

export interface E2EOptions {
  /** Seed the demo consortium's data, as `npm start` does (default: no data). */
  seed?: boolean;
  /** Extra environment of the coordination office (e.g. a GATEWAY_URL that records what it pulls). */
  coordinationEnv?: Record<string, string>;
  /** Extra environment of every node and of the gateway (e.g. a short access-token lifetime, no clock tolerance). */
  nodeEnv?: Record<string, string>;
  gatewayEnv?: Record<string, string>;
}

export async function launchE2E(nodes: string[], options: E2EOptions = {}): Promise<E2EConsortium> {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-e2e-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  const consortium = await launchConsortium({
    dataDir,
    freePorts: true,
    clusterTemplate: inject("clusterTemplate"),
    fastPostgres: true,
    nodes,
    seed: options.seed ?? false,
    logLevel: "warn",
    log: () => undefined,
    env: {
      // a seeded launch runs the demo's seeding (hundreds of calls) through this gateway while another file loads the machine: a call there once took over 3 s; no seeded file tests the node timeout
      gateway: { HEALTH_INTERVAL_MS: "500", NODE_TIMEOUT_MS: options.seed ? "10000" : "3000", BREAKER_RESET_MS: "1000", FACT_SWEEP_INTERVAL_MS: "500", ...options.gatewayEnv },
      ...(options.coordinationEnv && { coordination: options.coordinationEnv }),
      ...(options.nodeEnv && { node: options.nodeEnv }),
    },
  });
  const { registry } = consortium;
  const keysDir = dataDirLayout(dataDir).keysDir;
  const mint = new TokenMint(keysDir, registry.consortium.id, registry.coordination.id);
  const gatewaySigner = mint.key(registry.gateway.id).then((key) => new ServiceTokenSigner(key, registry.gateway.id));
  const databases = new DatabaseReader((database) => consortium.postgres.urlFor(database));
  const metricsUrl = (partyId: string) => consortium.urlOf(partyId).replace(/\/graphql$/, "/metrics");
  const as = (person: Who): Session => {
    const gateway = async <T>(query: string, variables?: Variables, headers: Record<string, string> = {}) =>
      graphqlRequest<T>(consortium.gatewayUrl!, query, variables, { ...bearer(await mint.userToken(person)), ...headers });
    return {
      gateway,
      data: async <T>(query: string, variables?: Variables) => dataOf<T>(await retriedWhenOverloaded(() => gateway<T>(query, variables))),
      direct: async <T>(partyId: string, query: string, variables?: Variables) => {
        const { issuer, sub, roles } = mint.claimsOf(person);
        const token = await (await gatewaySigner).sign(partyId, { kind: "user", sub, homeNode: issuer, roles, requestId: `e2e-${Date.now()}`, via: registry.gateway.id });
        return graphqlRequest<T>(consortium.urlOf(partyId), query, variables, bearer(token));
      },
      token: () => mint.userToken(person),
    };
  };
  return {
    consortium,
    keysDir,
    mint,
    as,
    anonymous: (query, variables) => graphqlRequest(consortium.gatewayUrl!, query, variables),
    databases,
    metric: async (partyId, name) => {
      const text = await (await fetch(metricsUrl(partyId))).text();
      const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `));
      if (!line) throw new Error(`no metric ${name} at ${partyId}`);
      return Number(line.split(" ").at(-1));
    },
    stop: async () => {
      await databases.close();
      await consortium.stop();
      rmSync(dataDirLayout(dataDir).clusterDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Data of a GraphQL result, failing loudly with its errors. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** The error codes of a result, by path (`tandem.mentee.email` → NOT_DISCLOSED). */
export function errorCodesOf(result: GraphQLResult<unknown>): Record<string, string> {
  return Object.fromEntries((result.errors ?? []).map((error) => [(error.path ?? []).join("."), String(error.extensions?.code)]));
}

/**
 * `errorCodesOf`, with each field a node withheld from the caller as
 * NOT_DISCLOSED at its path (`tandem.mentee.email`): a withheld field is null
 * without an error of its own, named in the `disclosure { withheld }` of the
 * participant selected with it. The answer's NOT_DISCLOSED errors must be
 * summaries: some when anything was withheld, none otherwise, each at the
 * path of a withheld field, fewer than the fields they summarise.
 */
export function disclosureCodesOf(result: GraphQLResult<unknown>): Record<string, string> {
  const withheld = withheldIn(result.data, []);
  const summaries = (result.errors ?? []).filter((error) => error.extensions?.code === "NOT_DISCLOSED");
  expect(summaries.length > 0, "a NOT_DISCLOSED summary exactly when something was withheld").toBe(Object.keys(withheld).length > 0);
  for (const summary of summaries) expect(withheld[(summary.path ?? []).join(".")], `summary at ${(summary.path ?? []).join(".")}`).toBe("NOT_DISCLOSED");
  expect(summaries.reduce((sum, summary) => sum + Number(summary.extensions!.withheld), 0)).toBeGreaterThanOrEqual(summaries.length);
  return { ...errorCodesOf({ ...result, errors: (result.errors ?? []).filter((error) => error.extensions?.code !== "NOT_DISCLOSED") }), ...withheld };
}

function withheldIn(value: unknown, path: (string | number)[]): Record<string, string> {
  if (Array.isArray(value)) return Object.assign({}, ...value.map((item, index) => withheldIn(item, [...path, index])));
  if (!value || typeof value !== "object") return {};
  const names = (value as { disclosure?: { withheld?: string[] } }).disclosure?.withheld ?? [];
  const found: Record<string, string> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!names.includes(key)) Object.assign(found, withheldIn(child, [...path, key]));
    else {
      expect(child, [...path, key].join(".")).toBeNull();
      found[[...path, key].join(".")] = "NOT_DISCLOSED";
    }
  }
  return found;
}

export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
