import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "@tandem/shared";
import { repoPaths } from "../paths.js";
import { accessTokenTtlFrom } from "./demo-sign-in.js";
import { ensurePartyKeys } from "./keys.js";
import { planPorts, resolveLaunchOptions } from "./options.js";
import { planParties } from "./party.js";
import { effectiveRegistry } from "./registry-file.js";

const registry = loadRegistry(repoPaths.registry);

describe("the demo's sign-in in the launcher", () => {
  it("publishes, when on, each running party's provider at its /oidc with the party's own key; not otherwise", async () => {
    const keys = await ensurePartyKeys(join(mkdtempSync(join(tmpdir(), "tandem-keys-")), "keys"), ["hst", "coord", "gateway"]);
    const plan = await planPorts(resolveLaunchOptions({ port: 7000, nodes: ["hst"] }, registry), registry);
    const effective = effectiveRegistry(registry, plan, keys, true);
    expect(effective.nodes[0]!.oidc).toEqual({
      issuer: "http://127.0.0.1:7101/oidc",
      jwks: { keys: [keys.get("hst")!.publicJwk] },
      claims: { person: "tandem_id", roles: "tandem_roles" },
      clientId: "tandem-console",
      scope: "openid profile tandem",
    });
    expect(effective.coordination.oidc!.issuer).toBe("http://127.0.0.1:7100/oidc");
    expect(effectiveRegistry(registry, plan, keys).nodes[0]!.oidc).toBeUndefined();
  });

  it("turns the provider on in each node and the coordination office, for the console's callback at the gateway, not in the gateway", async () => {
    const plan = await planPorts(resolveLaunchOptions({ port: 7000, nodes: ["hst"] }, registry), registry);
    const input = {
      registry: effectiveRegistry(registry, plan),
      ports: plan,
      postgres: { urlFor: (db: string) => `postgres://x/${db}` },
      registryFile: "/r.json",
      keysDir: "/keys",
      matching: { conflict: "c", pseudonym: new Map([["hst", "p"]]) },
      logLevel: "info" as const,
      gateway: true,
    };
    const parties = planParties({ ...input, demoSignIn: { usersFile: "/data/demo-users.json", accessTokenTtlSeconds: 120 } });
    expect(parties.find((party) => party.id === "hst")!.env).toMatchObject({
      DEMO_SIGN_IN: "on",
      DEMO_SIGN_IN_ISSUER: "http://127.0.0.1:7101/oidc",
      DEMO_SIGN_IN_USERS_FILE: "/data/demo-users.json",
      DEMO_SIGN_IN_REDIRECT_URIS: "http://127.0.0.1:7000/auth/callback,http://localhost:7000/auth/callback",
      DEMO_SIGN_IN_POST_LOGOUT_URIS: "http://127.0.0.1:7000/,http://localhost:7000/",
      DEMO_ACCESS_TOKEN_TTL_SECONDS: "120",
    });
    expect(parties.find((party) => party.id === "coord")!.env.DEMO_SIGN_IN_ISSUER).toBe("http://127.0.0.1:7100/oidc");
    expect(parties.find((party) => party.id === "gateway")!.env.DEMO_SIGN_IN).toBeUndefined();
    expect(planParties(input).find((party) => party.id === "hst")!.env.DEMO_SIGN_IN).toBeUndefined();
  });

  it("takes the access-token lifetime from TANDEM_ACCESS_TOKEN_TTL_SECONDS (5–3600 s, default 300)", () => {
    expect(accessTokenTtlFrom({})).toBe(300);
    expect(accessTokenTtlFrom({ TANDEM_ACCESS_TOKEN_TTL_SECONDS: "60" })).toBe(60);
    expect(() => accessTokenTtlFrom({ TANDEM_ACCESS_TOKEN_TTL_SECONDS: "2" })).toThrow(/TANDEM_ACCESS_TOKEN_TTL_SECONDS must be a whole number of seconds from 5 to 3600/);
  });
});
