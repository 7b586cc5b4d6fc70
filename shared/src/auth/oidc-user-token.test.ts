/**
 * Access tokens of a party's OpenID Connect provider, as the gateway verifies
 * them: the registry names the provider's issuer, keys and claims; the
 * identity is the same as a token signed by the party itself.
 */
import { SignJWT, type JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRegistry } from "../registry.js";
import { generateSigningKeyPair, signingKeyFromJwk, type SigningKey } from "./keys.js";
import { UserTokenVerifier } from "./user-token.js";

const HST_IDP = "https://sso.hs-trier.example/realms/tandem";
const OFFICE_IDP = "https://login.office.example";
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

let hstIdp: SigningKey, officeIdp: SigningKey, stranger: SigningKey;
let verifier: UserTokenVerifier;

beforeAll(async () => {
  const pairs = await Promise.all(["hst-idp-1", "office-idp-1", "stranger-1"].map((kid) => generateSigningKeyPair(kid)));
  const keys = await Promise.all(pairs.map((pair) => signingKeyFromJwk(pair.privateJwk)));
  [hstIdp, officeIdp, stranger] = [keys[0]!, keys[1]!, keys[2]!];
  const registry = parseRegistry({
    consortium: { id: "greater-region", name: "Greater Region" },
    coordination: { id: "coord", name: "Office", url: "https://office.example/graphql", oidc: { issuer: OFFICE_IDP, jwks: { keys: [pairs[1]!.publicJwk] } } },
    nodes: [
      node("hst", { oidc: { issuer: HST_IDP, jwks: { keys: [pairs[0]!.publicJwk] } } }),
      node("zcu", { oidc: { issuer: "https://idp.zcu.example", jwks: { keys: [pairs[2]!.publicJwk] }, claims: { person: "zcuTandemId", roles: "groups" } } }),
    ],
  });
  verifier = new UserTokenVerifier(registry, 0);
});

function accessToken(key: SigningKey, claims: JWTPayload, { issuer = HST_IDP, ttl = "5m" } = {}): Promise<string> {
  return new SignJWT({ scope: "tandem", client_id: "tandem-console", ...claims })
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: "at+jwt" })
    .setIssuer(issuer)
    .setAudience("greater-region")
    .setSubject("f3a9c2-opaque-idp-subject")
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key.key);
}

describe("a university provider's access token at the gateway", () => {
  it("is the person its tandem_id claim names, at the node whose provider issued it, with its tandem_roles", async () => {
    const token = await accessToken(hstIdp, { tandem_id: "hst:participant:mira", tandem_roles: ["mentee"] });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: "hst:participant:mira", homeNode: "hst", roles: ["mentee"] });
  });

  it("reads the claims the registry names for that provider", async () => {
    const token = await accessToken(stranger, { zcuTandemId: "zcu:staff:coordinator", groups: ["node-coordinator"] }, { issuer: "https://idp.zcu.example" });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: "zcu:staff:coordinator", homeNode: "zcu", roles: ["node-coordinator"] });
  });

  it("the joint coordinator signs in at the coordination office's provider", async () => {
    const token = await accessToken(officeIdp, { tandem_id: "coord:staff:joint-coordinator", tandem_roles: ["joint-coordinator"] }, { issuer: OFFICE_IDP });
    await expect(verifier.verify(token)).resolves.toMatchObject({ homeNode: "coord", roles: ["joint-coordinator"] });
  });

  it.each([
    ["without the person's claim", { tandem_roles: ["mentee"] }, /claim "tandem_id" \(the person's Tandem id\) is missing/],
    ["naming a person of another node", { tandem_id: "zcu:participant:jiri", tandem_roles: ["mentee"] }, /subject "zcu:participant:jiri" is not a person of hst/],
    ["without roles", { tandem_id: "hst:participant:mira" }, /claim "tandem_roles" \(roles\) must be a non-empty list/],
    ["granting a role hst cannot grant", { tandem_id: "hst:staff:coordinator", tandem_roles: ["joint-coordinator"] }, /hst cannot grant the role joint-coordinator/],
  ])("refuses a token %s", async (_what, claims, message) => {
    await expect(verifier.verify(await accessToken(hstIdp, claims))).rejects.toMatchObject({ message: expect.stringMatching(message), extensions: { code: "UNAUTHENTICATED" } });
  });

  it("refuses a token signed with a key the provider does not publish, and one of an issuer not in the registry", async () => {
    const claims = { tandem_id: "hst:participant:mira", tandem_roles: ["mentee"] };
    await expect(verifier.verify(await accessToken(officeIdp, claims))).rejects.toThrow(/signed with a key that is not published|signature does not verify/);
    await expect(verifier.verify(await accessToken(hstIdp, claims, { issuer: "https://sso.elsewhere.example" }))).rejects.toThrow(/issued by "https:\/\/sso.elsewhere.example" are not accepted/);
  });

  it("refuses an expired access token", async () => {
    await expect(verifier.verify(await accessToken(hstIdp, { tandem_id: "hst:participant:mira", tandem_roles: ["mentee"] }, { ttl: "-1s" }))).rejects.toThrow(/Invalid token: expired/);
  });
});
