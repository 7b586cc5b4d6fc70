/**
 * The gateway process on its own: it boots from the committed supergraph
 * while no node is reachable, authenticates users at its door, and answers
 * with errors naming each node.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "@tandem/shared";
import { as, type TestTrust } from "@tandem/shared/testkit";
import type { RunningGateway } from "../src/index.js";
import { startTestGateway, unreachableConsortium } from "./test-gateway.js";

let gateway: RunningGateway;
let trust: TestTrust;
let token: string;

beforeAll(async () => {
  trust = await unreachableConsortium(["hst", "zcu"], "test");
  // a closed port refuses at once; the timeout only has to outlast a busy test process (at 1 s, a loaded run once saw the timer fire before the refusal was read)
  gateway = await startTestGateway(trust, { NODE_TIMEOUT_MS: "10000" });
  token = await trust.userToken(as.jointCoordinator());
});

afterAll(() => gateway?.stop());

const asUser = (query: string) => graphqlRequest(gateway.url, query, {}, { authorization: `Bearer ${token}` });

describe("a gateway whose nodes are all down", () => {
  it("boots from the static supergraph and reports the nodes down", async () => {
    const health = await (await fetch(gateway.url.replace(/graphql$/, "health"))).json();
    expect(health).toEqual({ status: "ok", nodes: { hst: "DOWN", zcu: "DOWN" }, coordination: "DOWN" });
  });

  it("lists the coordination office in the consortium's status, down with the reason, as the nodes", async () => {
    const result = await asUser(`{ consortium { nodes { id status } coordination { id name status statusReason statusCheckedAt } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      consortium: {
        nodes: [
          { id: "hst", status: "DOWN" },
          { id: "zcu", status: "DOWN" },
        ],
        coordination: { id: "coord", name: "Coordination", status: "DOWN", statusReason: "Node coord is unavailable", statusCheckedAt: expect.any(String) },
      },
    });
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
