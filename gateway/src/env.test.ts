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
