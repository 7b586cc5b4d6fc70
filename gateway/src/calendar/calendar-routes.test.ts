/**
 * The gateway's calendar routes over real HTTP, with small stand-in nodes:
 * a personal feed is routed by its token's node and assembled from the
 * nodes the home node names, each asked with the home node's attestation;
 * a feed is served whole or answered 503 (a calendar app then keeps its
 * copy); unknown feeds are 404.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, type CalendarEntry, type ConsortiumRegistry } from "@tandem/shared";
import { parseCalendar } from "@tandem/shared/testkit/calendar";
import { CalendarParts, type CalendarNode } from "./calendar-parts.js";
import { mountCalendarRoutes } from "./calendar-routes.js";

const TOKEN = `hst.${"a".repeat(43)}`;
const entry = (uid: string, summary: string): CalendarEntry => ({
  uid,
  sequence: 0,
  status: "CONFIRMED",
  summary,
  description: null,
  location: null,
  url: null,
  start: "2030-01-15T16:00:00.000Z",
  end: "2030-01-15T18:00:00.000Z",
  timeZone: "Europe/Prague",
  allDay: false,
  lastModified: "2029-12-01T10:00:00.000Z",
});

type Answer = { status: number; body: unknown };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stand-in node answering its calendar routes; `seen` keeps each request's path and attestation header. */
async function standInNode(id: string, answer: (req: IncomingMessage, body: string) => Answer, seen: string[]): Promise<CalendarNode> {
  const url = await listen(
    createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen.push(`${id} ${req.method} ${req.url} ${String(req.headers["x-tandem-attestation"] ?? "-")}`);
        const { status, body: answerBody } = answer(req, body);
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(answerBody));
      });
    }),
  );
  // as PartyTokens signs: attestations travel in their header only when there are some
  return { id, url: `${url}/graphql`, headers: async (auth): Promise<Record<string, string>> => (auth.attestations?.length ? { "x-tandem-attestation": auth.attestations.join(",") } : {}) };
}

async function gatewayWith(nodes: CalendarNode[]): Promise<string> {
  const app = express();
  const registry = { consortium: { id: "test", name: "Test" }, nodes: nodes.map((node) => ({ id: node.id, name: node.id.toUpperCase() })) } as unknown as ConsortiumRegistry;
  mountCalendarRoutes(app, new CalendarParts(nodes, 2000), registry, createLogger("test", "silent"));
  return listen(createServer(app));
}

describe("calendar routes", () => {
  it("assembles a personal feed from the home node and the nodes it names, each asked on the home node's attestation", async () => {
    const seen: string[] = [];
    const hst = await standInNode(
      "hst",
      (_req, body) =>
        (JSON.parse(body) as { token: string }).token === TOKEN
          ? { status: 200, body: { subject: "hst:participant:1", attestation: "signed-by-hst", nodes: ["zcu"], entries: [entry("hst:event:1@t", "At home")] } }
          : { status: 404, body: {} },
      seen,
    );
    const zcu = await standInNode("zcu", () => ({ status: 200, body: { entries: [entry("zcu:event:1@t", "Kick-off in Plzeň")] } }), seen);
    const othaw = await standInNode("othaw", () => ({ status: 200, body: { entries: [entry("othaw:event:1@t", "Not hers")] } }), seen);
    const gateway = await gatewayWith([hst, zcu, othaw]);

    const response = await fetch(`${gateway}/calendar/${TOKEN}.ics`);
    expect([response.status, response.headers.get("content-type"), response.headers.get("cache-control")]).toEqual([200, "text/calendar; charset=utf-8", "private, no-store"]);
    const calendar = parseCalendar(await response.text());
    expect(calendar.events.map((event) => [event.summary, event.start, event.timeZone])).toEqual([
      ["At home", "2030-01-15T16:00:00.000Z", "Europe/Prague"],
      ["Kick-off in Plzeň", "2030-01-15T16:00:00.000Z", "Europe/Prague"],
    ]);
    expect(seen).toEqual(["hst POST /calendar/personal -", `zcu GET /calendar/participant/${encodeURIComponent("hst:participant:1")} signed-by-hst`]);
  });

  it("answers 404 for a token its home node does not know, a token of no node, and a node that is not one", async () => {
    const seen: string[] = [];
    const hst = await standInNode("hst", () => ({ status: 404, body: {} }), seen);
    const gateway = await gatewayWith([hst]);
    for (const path of [`/calendar/${TOKEN}.ics`, `/calendar/mars.${"a".repeat(43)}.ics`, "/calendar/short.ics", "/calendar/nodes/mars.ics"]) {
      expect((await fetch(`${gateway}${path}`)).status, path).toBe(404);
    }
    expect(seen).toEqual(["hst POST /calendar/personal -"]);
  });

  it("serves no incomplete feed: a node that fails its part makes it 503 with Retry-After", async () => {
    const seen: string[] = [];
    const hst = await standInNode(
      "hst",
      (req) => (req.url === "/calendar/public" ? { status: 200, body: { entries: [] } } : { status: 200, body: { subject: "hst:participant:1", attestation: "a", nodes: ["zcu"], entries: [] } }),
      seen,
    );
    const zcu = await standInNode("zcu", () => ({ status: 503, body: {} }), seen);
    const gateway = await gatewayWith([hst, zcu]);
    for (const path of [`/calendar/${TOKEN}.ics`, "/calendar/consortium.ics", "/calendar/nodes/zcu.ics"]) {
      const response = await fetch(`${gateway}${path}`);
      expect([response.status, response.headers.get("retry-after")], path).toEqual([503, "60"]);
    }
    const hstOnly = await fetch(`${gateway}/calendar/nodes/hst.ics`);
    expect([hstOnly.status, hstOnly.headers.get("cache-control")]).toEqual([200, "public, max-age=300"]);
  });
});
