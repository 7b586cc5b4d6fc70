import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { ServiceTokenSigner, createLogger, freePort, generateSigningKeyPair, schemaFingerprint, signingKeyFromJwk } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { UNIVERSITY_SDL } from "../../test/fake-nodes.js";
import type { PartyKind } from "./party-answer.js";
import { Parties, partyClient } from "./parties.js";
import { PartyTokens } from "./party-tokens.js";

const COORDINATION_SDL = readFileSync(fileURLToPath(new URL("../../../infra/supergraph/coordination.graphql", import.meta.url)), "utf8");
const logger = createLogger("test", "silent");
const settings = { timeoutMs: 1_000, breaker: { errorThresholdPercentage: 50, resetTimeoutMs: 60_000, volumeThreshold: 3 }, universitySdl: UNIVERSITY_SDL, coordinationSdl: COORDINATION_SDL };
const servers: Server[] = [];
const parties: Parties[] = [];

/** A party over real HTTP serving `sdl`; `calls` counts the GraphQL requests that are not health checks. */
async function partyServing(
  sdl: string,
  health: { status: number; body: unknown } = { status: 200, body: { status: "ok" } },
  answering: () => boolean = () => true,
): Promise<{ url: string; calls: () => number; sdlReads: () => number }> {
  let calls = 0;
  let sdlReads = 0;
  const server = createServer((req, res) => {
    if (!answering()) return req.socket.destroy();
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method !== "GET" && !body.includes("_service")) calls++;
      if (body.includes("_service")) sdlReads++;
      const answer = req.method === "GET" ? health : { status: 200, body: { data: body.includes("_service") ? { _service: { sdl } } : { __typename: "Query" } } };
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`, calls: () => calls, sdlReads: () => sdlReads };
}

const closedUrl = async () => `http://127.0.0.1:${await freePort()}/graphql`;

async function consortium(nodes: Record<string, string>, coordinationUrl: string): Promise<Parties> {
  const { privateJwk } = await generateSigningKeyPair("gateway-test");
  const tokens = new PartyTokens(new ServiceTokenSigner(await signingKeyFromJwk(privateJwk), "gateway"));
  const client = (kind: PartyKind, id: string, url: string) => partyClient(kind, id, url, tokens, settings, logger);
  const built = new Parties(
    Object.entries(nodes).map(([id, url]) => client("NODE", id, url)),
    client("COORDINATION", "coord", coordinationUrl),
    60_000,
  );
  parties.push(built);
  return built;
}

afterEach(async () => {
  for (const built of parties.splice(0)) built.shutdown();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const statuses = (built: Parties) => Object.fromEntries(built.all.map((party) => [party.id, party.health.status]));
const auth = { caller: as.jointCoordinator(), requestId: "r" };

describe("party health", () => {
  it("marks nodes up, down or incompatible by comparing their SDL with the composed one", async () => {
    const documented = UNIVERSITY_SDL.replace('"""Seats still free."""', '"""Seats nobody has taken yet."""');
    const changed = UNIVERSITY_SDL.replace("seatsLeft: Int!", "seatsLeft: Int");
    const built = await consortium(
      { hst: (await partyServing(UNIVERSITY_SDL)).url, unilu: (await partyServing(documented)).url, zcu: (await partyServing(changed)).url, ul: await closedUrl() },
      (await partyServing(COORDINATION_SDL)).url,
    );
    expect(built.health("hst").status).toBe("UNKNOWN");
    await built.checkAll();
    expect(statuses(built)).toEqual({ hst: "UP", unilu: "UP", zcu: "INCOMPATIBLE", ul: "DOWN", coord: "UP" });

    const refused = await built.call("zcu", { query: "{ __typename }" }, auth);
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ extensions: { code: "NODE_INCOMPATIBLE", node: "zcu" } }) });
  });

  it("compares the schema fingerprint a party publishes on /health, reading no SDL from it", async () => {
    const changed = UNIVERSITY_SDL.replace("seatsLeft: Int!", "seatsLeft: Int");
    const reporting = (sdl: string, status = 200) => partyServing(sdl, { status, body: { status: status === 200 ? "ok" : "database unavailable", schema: schemaFingerprint(sdl) } });
    const [hst, zcu, unilu, coord] = [await reporting(UNIVERSITY_SDL), await reporting(changed), await reporting(UNIVERSITY_SDL, 503), await reporting(COORDINATION_SDL)];
    const built = await consortium({ hst: hst.url, zcu: zcu.url, unilu: unilu.url }, coord.url);
    await built.checkAll();
    await built.checkAll();
    expect(statuses(built)).toEqual({ hst: "UP", zcu: "INCOMPATIBLE", unilu: "DOWN", coord: "UP" });
    expect(built.health("unilu").reason).toMatch(/database unavailable/);
    expect([hst, zcu, unilu, coord].map((party) => party.sdlReads())).toEqual([0, 0, 0, 0]);
  });

  it("checks the coordination office against the composed coordination schema, and does not call it while it serves another", async () => {
    const office = await partyServing(UNIVERSITY_SDL);
    const built = await consortium({ hst: (await partyServing(UNIVERSITY_SDL)).url }, office.url);
    await built.checkAll();
    expect(built.health("coord")).toMatchObject({ status: "INCOMPATIBLE", reason: "the coordination office serves a schema that differs from the composed coordination schema" });
    expect(built.health("hst").status).toBe("UP");

    const refused = await built.coordination.call({ query: "{ __typename }" }, auth);
    expect(refused).toEqual({
      ok: false,
      error: { message: "Node coord is excluded: its schema differs from the composed coordination schema", extensions: { code: "NODE_INCOMPATIBLE", node: "coord" } },
    });
    expect(office.calls()).toBe(0);
    // the routing view holds university nodes only
    expect(built.has("coord")).toBe(false);
    expect(await built.call("coord", { query: "{ __typename }" }, auth)).toMatchObject({ ok: false, error: { extensions: { code: "UNKNOWN_NODE" } } });
  });

  it("marks the coordination office DOWN when it does not answer, and UP again once it does", async () => {
    let answering = false;
    const built = await consortium({}, (await partyServing(COORDINATION_SDL, undefined, () => answering)).url);
    await built.checkAll();
    expect(built.health("coord")).toMatchObject({ status: "DOWN", reason: "Node coord is unavailable" });
    answering = true;
    await built.checkAll();
    expect(built.health("coord")).toMatchObject({ status: "UP", reason: null });
  });

  it("marks a node DOWN whose /health reports its database unavailable, and still calls it: it answers, naming itself in its errors", async () => {
    const node = await partyServing(UNIVERSITY_SDL, { status: 503, body: { status: "database unavailable", node: "hst" } });
    const built = await consortium({ hst: node.url }, (await partyServing(COORDINATION_SDL)).url);
    await built.checkAll();
    expect(built.health("hst")).toMatchObject({ status: "DOWN", reason: expect.stringContaining("database unavailable") });
    const [hst] = built.all;
    expect(hst!.circuitOpen).toBe(false);
    expect(await built.call("hst", { query: "{ __typename }" }, auth)).toMatchObject({ ok: true, body: { data: { __typename: "Query" } } });
    expect(node.calls()).toBe(1);
  });
});
