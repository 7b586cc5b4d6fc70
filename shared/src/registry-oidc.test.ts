import { describe, expect, it } from "vitest";
import { parseRegistry } from "./registry.js";

const key = { kty: "OKP", crv: "Ed25519", kid: "hst-idp-1", alg: "EdDSA", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" };
const oidc = (overrides: Record<string, unknown> = {}) => ({ issuer: "https://sso.hs-trier.example/realms/tandem", jwks: { keys: [key] }, ...overrides });
const node = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  shortName: id,
  country: "DE",
  city: "Trier",
  timeZone: "Europe/Berlin",
  url: `https://${id}.example/graphql`,
  ...extra,
});
const registry = (nodes: unknown[], coordination: Record<string, unknown> = {}) => ({
  consortium: { id: "greater-region", name: "Greater Region" },
  coordination: { id: "coord", name: "Office", url: "https://office.example/graphql", ...coordination },
  nodes,
});

function problemsOf(value: unknown): string[] {
  try {
    parseRegistry(value);
  } catch (error) {
    return (error as Error).message
      .split("\n")
      .slice(1)
      .map((line) => line.replace(/^ {2}- /, ""));
  }
  throw new Error("expected the registry to be refused");
}

describe("a party's OpenID Connect provider in the registry", () => {
  it("is optional, and when given defaults the claims to tandem_id and tandem_roles", () => {
    const parsed = parseRegistry(registry([node("hst", { oidc: oidc() }), node("zcu")]));
    expect(parsed.nodes[0]!.oidc).toEqual({ ...oidc(), claims: { person: "tandem_id", roles: "tandem_roles" }, clientId: "tandem-console", scope: "openid profile tandem" });
    expect(parsed.nodes[1]!.oidc).toBeUndefined();
  });

  it("takes the claim names a university's provider can emit", () => {
    const parsed = parseRegistry(registry([node("hst", { oidc: oidc({ claims: { person: "eduTandemId", roles: "groups" } }) })], { oidc: oidc({ issuer: "https://login.office.example" }) }));
    expect(parsed.nodes[0]!.oidc!.claims).toEqual({ person: "eduTandemId", roles: "groups" });
    expect(parsed.coordination.oidc!.issuer).toBe("https://login.office.example");
  });

  it.each([
    ["http://sso.hs-trier.example", /https URL/],
    ["https://sso.hs-trier.example/?realm=x", /without query or fragment/],
    ["sso.hs-trier.example", /./],
  ])("refuses the issuer %j", (issuer, message) => {
    expect(problemsOf(registry([node("hst", { oidc: oidc({ issuer }) })]))).toEqual([expect.stringMatching(/^nodes\.0\.oidc\.issuer: /)]);
    expect(problemsOf(registry([node("hst", { oidc: oidc({ issuer }) })]))[0]).toMatch(message);
  });

  it("accepts http only on the loopback address (the demo)", () => {
    expect(parseRegistry(registry([node("hst", { oidc: oidc({ issuer: "http://127.0.0.1:4101/oidc" }) })])).nodes[0]!.oidc!.issuer).toBe("http://127.0.0.1:4101/oidc");
  });

  it("refuses a provider without keys, a private key, and an empty claim name", () => {
    expect(problemsOf(registry([node("hst", { oidc: oidc({ jwks: { keys: [] } }) })]))).toEqual(["nodes.0.oidc.jwks.keys: an OpenID Connect provider publishes at least one key"]);
    expect(problemsOf(registry([node("hst", { oidc: oidc({ jwks: { keys: [{ ...key, d: "secret" }] } }) })]))[0]).toMatch(/^nodes\.0\.oidc\.jwks\.keys\.0: .*private part/);
    expect(problemsOf(registry([node("hst", { oidc: oidc({ claims: { person: "" } }) })]))).toEqual([expect.stringMatching(/^nodes\.0\.oidc\.claims\.person: /)]);
  });

  it("refuses one issuer for two parties: the gateway could not tell whose people it signs for", () => {
    expect(problemsOf(registry([node("hst", { oidc: oidc() }), node("zcu", { oidc: oidc({ issuer: "https://sso.hs-trier.example/realms/tandem/" }) })]))).toEqual([
      'nodes.1.oidc.issuer: issuer "https://sso.hs-trier.example/realms/tandem/" is already that of nodes.0',
    ]);
  });
});
