/**
 * Trust between the gateway and the coordination office: every call to
 * /graphql needs a fresh token the gateway signed for this office, whatever
 * the operation (`_entities` and `_service` included); the gateway's own
 * identity may read `_service` only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, writeTestRegistry } from "@tandem/shared/testkit";
import { loadCoordinationConfig, startCoordination, type RunningCoordination } from "./index.js";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";
import { handMadeToken, unsignedToken, type TokenShape } from "../test/gateway-tokens.js";

const PROGRAMMES = { query: "{ programmes { id } }" };
const SERVICE = { query: "{ _service { sdl } }" };
const ENTITIES = { query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ConsortiumNode { id } } }`, variables: { r: [{ __typename: "ConsortiumNode", id: "hst" }] } };

describe("trust: calls need a gateway token addressed to the coordination office", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const withToken = (shape: TokenShape, body: unknown = PROGRAMMES) => service.post(body, bearer(handMadeToken(service.trust, shape)));

  function expectUnauthenticated(response: { status: number; body: any; headers: Headers }, reason?: RegExp) {
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(response.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    if (reason) expect(response.body.errors[0].message).toMatch(reason);
  }

  it.each([
    ["an ordinary query", PROGRAMMES],
    ["_entities", ENTITIES],
    ["_service", SERVICE],
  ])("refuses %s without a token, or with a token that is not a signed JWT", async (_name, body) => {
    expectUnauthenticated(await service.post(body), /token signed by the gateway/);
    expectUnauthenticated(await service.post(body, { authorization: "Bearer not-a-jwt" }));
    expectUnauthenticated(await service.post(body, { authorization: `Basic ${Buffer.from("gateway:secret").toString("base64")}` }));
    expectUnauthenticated(await service.post(body, bearer(unsignedToken(service.trust))));
  });

  it.each([
    ["an ordinary query", PROGRAMMES, "programmes"],
    ["_entities", ENTITIES, "_entities"],
    ["_service", SERVICE, "_service"],
  ])("answers %s with a valid token", async (_name, body, field) => {
    const response = await withToken({}, body);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data[field]).toBeDefined();
  });

  it.each([
    ["another party's audience", { audience: "hst" }, /aud/],
    ["the consortium's audience (a user token's)", { audience: "test" }, /aud/],
    ["an issuer other than the gateway", { issuer: "hst", signer: "hst" }, /iss|not published/],
    ["the gateway's name signed with a node's key", { signer: "hst" }, /signature|not published/],
    ["the gateway's name signed with the coordination's own key", { signer: "coord" }, /signature|not published/],
  ])("refuses a token with %s", async (_name, shape, reason) => {
    for (const body of [PROGRAMMES, ENTITIES, SERVICE]) expectUnauthenticated(await withToken(shape as TokenShape, body), reason);
  });

  it("refuses an expired token, but tolerates 30 s of clock difference", async () => {
    for (const body of [PROGRAMMES, ENTITIES, SERVICE]) expectUnauthenticated(await withToken({ issuedAt: -100, expiresIn: 60 }, body), /expired/);
    expect((await withToken({ issuedAt: -70, expiresIn: 60 })).status).toBe(200);
  });

  it("refuses a token issued beyond the clock tolerance in the future, but accepts one within it", async () => {
    for (const body of [PROGRAMMES, ENTITIES, SERVICE]) expectUnauthenticated(await withToken({ issuedAt: 45, expiresIn: 60 }, body), /iat/);
    expect((await withToken({ issuedAt: 20, expiresIn: 60 })).status).toBe(200);
  });

  it("refuses a token older than the replay window even before it expires", async () => {
    expectUnauthenticated(await withToken({ issuedAt: -200, expiresIn: 600 }), /replay window|iat/);
    expect((await withToken({ issuedAt: -100, expiresIn: 600 })).status).toBe(200);
  });

  it("refuses a replayed token, on every kind of operation", async () => {
    for (const body of [PROGRAMMES, ENTITIES, SERVICE]) {
      const token = await service.token();
      expect((await service.post(body, bearer(token))).status).toBe(200);
      expectUnauthenticated(await service.post(body, bearer(token)), /replay/);
    }
  });

  it("refuses a token without a token id or with a malformed identity", async () => {
    expectUnauthenticated(await withToken({ claims: { jti: undefined } }), /jti/);
    expectUnauthenticated(await withToken({ claims: { roles: ["dean"] } }), /identity/);
    expectUnauthenticated(await withToken({ claims: { kind: "robot" } }), /identity/);
  });

  it("lets the gateway's own identity read _service and nothing else", async () => {
    const system = service.as(as.system());
    const sdl = await system.query(SERVICE.query);
    expect(sdl.errors).toBeUndefined();
    expect(sdl.data!._service.sdl).toContain("type Tandem");
    const refused: { query: string; variables?: Record<string, unknown> }[] = [PROGRAMMES, ENTITIES, { query: "{ _service { sdl } programmes { id } }" }];
    for (const body of refused) {
      const result = await system.query(body.query, body.variables);
      expect(result.status).toBe(403);
      expect(result.errors![0]!.extensions!.code).toBe("FORBIDDEN");
      expect(result.data ?? null).toBeNull();
    }
  });
});

describe("replay protection kept in the coordination database", () => {
  let primary: TestCoordination;
  let replica: TestCoordination;
  const restarted: RunningCoordination[] = [];
  beforeAll(async () => {
    primary = await startTestCoordination();
    replica = await startTestCoordination({ trust: primary.trust, databaseUrl: primary.databaseUrl });
  });
  afterAll(async () => {
    for (const running of restarted) await running.stop();
    await replica?.stop();
    await primary?.stop();
  });

  const post = async (url: string, token: string) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(PROGRAMMES) });
    return { status: response.status, body: await response.json() };
  };
  const replayRefused = { status: 401, body: { errors: [{ message: "Invalid gateway token: already used (replay)", extensions: { code: "UNAUTHENTICATED" } }] } };

  it("refuses a token used once after the service restarts on the same database", async () => {
    const token = await primary.token();
    const first = await startCoordination(replica.coordination.config);
    restarted.push(first);
    expect((await post(first.url, token)).status).toBe(200);
    await first.stop();
    const again = await startCoordination(replica.coordination.config);
    restarted.push(again);
    expect(await post(again.url, token)).toEqual(replayRefused);
  });

  it("refuses at one replica a token the other accepted, and accepts each token once when both receive it at the same moment", async () => {
    const token = await primary.token();
    expect((await post(replica.url, token)).status).toBe(200);
    expect(await post(primary.url, token)).toEqual(replayRefused);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => primary.token()));
    const statuses = await Promise.all(tokens.map(async (each) => (await Promise.all([post(primary.url, each), post(replica.url, each)])).map((result) => result.status).sort()));
    expect(statuses).toEqual(tokens.map(() => [200, 401]));
  });

  it("prunes token ids no replica could accept any more, and keeps the others", async () => {
    const token = await primary.token();
    expect((await post(primary.url, token)).status).toBe(200);
    const kept = await primary.countRows("gateway_token_uses");
    await primary.sql(`INSERT INTO gateway_token_uses (jti, expires_at) VALUES ('expired-1', now() - interval '1 second')`);
    await replica.coordination.tokenUses.prune();
    expect(await primary.sql(`SELECT jti FROM gateway_token_uses WHERE jti = 'expired-1'`)).toEqual([]);
    expect(await primary.countRows("gateway_token_uses")).toBe(kept);
    expect(await post(replica.url, token)).toEqual(replayRefused);
  });
});

describe("trust at start", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  const configWith = (registry: unknown, keyParty = "coord") =>
    loadCoordinationConfig({
      PORT: "0",
      DATABASE_URL: service.databaseUrl,
      REGISTRY_FILE: writeTestRegistry(registry),
      SIGNING_KEY_FILE: service.trust.keyFiles.get(keyParty)!,
      GATEWAY_URL: "http://127.0.0.1:9/graphql",
      LOG_LEVEL: "silent",
    });

  it("refuses to start while the registry publishes no gateway key", async () => {
    const registry = { ...service.trust.registry, gateway: { id: "gateway", jwks: { keys: [] } } };
    await expect(startCoordination(configWith(registry))).rejects.toThrow(/publishes no key of the gateway/);
  });

  it("refuses to start with a signing key the registry does not publish for the coordination office", async () => {
    await expect(startCoordination(configWith(service.trust.registry, "hst"))).rejects.toThrow(/not published for coord/);
  });

  it("refuses to start without a signing key file", () => {
    expect(() => loadCoordinationConfig({ PORT: "0", DATABASE_URL: service.databaseUrl, REGISTRY_FILE: "x.json" })).toThrow(/SIGNING_KEY_FILE/);
  });
});
