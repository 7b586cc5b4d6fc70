/**
 * Users authenticate at their home university; the gateway accepts a token
 * only when a registered party signed it for this consortium, for one of its
 * own people, with roles that party may grant.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { generateSigningKeyPair, graphqlRequest, issueUserToken, signingKeyFromJwk, Role } from "@tandem/shared";
import { as, type TestTrust } from "@tandem/shared/testkit";
import type { RunningGateway } from "../src/index.js";
import { startTestGateway, unreachableConsortium } from "./test-gateway.js";

const PARTICIPANT = "hst:participant:6a1f7a40-8a4a-4a57-9b8f-5d1d2c3e4f50";
const QUERY = `{ consortium { name } }`;
let trust: TestTrust;
const gateways: RunningGateway[] = [];

async function start(env: Record<string, string> = {}): Promise<RunningGateway> {
  const gateway = await startTestGateway(trust, env);
  gateways.push(gateway);
  return gateway;
}

let gateway: RunningGateway;

beforeAll(async () => {
  trust = await unreachableConsortium();
  gateway = await start();
});

afterAll(async () => {
  for (const running of gateways) await running.stop();
});

const post = (token: string | null, query = QUERY, headers: Record<string, string> = {}) =>
  graphqlRequest(gateway.url, query, {}, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });

function sign(keyOf: string, claims: { iss: string; aud?: string; sub: string; roles: string[] }, lifetime = "1h", issuedAt?: number) {
  const jwt = new SignJWT({ roles: claims.roles })
    .setProtectedHeader({ alg: "EdDSA", kid: trust.keys.get(keyOf)!.kid })
    .setIssuer(claims.iss)
    .setAudience(claims.aud ?? "test-consortium")
    .setSubject(claims.sub);
  jwt.setIssuedAt(issuedAt);
  return jwt.setExpirationTime(issuedAt ? issuedAt + 3600 : lifetime).sign(trust.keys.get(keyOf)!.key);
}

describe("authentication at the gateway", () => {
  it("lets a valid token through", async () => {
    const result = await post(await trust.userToken(as.participant(PARTICIPANT)));
    expect(result.status).toBe(200);
    expect(result.errors?.some((error) => error.extensions?.code === "UNAUTHENTICATED")).toBeFalsy();
  });

  it("refuses a request without a token with 401, but allows introspection outside production", async () => {
    const result = await post(null);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const introspection = await post(null, `{ __schema { queryType { name } } }`);
    expect(introspection.status).toBe(200);
    expect(introspection.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it.each([
    ["a non-bearer header", null, { authorization: "Basic dXNlcjpwYXNz" }],
    ["a token that is no JWT", "not-a-jwt", {}],
  ])("refuses %s with 401", async (_what, token, headers) => {
    const result = await post(token, QUERY, headers);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["an issuer outside the registry", async () => sign("hst", { iss: "mars", sub: "mars:participant:x", roles: ["mentee"] }), /issuer must be a registered node/],
    ["another consortium's audience", async () => sign("hst", { iss: "hst", aud: "other", sub: PARTICIPANT, roles: ["mentee"] }), /aud/],
    ["a signature by another node's key", async () => sign("zcu", { iss: "hst", sub: PARTICIPANT, roles: ["mentee"] }), /signature|key/],
    ["a subject of another node", async () => sign("hst", { iss: "hst", sub: "zcu:participant:6a1f7a40-8a4a-4a57-9b8f-5d1d2c3e4f50", roles: ["mentee"] }), /not a person of hst/],
    ["a node granting the joint-coordinator role", async () => sign("hst", { iss: "hst", sub: "hst:staff:boss", roles: ["joint-coordinator"] }), /cannot grant the role joint-coordinator/],
    ["a participant with the coordinator role", async () => sign("hst", { iss: "hst", sub: PARTICIPANT, roles: ["node-coordinator"] }), /cannot grant the role node-coordinator/],
    ["an unknown role", async () => sign("hst", { iss: "hst", sub: PARTICIPANT, roles: ["admin"] }), /roles must be/],
    ["an expired token", async () => sign("hst", { iss: "hst", sub: PARTICIPANT, roles: ["mentee"] }, "1h", Math.floor(Date.now() / 1000) - 7200), /expired/],
    ["a token living longer than a day", async () => sign("hst", { iss: "hst", sub: PARTICIPANT, roles: ["mentee"] }, "48h"), /lifetime/],
  ])("refuses %s with 401 and says why", async (_what, token, reason) => {
    const result = await post(await token());
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" }, message: expect.stringMatching(reason) });
  });

  it("refuses a key that the registry does not publish, even with a registered issuer", async () => {
    const rogue = await signingKeyFromJwk((await generateSigningKeyPair("hst-test-1")).privateJwk);
    const token = await issueUserToken(rogue, { issuer: "hst", audience: "test-consortium", sub: PARTICIPANT, roles: [Role.MENTEE] });
    expect((await post(token)).status).toBe(401);
  });

  it("answers GDPR requests of a coordinator without a person with a clear input error", async () => {
    const result = await post(await trust.userToken(as.jointCoordinator()), `{ exportMyData }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "participantId" });
  });
});

describe("a gateway in production", () => {
  it("refuses introspection even with a valid token, and has no landing page", async () => {
    const production = await start({ NODE_ENV: "production" });
    const token = await trust.userToken(as.jointCoordinator());
    const result = await graphqlRequest(production.url, `{ __schema { queryType { name } } }`, {}, { authorization: `Bearer ${token}` });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await fetch(production.url, { headers: { accept: "text/html" } });
    expect(page.status).not.toBe(200);
  });

  it("keeps introspection and the Sandbox with EXPLORER=true (the demo), still without stack traces", async () => {
    const demo = await start({ NODE_ENV: "production", EXPLORER: "true" });
    const introspection = await graphqlRequest(demo.url, `{ __schema { queryType { name } } }`);
    expect(introspection.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const page = await fetch(demo.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/sandbox/i);
    const refused = await graphqlRequest(demo.url, `{ exportMyData }`, {}, { authorization: `Bearer ${await trust.userToken(as.jointCoordinator())}` });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(refused.errors?.[0]?.extensions).not.toHaveProperty("stacktrace");
  });
});
