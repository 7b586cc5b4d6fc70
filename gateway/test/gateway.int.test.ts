/**
 * The gateway process on its own: it boots from the committed supergraph
 * while no node is reachable, authenticates users at its door, and answers
 * with errors naming each node.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, graphqlRequest } from "@tandem/shared";
import { as, createTestTrust, type TestTrust } from "@tandem/shared/testkit";
import { loadGatewayConfig, startGateway, type RunningGateway } from "../src/index.js";

let gateway: RunningGateway;
let trust: TestTrust;
let token: string;

beforeAll(async () => {
  const closed = async () => `http://127.0.0.1:${await freePort()}/graphql`;
  trust = await createTestTrust({
    consortium: { id: "test", name: "Test consortium" },
    coordination: { id: "coord", name: "Coordination", url: await closed() },
    nodes: [
      { id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: await closed() },
      { id: "zcu", name: "University of West Bohemia", shortName: "ZCU", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague", url: await closed() },
    ],
  });
  gateway = await startGateway(
    loadGatewayConfig({
      PORT: "0",
      REGISTRY_FILE: trust.registryFile,
      SIGNING_KEY_FILE: trust.keyFiles.get("gateway"),
      SUPERGRAPH_FILE: fileURLToPath(new URL("../../infra/supergraph/supergraph.graphql", import.meta.url)),
      LOG_LEVEL: "silent",
      NODE_TIMEOUT_MS: "1000",
    }),
  );
  token = await trust.userToken(as.jointCoordinator());
});

afterAll(() => gateway?.stop());

const asUser = (query: string) => graphqlRequest(gateway.url, query, {}, { authorization: `Bearer ${token}` });

describe("a gateway whose nodes are all down", () => {
  it("boots from the static supergraph and reports the nodes down", async () => {
    const health = await (await fetch(gateway.url.replace(/graphql$/, "health"))).json();
    expect(health).toEqual({ status: "ok", nodes: { hst: "DOWN", zcu: "DOWN" } });
  });

  it("answers a merged connection with an empty page and one error per node", async () => {
    const result = await asUser(`{ events(first: 5) { totalCount edges { cursor } pageInfo { hasNextPage } } }`);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ events: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false } } });
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.node]).sort()).toEqual([
      ["NODE_UNAVAILABLE", "hst"],
      ["NODE_UNAVAILABLE", "zcu"],
    ]);
  });

  it("refuses an id of a node outside the consortium before calling anyone", async () => {
    const result = await asUser(`{ participant(id: "mars:participant:6a1f7a40-8a4a-4a57-9b8f-5d1d2c3e4f50") { id } }`);
    expect(result.data).toEqual({ participant: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "UNKNOWN_NODE", field: "id" });
  });
});
