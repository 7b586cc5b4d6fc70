import { afterEach, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ServiceTokenSigner, createLogger, generateSigningKeyPair, signingKeyFromJwk } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { UNIVERSITY_SDL } from "../../test/fake-nodes.js";
import { NodeClient, type BreakerSettings } from "./node-client.js";
import { NodeHealthMonitor } from "./node-health.js";
import { NodePool } from "./node-pool.js";
import { PartyTokens } from "./party-tokens.js";

const logger = createLogger("test", "silent");
const TIMEOUT_MS = 400;
/** "Fast" is well under the timeout: the node was not waited for. */
const FAST_MS = 100;
const servers: Server[] = [];
const clients: NodeClient[] = [];

/**
 * A node over real HTTP that answers until frozen, then takes requests and
 * never answers them (as a SIGSTOPped process). `hits` counts GraphQL calls
 * (POST), `healthChecks` its GET /health.
 */
async function freezableNode(): Promise<{ url: string; hits: () => number; healthChecks: () => number; freeze: () => void; thaw: () => void }> {
  let frozen = false;
  let hits = 0;
  let healthChecks = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method === "GET") healthChecks++;
      else hits++;
      if (frozen) return;
      res.writeHead(200, { "content-type": "application/json" });
      if (req.method === "GET") return res.end(JSON.stringify({ status: "ok" }));
      res.end(JSON.stringify(body.includes("_service") ? { data: { _service: { sdl: UNIVERSITY_SDL } } } : { data: { __typename: "Query" } }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  return { url, hits: () => hits, healthChecks: () => healthChecks, freeze: () => (frozen = true), thaw: () => (frozen = false) };
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.shutdown();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function poolOf(url: string, breaker: Partial<BreakerSettings> = {}) {
  const client = new NodeClient("zcu", url, TIMEOUT_MS, { errorThresholdPercentage: 50, resetTimeoutMs: 60_000, volumeThreshold: 5, ...breaker }, logger);
  clients.push(client);
  const nodeClients = new Map([["zcu", client]]);
  const health = new NodeHealthMonitor(nodeClients, UNIVERSITY_SDL, 60_000, logger);
  const { privateJwk } = await generateSigningKeyPair("gateway-test");
  const pool = new NodePool(nodeClients, health, new PartyTokens(new ServiceTokenSigner(await signingKeyFromJwk(privateJwk), "gateway")));
  const call = async () => {
    const started = performance.now();
    const result = await pool.call("zcu", { query: "{ __typename }" }, { caller: as.jointCoordinator(), requestId: "r" });
    return { result, ms: performance.now() - started };
  };
  return { client, health, call };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("a node that stops answering", () => {
  it("is marked DOWN by the call that timed out; later calls fail fast without reaching it; a health check that gets an answer brings it back", async () => {
    const node = await freezableNode();
    const { health, call } = await poolOf(node.url);
    await health.checkAll();
    expect(health.get("zcu").status).toBe("UP");

    node.freeze();
    const first = await call();
    expect(first.result).toMatchObject({ ok: false, error: { extensions: { code: "NODE_TIMEOUT", node: "zcu" } } });
    expect(first.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
    expect(health.get("zcu").status).toBe("DOWN");

    const reached = node.hits();
    for (let i = 0; i < 3; i++) {
      const next = await call();
      expect(next.result).toMatchObject({ ok: false, error: { message: expect.stringContaining("zcu"), extensions: { code: "NODE_UNAVAILABLE", node: "zcu" } } });
      expect(next.ms).toBeLessThan(FAST_MS);
    }
    expect(node.hits()).toBe(reached);
    expect(health.get("zcu").reason).toContain(`${TIMEOUT_MS} ms`);

    node.thaw();
    await health.checkAll();
    expect(health.get("zcu").status).toBe("UP");
    expect((await call()).result).toEqual({ ok: true, body: { data: { __typename: "Query" } } });
  });

  it("is not called at all once a health check found it not answering", async () => {
    const node = await freezableNode();
    const { health, call } = await poolOf(node.url);
    node.freeze();
    await health.checkAll();
    expect(health.get("zcu").status).toBe("DOWN");
    const reached = node.hits();
    const first = await call();
    expect(first.result).toMatchObject({ ok: false, error: { extensions: { code: "NODE_UNAVAILABLE", node: "zcu" } } });
    expect(first.ms).toBeLessThan(FAST_MS);
    expect(node.hits()).toBe(reached);
  });

  it("half-opens after the reset time with a GET /health of its own, never a caller's call: calls stay fast while frozen, and the first answer closes the circuit", async () => {
    const node = await freezableNode();
    const { client, call } = await poolOf(node.url, { resetTimeoutMs: 200 });
    node.freeze();
    await call();
    const reached = node.hits();
    await until(() => node.healthChecks() > 0, 1_000);
    for (let i = 0; i < 5; i++) {
      expect((await call()).ms).toBeLessThan(FAST_MS);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(node.hits()).toBe(reached);

    node.thaw();
    await until(() => !client.circuitOpen, 3_000);
    expect(node.hits()).toBe(reached);
    expect((await call()).result).toEqual({ ok: true, body: { data: { __typename: "Query" } } });
  });
});
