/**
 * Where people sign in: the gateway lists the OpenID Connect providers the
 * registry publishes (GET /auth/providers, for the console), and the
 * console's Content-Security-Policy lets it reach exactly their origins.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, generateSigningKeyPair } from "@tandem/shared";
import { createTestTrust } from "@tandem/shared/testkit";
import type { RunningGateway } from "../src/index.js";
import { startTestGateway } from "./test-gateway.js";

const HST_IDP = "https://sso.hs-trier.example/realms/tandem";
const OFFICE_IDP = "http://127.0.0.1:4100/oidc";
let gateway: RunningGateway;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "console-dist-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>console</title>");
  const closed = async () => `http://127.0.0.1:${await freePort()}/graphql`;
  const [hstIdp, officeIdp] = await Promise.all([generateSigningKeyPair("hst-idp-1"), generateSigningKeyPair("office-idp-1")]);
  const trust = await createTestTrust({
    consortium: { id: "test-consortium", name: "Test consortium" },
    coordination: { id: "coord", name: "Joint office", url: await closed(), oidc: { issuer: OFFICE_IDP, jwks: { keys: [officeIdp.publicJwk] } } },
    nodes: [
      {
        id: "hst",
        name: "Hochschule Trier",
        shortName: "HST",
        country: "DE",
        city: "Trier",
        timeZone: "Europe/Berlin",
        url: await closed(),
        oidc: { issuer: HST_IDP, jwks: { keys: [hstIdp.publicJwk] }, clientId: "tandem-console-hst", claims: { person: "eduTandemId" } },
      },
      { id: "zcu", name: "University of West Bohemia", shortName: "ZCU", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague", url: await closed() },
    ],
  });
  gateway = await startTestGateway(trust, { CONSOLE_DIR: dir });
  base = gateway.url.replace(/\/graphql$/, "");
});

afterAll(async () => {
  await gateway?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the sign-in providers", () => {
  it("are listed for the console without sign-in: each party's issuer, client id, scope and claims, none for a node without one", async () => {
    const response = await fetch(`${base}/auth/providers`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      providers: [
        {
          party: "hst",
          kind: "node",
          name: "Hochschule Trier",
          issuer: HST_IDP,
          clientId: "tandem-console-hst",
          scope: "openid profile tandem",
          claims: { person: "eduTandemId", roles: "tandem_roles" },
        },
        {
          party: "coord",
          kind: "coordination",
          name: "Joint office",
          issuer: OFFICE_IDP,
          clientId: "tandem-console",
          scope: "openid profile tandem",
          claims: { person: "tandem_id", roles: "tandem_roles" },
        },
      ],
    });
  });

  it("are the only origins besides its own the console may connect to", async () => {
    const policy = (await fetch(`${base}/`)).headers.get("content-security-policy");
    expect(policy).toContain("connect-src 'self' https://sso.hs-trier.example http://127.0.0.1:4100;");
    expect(policy).toContain("form-action 'self'");
  });
});
