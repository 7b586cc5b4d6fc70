/** The coordination service's environment: GATEWAY_URL is required, an http(s) URL (matching rounds pull profiles through the gateway). */
import { describe, expect, it } from "vitest";
import { loadCoordinationConfig } from "./env.js";

const base = { PORT: "4100", DATABASE_URL: "postgres://u:p@127.0.0.1:5432/coordination", REGISTRY_FILE: "registry.json", SIGNING_KEY_FILE: "coord.jwk.json" };

describe("coordination environment", () => {
  it("takes the gateway's URL", () => {
    expect(loadCoordinationConfig({ ...base, GATEWAY_URL: "http://127.0.0.1:4000/graphql" }).gatewayUrl).toBe("http://127.0.0.1:4000/graphql");
  });

  it.each([undefined, "", "127.0.0.1:4000", "ftp://gateway/graphql"])("refuses GATEWAY_URL %j, saying what it is for", (value) => {
    expect(() => loadCoordinationConfig({ ...base, GATEWAY_URL: value })).toThrow(/GATEWAY_URL: the gateway's GraphQL endpoint/);
  });
});
