import { afterEach, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { ServiceTokenSigner, createLogger, freePort, generateSigningKeyPair, signingKeyFromJwk } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { PartyTokens } from "./party-tokens.js";
import { UNIVERSITY_SDL } from "../../test/fake-nodes.js";
import { NodeClient } from "./node-client.js";
import { NodeHealthMonitor, normaliseSdl } from "./node-health.js";
import { NodePool } from "./node-pool.js";

const logger = createLogger("test", "silent");
const breaker = { errorThresholdPercentage: 50, resetTimeoutMs: 60_000, volumeThreshold: 3 };
const servers: Server[] = [];

async function nodeServing(sdl: string, health: { status: number; body: unknown } = { status: 200, body: { status: "ok" } }): Promise<string> {
  const server = createServer((req, res) => {
    const answer = req.method === "GET" ? health : { status: 200, body: { data: { _service: { sdl } } } };
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

describe("node health", () => {
  it("marks nodes up, down or incompatible by comparing their SDL with the composed one", async () => {
    const documented = UNIVERSITY_SDL.replace('"""Seats still free."""', '"""Seats nobody has taken yet."""');
    const changed = UNIVERSITY_SDL.replace("seatsLeft: Int!", "seatsLeft: Int");
    const clients = new Map([
      ["hst", new NodeClient("hst", await nodeServing(UNIVERSITY_SDL), 1_000, breaker, logger)],
      ["unilu", new NodeClient("unilu", await nodeServing(documented), 1_000, breaker, logger)],
      ["zcu", new NodeClient("zcu", await nodeServing(changed), 1_000, breaker, logger)],
      ["ul", new NodeClient("ul", `http://127.0.0.1:${await freePort()}/graphql`, 1_000, breaker, logger)],
    ]);
    const health = new NodeHealthMonitor(clients, UNIVERSITY_SDL, 60_000, logger);
    expect(health.get("hst").status).toBe("UNKNOWN");
    await health.checkAll();
    expect(Object.fromEntries([...health.all()].map(([node, state]) => [node, state.status]))).toEqual({ hst: "UP", unilu: "UP", zcu: "INCOMPATIBLE", ul: "DOWN" });

    const { privateJwk } = await generateSigningKeyPair("gateway-test");
    const tokens = new PartyTokens(new ServiceTokenSigner(await signingKeyFromJwk(privateJwk), "gateway"));
    const pool = new NodePool(clients, health, tokens);
    const refused = await pool.call("zcu", { query: "{ __typename }" }, { caller: as.jointCoordinator(), requestId: "r" });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ extensions: { code: "NODE_INCOMPATIBLE", node: "zcu" } }) });
    for (const client of clients.values()) client.shutdown();
  });

  it("marks a node DOWN whose /health reports its database unavailable, and still calls it: it answers, naming itself in its errors", async () => {
    const url = await nodeServing(UNIVERSITY_SDL, { status: 503, body: { status: "database unavailable", node: "hst" } });
    const client = new NodeClient("hst", url, 1_000, breaker, logger);
    const health = new NodeHealthMonitor(new Map([["hst", client]]), UNIVERSITY_SDL, 60_000, logger);
    await health.checkAll();
    expect(health.get("hst")).toMatchObject({ status: "DOWN", reason: expect.stringContaining("database unavailable") });
    expect(client.circuitOpen).toBe(false);
    expect((await client.send({ query: "{ __typename }" })).data).toBeDefined();
    client.shutdown();
  });

  it("ignores formatting and descriptions but not types when comparing schemas", () => {
    expect(normaliseSdl(`"""doc""" type A { b: Int }`)).toBe(normaliseSdl("type A {\n  b: Int\n}"));
    expect(normaliseSdl("type A { b: Int }")).not.toBe(normaliseSdl("type A { b: Int! }"));
  });
});
