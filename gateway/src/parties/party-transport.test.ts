import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:http";
import { createLogger, freePort } from "@tandem/shared";
import { Pool } from "undici";
import { exchange } from "./http-exchange.js";
import { PartyFailure, PartyTransport } from "./party-transport.js";

const logger = createLogger("test", "silent");
const breaker = { errorThresholdPercentage: 50, resetTimeoutMs: 60_000, volumeThreshold: 3 };
const servers: Server[] = [];

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    handler!(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/graphql`, hits: () => hits };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const request = { query: "{ __typename }" };

async function failure(promise: Promise<unknown>): Promise<PartyFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PartyFailure);
  return error as PartyFailure;
}

describe("one exchange's deadline", () => {
  it("fails with a TimeoutError once it has passed, and the party's connection is let go", async () => {
    let closed = false;
    const node = await serve((req) => req.socket.on("close", () => (closed = true)));
    const pool = new Pool(new URL(node.url).origin);
    const error = await exchange(pool, { method: "GET", path: "/graphql", headers: {} }, 50).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
    await vi.waitFor(() => expect(closed).toBe(true));
    await pool.close();
  });

  it("answers at once when the deadline passes while the exchange still waits for a connection", async () => {
    // a single connection held by a stalled exchange: the second one waits in the pool's queue
    const node = await serve(() => undefined);
    const pool = new Pool(new URL(node.url).origin, { connections: 1 });
    const first = exchange(pool, { method: "GET", path: "/graphql", headers: {} }, 2_000).catch((e: unknown) => e);
    const started = Date.now();
    const queued = await exchange(pool, { method: "GET", path: "/graphql", headers: {} }, 100).catch((e: unknown) => e);
    expect((queued as Error).name).toBe("TimeoutError");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(((await first) as Error).name).toBe("TimeoutError");
    await pool.close();
  });

  it("leaves no timer behind once the answer is in", async () => {
    const node = await serve((_req, res) => res.end("{}"));
    const pool = new Pool(new URL(node.url).origin);
    const before = process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const answer = await exchange(pool, { method: "GET", path: "/graphql", headers: {} }, 60_000);
    expect(answer).toMatchObject({ statusCode: 200 });
    expect(answer.body.toString()).toBe("{}");
    expect(process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length).toBe(before);
    await pool.close();
  });
});

describe("PartyTransport", () => {
  it("answers the node's GraphQL body, errors included, without counting them as outages", async () => {
    const node = await serve((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: "bad", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] }));
    });
    const client = new PartyTransport("hst", node.url, 1_000, breaker, logger);
    for (let i = 0; i < 5; i++) expect((await client.send(request)).errors?.[0]?.message).toBe("bad");
    expect(client.circuitOpen).toBe(false);
    client.shutdown();
  });

  it("asks without an Accept header (a party answers JSON anyway; with one, Apollo Server negotiates the media type on every call)", async () => {
    let accept: string | undefined = "not asked yet";
    const node = await serve((req, res) => {
      accept = req.headers.accept;
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ data: { __typename: "Query" } }));
    });
    const client = new PartyTransport("hst", node.url, 1_000, breaker, logger);
    expect(await client.send(request)).toEqual({ data: { __typename: "Query" } });
    expect(accept).toBeUndefined();
    client.shutdown();
  });

  it("gives up on a slow node after its timeout with NODE_TIMEOUT", async () => {
    const node = await serve(() => undefined);
    const client = new PartyTransport("zcu", node.url, 150, breaker, logger);
    const started = Date.now();
    const error = await failure(client.send(request));
    expect(error).toMatchObject({ code: "NODE_TIMEOUT", party: "zcu" });
    expect(Date.now() - started).toBeLessThan(2_000);
    client.shutdown();
  });

  it("opens the circuit on a timeout, unless the node answered another call after that one began", async () => {
    let stalled = true;
    const node = await serve((_req, res) => {
      if (stalled) return; // frozen: this request never gets an answer
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { __typename: "Query" } }));
    });
    const client = new PartyTransport("zcu", node.url, 400, breaker, logger);
    const sentWhileFrozen = Promise.all(Array.from({ length: 4 }, () => failure(client.send(request))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    stalled = false; // back: a later call is answered before the first one times out
    expect((await client.send(request)).data).toEqual({ __typename: "Query" });
    // nor do they count towards the breaker's error rate (4 of 5 calls failed, over its 50 %)
    expect(await sentWhileFrozen).toEqual(Array.from({ length: 4 }, () => expect.objectContaining({ code: "NODE_TIMEOUT", stale: true })));
    expect(client.circuitOpen).toBe(false);
    stalled = true; // frozen again, with nothing answered since: the timeout opens the circuit
    expect(await failure(client.send(request))).toMatchObject({ code: "NODE_TIMEOUT", stale: false });
    expect(client.circuitOpen).toBe(true);
    client.shutdown();
  });

  it("reports a refused connection or a 5xx as NODE_UNAVAILABLE", async () => {
    const closed = new PartyTransport("ul", `http://127.0.0.1:${await freePort()}/graphql`, 1_000, breaker, logger);
    expect(await failure(closed.send(request))).toMatchObject({ code: "NODE_UNAVAILABLE", party: "ul" });
    const broken = await serve((_req, res) => {
      res.writeHead(502);
      res.end("bad gateway");
    });
    const client = new PartyTransport("unilu", broken.url, 1_000, breaker, logger);
    expect(await failure(client.send(request))).toMatchObject({ code: "NODE_UNAVAILABLE", party: "unilu", message: "Node unilu sent an unreadable answer (HTTP 502)" });
    closed.shutdown();
    client.shutdown();
  });

  it("opens the circuit after repeated failures, fails fast without calling, and closes on a successful probe", async () => {
    let healthy = false;
    const node = await serve((_req, res) => {
      res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify(healthy ? { data: { __typename: "Query" } } : { errors: [{ message: "down" }] }));
    });
    const client = new PartyTransport("othaw", node.url, 1_000, breaker, logger);
    for (let i = 0; i < 3; i++) await failure(client.send(request));
    expect(client.circuitOpen).toBe(true);
    const hitsWhenOpen = node.hits();
    expect((await failure(client.send(request))).message).toContain("circuit open");
    expect(node.hits()).toBe(hitsWhenOpen);
    healthy = true;
    await client.probe(request);
    expect(client.circuitOpen).toBe(false);
    expect((await client.send(request)).data).toEqual({ __typename: "Query" });
    client.shutdown();
  });
});
