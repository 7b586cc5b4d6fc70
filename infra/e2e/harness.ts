/**
 * End-to-end harness: a real consortium (embedded PostgreSQL, node,
 * coordination and gateway processes) launched by the same launcher as
 * `npm start`, on free ports in a throw-away data directory.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphqlRequest, type GraphQLResult } from "@tandem/shared";
import type { Consortium } from "../src/launcher/consortium.js";
import { dataDirLayout } from "../src/launcher/data-dir.js";
import { launchConsortium } from "../src/launcher/launch.js";

export interface E2EConsortium {
  consortium: Consortium;
  /** POST to the gateway. */
  gateway<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** POST to one party directly (node id or coordination id). */
  direct<T = any>(partyId: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** A counter from a party's /metrics. */
  metric(partyId: string, name: string): Promise<number>;
  stop(): Promise<void>;
}

export async function launchE2E(nodes: string[]): Promise<E2EConsortium> {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-e2e-"));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres OS user when we are root
  const consortium = await launchConsortium({
    dataDir,
    freePorts: true,
    nodes,
    seed: false,
    logLevel: "warn",
    log: () => undefined,
    env: { gateway: { HEALTH_INTERVAL_MS: "500", NODE_TIMEOUT_MS: "3000", BREAKER_RESET_MS: "1000" } },
  });
  const metricsUrl = (partyId: string) => consortium.urlOf(partyId).replace(/\/graphql$/, "/metrics");
  return {
    consortium,
    gateway: (query, variables) => graphqlRequest(consortium.gatewayUrl!, query, variables),
    direct: (partyId, query, variables) => graphqlRequest(consortium.urlOf(partyId), query, variables),
    metric: async (partyId, name) => {
      const text = await (await fetch(metricsUrl(partyId))).text();
      const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `));
      if (!line) throw new Error(`no metric ${name} at ${partyId}`);
      return Number(line.split(" ").at(-1));
    },
    stop: async () => {
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

export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
