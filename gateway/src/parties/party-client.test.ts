import { afterEach, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { CallerDependenceTracker, ServiceTokenSigner, createLogger, generateSigningKeyPair, signingKeyFromJwk, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { UNIVERSITY_SDL } from "../../test/fake-nodes.js";
import type { PartyKind } from "./party-answer.js";
import type { PartyClient } from "./party-client.js";
import { partyClient, type PartySettings } from "./parties.js";
import { PartyTokens } from "./party-tokens.js";
import type { BreakerSettings } from "./party-transport.js";

const logger = createLogger("test", "silent");
const TIMEOUT_MS = 400;
/** "Fast" is well under the timeout: the node was not waited for. */
const FAST_MS = 100;
const servers: Server[] = [];
const clients: PartyClient[] = [];

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

async function clientOf(url: string, breaker: Partial<BreakerSettings> = {}, kind: PartyKind = "NODE", id = "zcu", traffic: Pick<PartySettings, "limit" | "coalesce"> = {}) {
  const { privateJwk } = await generateSigningKeyPair("gateway-test");
  const tokens = new PartyTokens(new ServiceTokenSigner(await signingKeyFromJwk(privateJwk), "gateway"));
  const settings = {
    timeoutMs: TIMEOUT_MS,
    breaker: { errorThresholdPercentage: 50, resetTimeoutMs: 60_000, volumeThreshold: 5, ...breaker },
    universitySdl: UNIVERSITY_SDL,
    coordinationSdl: "type Query { programmes: [ID] }",
    ...traffic,
  };
  const client = partyClient(kind, id, url, tokens, settings, logger);
  clients.push(client);
  const call = async () => {
    const started = performance.now();
    const result = await client.call({ query: "{ __typename }" }, { caller: as.jointCoordinator(), requestId: "r" });
    return { result, ms: performance.now() - started };
  };
  return { client, call };
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
    const { client, call } = await clientOf(node.url);
    await client.check();
    expect(client.health.status).toBe("UP");

    node.freeze();
    const first = await call();
    expect(first.result).toMatchObject({ ok: false, error: { extensions: { code: "NODE_TIMEOUT", node: "zcu" } } });
    expect(first.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
    expect(client.health.status).toBe("DOWN");

    const reached = node.hits();
    for (let i = 0; i < 3; i++) {
      const next = await call();
      expect(next.result).toMatchObject({ ok: false, error: { message: expect.stringContaining("zcu"), extensions: { code: "NODE_UNAVAILABLE", node: "zcu" } } });
      expect(next.ms).toBeLessThan(FAST_MS);
    }
    expect(node.hits()).toBe(reached);
    expect(client.health.reason).toContain(`${TIMEOUT_MS} ms`);

    node.thaw();
    await client.check();
    expect(client.health.status).toBe("UP");
    expect((await call()).result).toEqual({ ok: true, body: { data: { __typename: "Query" } } });
  });

  it("is not called at all once a health check found it not answering", async () => {
    const node = await freezableNode();
    const { client, call } = await clientOf(node.url);
    node.freeze();
    await client.check();
    expect(client.health.status).toBe("DOWN");
    const reached = node.hits();
    const first = await call();
    expect(first.result).toMatchObject({ ok: false, error: { extensions: { code: "NODE_UNAVAILABLE", node: "zcu" } } });
    expect(first.ms).toBeLessThan(FAST_MS);
    expect(node.hits()).toBe(reached);
  });

  it("half-opens after the reset time with a GET /health of its own, never a caller's call: calls stay fast while frozen, and the first answer closes the circuit", async () => {
    const node = await freezableNode();
    const { client, call } = await clientOf(node.url, { resetTimeoutMs: 200 });
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

interface SeenRequest {
  path: string;
  audience: unknown;
  requestId: string | undefined;
}

/** A party over real HTTP that records who each call was signed for and answers with `extensions` of its choice. */
async function recordingParty(extensions: Record<string, unknown> | undefined): Promise<{ url: string; seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString() || "{}") as { aud?: unknown };
    seen.push({ path: req.url ?? "", audience: claims.aud, requestId: req.headers["x-request-id"] as string | undefined });
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { changesHead: "o1.7", __typename: "Query" }, ...(extensions ? { extensions } : {}) }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`, seen };
}

describe("a call to a party", () => {
  it("is signed for exactly that party, the coordination office as a node, and records how much its answer depended on the caller", async () => {
    const office = await recordingParty({ callerDependence: "group" });
    const { client } = await clientOf(office.url, {}, "COORDINATION", "coord");
    const dependence = new CallerDependenceTracker();
    const result = await client.call({ query: "{ __typename }" }, { caller: as.jointCoordinator(), requestId: "req-1", dependence });
    expect(result).toMatchObject({ ok: true, body: { data: { __typename: "Query" } } });
    expect(office.seen).toEqual([{ path: "/graphql", audience: "coord", requestId: "req-1" }]);
    expect(dependence.level).toBe("group");
  });

  it("counts an answer that does not say how much it depended on the caller as depending on them", async () => {
    const node = await recordingParty(undefined);
    const { client } = await clientOf(node.url);
    const dependence = new CallerDependenceTracker();
    await client.call({ query: "{ __typename }" }, { caller: as.jointCoordinator(), requestId: "r", dependence });
    expect(dependence.level).toBe("subject");
  });

  it("reaches the party's change feed beside its /graphql, signed as the gateway, through the same breaker", async () => {
    const node = await recordingParty(undefined);
    const { client } = await clientOf(node.url);
    expect(await client.ask("query { changesHead }", {}, "changesHead", "feed")).toBe("o1.7");
    expect(node.seen).toEqual([{ path: "/feed", audience: "zcu", requestId: "health-check" }]);

    const frozen = await freezableNode();
    const { client: stuck } = await clientOf(frozen.url);
    frozen.freeze();
    await stuck.call({ query: "{ __typename }" }, { caller: as.jointCoordinator(), requestId: "r" });
    expect(stuck.circuitOpen).toBe(true);
    const reached = frozen.hits();
    const started = performance.now();
    await expect(stuck.ask("query { changesHead }", {}, "changesHead", "feed")).rejects.toMatchObject({ code: "NODE_UNAVAILABLE", message: expect.stringContaining("circuit open") });
    expect(performance.now() - started).toBeLessThan(FAST_MS);
    expect(frozen.hits()).toBe(reached);
  });
});

describe("a party busy with as many calls as the gateway allows", () => {
  it("refuses the next call at once with PARTY_OVERLOADED naming it and a retry hint, leaving its breaker and health alone; a real timeout still marks it DOWN", async () => {
    const node = await freezableNode();
    // identical calls of one caller would share the call in flight: these must each want their own
    const { client, call } = await clientOf(node.url, {}, "NODE", "zcu", { limit: { maxConcurrency: 1, queue: 0, queueTimeoutMs: 1_000 }, coalesce: false });
    await client.check();
    node.freeze();
    const stuck = call();
    await until(() => node.hits() === 1, 1_000);
    const refused = await call();
    expect(refused.result).toMatchObject({ ok: false, error: { message: expect.stringContaining("zcu"), extensions: { code: "PARTY_OVERLOADED", node: "zcu", retryAfterMs: expect.any(Number) } } });
    expect(refused.ms).toBeLessThan(FAST_MS);
    expect(node.hits()).toBe(1);
    expect(client.circuitOpen).toBe(false);
    expect(client.health.status).toBe("UP");

    expect((await stuck).result).toMatchObject({ ok: false, error: { extensions: { code: "NODE_TIMEOUT", node: "zcu" } } });
    expect(client.health.status).toBe("DOWN");
  });

  it("does not limit the gateway's own calls (health checks, feeds, facts)", async () => {
    const node = await freezableNode();
    const { client } = await clientOf(node.url, {}, "NODE", "zcu", { limit: { maxConcurrency: 1, queue: 0, queueTimeoutMs: 1_000 } });
    node.freeze();
    const calls = ["a", "b"].map((alias) => client.call({ query: `{ ${alias}: __typename }` }, { caller: as.system(), requestId: "r" }));
    await until(() => node.hits() === 2, 1_000);
    node.thaw();
    await Promise.all(calls);
  });
});

describe("identical calls in flight", () => {
  const caller = as.nodeCoordinator("zcu");

  it("share one call for the same person, but a mutation is always sent once per caller", async () => {
    const node = await recordingParty({ callerDependence: "subject" });
    const { client } = await clientOf(node.url);
    const dependences = [1, 2, 3].map(() => new CallerDependenceTracker());
    const results = await Promise.all(dependences.map((dependence) => client.call({ query: "{ __typename }" }, { caller, requestId: "r", dependence })));
    expect(node.seen).toHaveLength(1);
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    expect(dependences.map((dependence) => dependence.level)).toEqual(["subject", "subject", "subject"]);

    await Promise.all([1, 2].map(() => client.call({ query: `mutation { cancelEvent(id: "zcu:event:1") { id } }` }, { caller, requestId: "r" })));
    expect(node.seen).toHaveLength(3);
  });

  it("are each sent with COALESCE=off", async () => {
    const node = await recordingParty({ callerDependence: "none" });
    const { client } = await clientOf(node.url, {}, "NODE", "zcu", { coalesce: false });
    await Promise.all([1, 2, 3].map(() => client.call({ query: "{ __typename }" }, { caller, requestId: "r" })));
    expect(node.seen).toHaveLength(3);
  });
});

/** A party that answers in the language the call's Accept-Language asks for, after a moment (calls overlap), depending on nobody. */
async function languageParty(): Promise<{ url: string; seen: (string | undefined)[] }> {
  const seen: (string | undefined)[] = [];
  const greetings: Record<string, string> = { de: "Hallo", cs: "Ahoj", en: "Hello" };
  const server = createServer((req, res) => {
    const language = req.headers["accept-language"];
    seen.push(language);
    req.resume();
    req.on("end", () => {
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: { greeting: greetings[language ?? "en"] ?? "Hello" }, extensions: { callerDependence: "none" } }));
      }, 50);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`, seen };
}

describe("identical calls in flight in different languages", () => {
  it("pass the client's Accept-Language on, and share an answer only between callers asking for the same language", async () => {
    const node = await languageParty();
    const { client } = await clientOf(node.url);
    const greeting = (caller: Caller, acceptLanguage?: string) =>
      client
        .call({ query: "{ greeting }" }, { caller, requestId: "r", ...(acceptLanguage ? { acceptLanguage } : {}) })
        .then((result) => (result.ok ? result.body.data?.greeting : result.error.message));
    // the party's answers depend on nobody: from now on, other people's calls in flight are shared
    expect(await greeting(as.jointCoordinator())).toBe("Hello");
    const answers = await Promise.all([
      greeting(as.nodeCoordinator("zcu"), "de"),
      greeting(as.nodeCoordinator("hst"), "cs"),
      greeting(as.participant("zcu:participant:1"), "de"),
      greeting(as.nodeCoordinator("zcu"), "cs"),
    ]);
    expect(answers).toEqual(["Hallo", "Ahoj", "Hallo", "Ahoj"]);
    expect(node.seen.sort()).toEqual(["cs", "de", undefined].sort());
    expect(client.coalescer!.sharedCount).toBe(2);
  });
});
