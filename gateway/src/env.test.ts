import { describe, expect, it } from "vitest";
import { EnvError } from "@tandem/shared";
import { loadGatewayConfig } from "./env.js";

const REQUIRED = { REGISTRY_FILE: "registry.json", SUPERGRAPH_FILE: "supergraph.graphql", SIGNING_KEY_FILE: "gateway.jwk.json" };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadGatewayConfig({ ...REQUIRED, ...env });
    return [];
  } catch (error) {
    return (error as EnvError).problems;
  }
}

describe("ALLOWED_ORIGINS", () => {
  it("is one list for CORS and for sockets", () => {
    const config = loadGatewayConfig({ ...REQUIRED, ALLOWED_ORIGINS: "https://mentoring.example.org, http://localhost:5173" });
    expect(config.allowedOrigins).toEqual(["https://mentoring.example.org", "http://localhost:5173"]);
    expect(config.sockets.allowedOrigins).toEqual(config.allowedOrigins);
  });

  it("refuses an origin with a path, naming the setting", () => {
    expect(problemsOf({ ALLOWED_ORIGINS: "https://mentoring.example.org/app" })).toEqual([expect.stringMatching(/^ALLOWED_ORIGINS\.0: each origin is scheme:\/\/host/)]);
  });

  it("tells an operator who still sets WS_ALLOWED_ORIGINS that it was renamed", () => {
    expect(problemsOf({ WS_ALLOWED_ORIGINS: "https://mentoring.example.org" })).toEqual([expect.stringMatching(/^WS_ALLOWED_ORIGINS: renamed ALLOWED_ORIGINS/)]);
  });
});

describe("EXPLORER", () => {
  it("follows NODE_ENV unless set: the demo keeps introspection and the Sandbox in production", () => {
    expect(loadGatewayConfig(REQUIRED).explorer).toBe(true);
    expect(loadGatewayConfig({ ...REQUIRED, NODE_ENV: "production" }).explorer).toBe(false);
    expect(loadGatewayConfig({ ...REQUIRED, NODE_ENV: "production", EXPLORER: "true" })).toMatchObject({ production: true, explorer: true });
    expect(loadGatewayConfig({ ...REQUIRED, EXPLORER: "false" }).explorer).toBe(false);
    expect(problemsOf({ EXPLORER: "yes" })).toEqual([expect.stringMatching(/^EXPLORER: /)]);
  });
});

describe("a party's traffic", () => {
  it("defaults to 16 calls at a time, a queue of up to 256 waiting at most 2.5 s, and coalescing on", () => {
    expect(loadGatewayConfig(REQUIRED)).toMatchObject({ partyLimit: { maxConcurrency: 16, queue: 256, queueTimeoutMs: 2_500 }, coalesce: true });
    expect(loadGatewayConfig({ ...REQUIRED, PARTY_MAX_CONCURRENCY: "4", PARTY_QUEUE: "0", PARTY_QUEUE_TIMEOUT_MS: "100", COALESCE: "off" })).toMatchObject({
      partyLimit: { maxConcurrency: 4, queue: 0, queueTimeoutMs: 100 },
      coalesce: false,
    });
  });

  it("refuses settings it cannot honour, naming each", () => {
    expect(problemsOf({ PARTY_MAX_CONCURRENCY: "0", PARTY_QUEUE: "-1", COALESCE: "yes" })).toEqual([
      expect.stringMatching(/^PARTY_MAX_CONCURRENCY: /),
      expect.stringMatching(/^PARTY_QUEUE: /),
      expect.stringMatching(/^COALESCE: /),
    ]);
  });
});
