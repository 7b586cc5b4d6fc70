/**
 * A node whose PostgreSQL stops: on a cluster of this file's own, so that
 * stopping it hurts no other test.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaFingerprint } from "@tandem/shared";
import { startTestPostgres } from "@tandem/party/testkit";
import { CREATE_EVENT, createEvent, createParticipant, eventInput } from "../test/fixtures.js";
import { startTestNode, type TestNode } from "../test/test-node.js";

const UNAVAILABLE = { message: "hst cannot reach its database; try again later", extensions: { code: "NODE_UNAVAILABLE", node: "hst" } };

let cluster: Awaited<ReturnType<typeof startTestPostgres>>;
let hst: TestNode;
const ids: Record<string, string> = {};

beforeAll(async () => {
  cluster = await startTestPostgres();
  hst = await startTestNode("hst", { postgres: cluster.info });
  ids.event = (await createEvent(hst)).id;
  ids.participant = (await createParticipant(hst)).id;
  await cluster.stop();
});

afterAll(async () => {
  // the database went with the cluster: stop the node only
  await hst?.node.stop();
});

describe("a node whose PostgreSQL stopped", () => {
  // Each call's gateway token is recorded in the node's database (replay protection): with it down, the node refuses
  // every call at its door, naming itself, rather than answering field by field.
  it("answers a query with HTTP 503 and NODE_UNAVAILABLE naming the node, not INTERNAL_SERVER_ERROR", async () => {
    const response = await fetch(hst.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await hst.token()}` },
      body: JSON.stringify({ query: `query($e: ID!, $p: ID!) { event(id: $e) { title } participant(id: $p) { displayName } }`, variables: { e: ids.event, p: ids.participant } }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ errors: [UNAVAILABLE] });
    const list = await hst.query(`{ events(first: 5) { totalCount edges { node { id } } } }`);
    expect(list.errors).toEqual([UNAVAILABLE]);
  });

  it("refuses a mutation the same way", async () => {
    const result = await hst.query(CREATE_EVENT, { node: "hst", input: eventInput() });
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([UNAVAILABLE]);
  });

  it("reports the database down on GET /health, so the gateway can tell it from a node that does not answer", async () => {
    const health = await fetch(hst.url.replace(/\/graphql$/, "/health"));
    expect(health.status).toBe(503);
    // it still names itself and the schema it serves: the composed one (the gateway compares the fingerprint, reading no SDL)
    expect(await health.json()).toEqual({
      status: "database unavailable",
      node: "hst",
      schema: schemaFingerprint(readFileSync(new URL("../../../infra/supergraph/university.graphql", import.meta.url), "utf8")),
    });
    expect((await hst.query(`{ _service { sdl } }`)).errors).toEqual([UNAVAILABLE]);
  });
});
