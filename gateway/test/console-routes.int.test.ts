/**
 * The gateway serves the web console at / (a built console in a temporary
 * directory here): hashed assets cached for a year, index.html uncached for
 * every console address, its own routes untouched; production refuses to
 * start without a built console.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { TestTrust } from "@tandem/shared/testkit";
import type { RunningGateway } from "../src/index.js";
import { startTestGateway, unreachableConsortium } from "./test-gateway.js";

let trust: TestTrust;
let gateway: RunningGateway;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "console-dist-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>console</title>");
  writeFileSync(join(dir, "assets/index-AbC123.js"), "console.log('hi')");
  trust = await unreachableConsortium();
  gateway = await startTestGateway(trust, { CONSOLE_DIR: dir });
  base = gateway.url.replace(/\/graphql$/, "");
});

afterAll(async () => {
  await gateway?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the web console at /", () => {
  it.each(["/", "/applications/hst:application:1", "/cohorts/c1/apply"])("answers %s with index.html, never cached, same-origin only", async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>console</title>");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("caches hashed assets for a year, and answers a missing one 404 rather than index.html", async () => {
    const asset = await fetch(`${base}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${base}/assets/index-gone.js`)).status).toBe(404);
  });

  it("leaves the gateway's own routes as they were", async () => {
    const health = await fetch(`${base}/health`);
    expect(health.headers.get("content-type")).toContain("application/json");
    expect(((await health.json()) as { status: string }).status).toBe("ok");
    const graphql = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ consortium { id } }" }) });
    expect(graphql.status).toBe(401);
    expect((await fetch(`${base}/calendar/nodes/nowhere.ics`)).status).toBe(404);
  });
});

/** The HTTP status of a WebSocket upgrade to /graphql with this Origin (101 when accepted). */
function upgradeStatus(origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${base.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws", { headers: { origin } });
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
  });
}

describe("the console's live updates", () => {
  it("may open a socket from the gateway's own origin, on whatever address it is reached; other origins still may not", async () => {
    expect(await upgradeStatus(base)).toBe(101);
    expect(await upgradeStatus(base.replace("127.0.0.1", "localhost"))).toBe(403);
    expect(await upgradeStatus("https://evil.example")).toBe(403);
  });
});

describe("without a built console", () => {
  it("refuses to start in production, saying what to do", async () => {
    await expect(startTestGateway(trust, { CONSOLE_DIR: join(dir, "missing"), NODE_ENV: "production" })).rejects.toThrow(/web console is not built.*npm run build/);
  });

  it("starts outside production and says so at /", async () => {
    const bare = await startTestGateway(trust, { CONSOLE_DIR: join(dir, "missing") });
    try {
      const response = await fetch(bare.url.replace(/\/graphql$/, "/"));
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("npm run build");
    } finally {
      await bare.stop();
    }
  });
});
