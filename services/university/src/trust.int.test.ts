/**
 * Trust at the node: every call must carry a token the gateway signed for
 * this node, recent and used once, whatever the operation — direct queries,
 * `_entities` and `_service` alike. The gateway's own identity may read
 * `_service` and nothing else.
 */
import { writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signingKeyFromJwk, generateSigningKeyPair } from "@tandem/shared";
import { as, craftServiceToken } from "@tandem/shared/testkit";
import { postFeedQuery } from "@tandem/party/testkit";
import { startUniversityNode, type UniversityNode } from "./index.js";
import { startTestNode, testTrust, type TestNode } from "../test/test-node.js";

const OPERATIONS = {
  query: { query: "{ events { totalCount } }", variables: {} },
  entities: { query: "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }", variables: { r: [{ __typename: "Event", id: "hst:event:00000000-0000-4000-8000-000000000000" }] } },
  service: { query: "{ _service { sdl } }", variables: {} },
};
const now = () => Math.floor(Date.now() / 1000);

describe("gateway tokens at a node", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst", { env: { GATEWAY_CLOCK_TOLERANCE_SECONDS: "30", GATEWAY_REPLAY_WINDOW_SECONDS: "120" } });
  });
  afterAll(() => node.stop());

  const gatewayKey = () => node.trust.keys.get("gateway")!;
  const crafted = (claims: Partial<Parameters<typeof craftServiceToken>[1]> = {}, key = gatewayKey()) =>
    craftServiceToken(key, { issuer: "gateway", audience: "hst", caller: as.nodeCoordinator("hst"), ...claims });
  const send = (operation: keyof typeof OPERATIONS, token?: string) =>
    node.post(OPERATIONS[operation].query, OPERATIONS[operation].variables, token === undefined ? {} : { authorization: `Bearer ${token}` });

  async function expectRefused(operation: keyof typeof OPERATIONS, token: string | undefined, reason: RegExp) {
    const result = await send(operation, token);
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([{ message: expect.stringMatching(reason), extensions: { code: "UNAUTHENTICATED" } }]);
  }

  describe.each(Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[])("%s", (operation) => {
    it("answers with a fresh token the gateway signed for this node", async () => {
      const result = await send(operation, await node.token());
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    });

    it("refuses a call without a token", () => expectRefused(operation, undefined, /need a token signed by the gateway/));
    it("refuses a token that is not a JWT", () => expectRefused(operation, "not-a-token", /Invalid gateway token/));
    it("refuses an expired token", async () => expectRefused(operation, await crafted({ issuedAt: now() - 100, expiresAt: now() - 60 }), /expired/));
    it("refuses a token for another node", async () => expectRefused(operation, await node.token(as.nodeCoordinator("hst"), "zcu"), /claim "aud"/));
    it("refuses a token issued beyond the clock tolerance in the future", async () => expectRefused(operation, await crafted({ issuedAt: now() + 90, expiresAt: now() + 150 }), /claim "iat"/));
    it("refuses a token older than the replay window", async () => expectRefused(operation, await crafted({ issuedAt: now() - 200, expiresAt: now() + 60 }), /older than the replay window/));

    it("refuses a replayed token", async () => {
      const token = await node.token();
      expect((await send(operation, token)).status).toBe(200);
      await expectRefused(operation, token, /already used \(replay\)/);
    });

    it("refuses a token signed by anyone but the gateway", async () => {
      await expectRefused(operation, await crafted({}, node.trust.keys.get("hst")!), /Invalid gateway token/);
      await expectRefused(operation, await crafted({ issuer: "hst" }, node.trust.keys.get("hst")!), /Invalid gateway token/);
      const stranger = await signingKeyFromJwk((await generateSigningKeyPair("gateway-test-1")).privateJwk);
      await expectRefused(operation, await crafted({}, stranger), /signature does not verify/);
    });
  });

  it("accepts tokens within the clock tolerance, either way", async () => {
    for (const claims of [
      { issuedAt: now() + 20, expiresAt: now() + 80 },
      { issuedAt: now() - 70, expiresAt: now() - 10 },
    ]) {
      expect((await send("query", await crafted(claims))).status).toBe(200);
    }
  });

  it("says so in a WWW-Authenticate header", async () => {
    const response = await fetch(node.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(OPERATIONS.service) });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  });

  it("refuses a token whose identity is malformed", async () => {
    const caller = { ...as.nodeCoordinator("hst"), roles: ["admin"] } as unknown as ReturnType<typeof as.nodeCoordinator>;
    await expectRefused("query", await crafted({ caller }), /malformed identity/);
  });

  describe("the gateway's own identity", () => {
    const asSystem = async (query: string, variables: Record<string, unknown> = {}) => node.post(query, variables, { authorization: `Bearer ${await node.token(as.system())}` });

    it("may read _service", async () => {
      const result = await asSystem("{ _service { sdl } }");
      expect(result.status).toBe(200);
      expect(result.data!._service.sdl).toContain("type Participant");
    });

    it.each([
      ["a query", OPERATIONS.query],
      ["_entities", OPERATIONS.entities],
      ["_service together with a query", { query: "{ _service { sdl } events { totalCount } }", variables: {} }],
      ["a mutation", { query: `mutation { cancelEvent(id: "hst:event:00000000-0000-4000-8000-000000000000") { id } }`, variables: {} }],
    ])("may not run %s", async (_name, operation) => {
      const result = await asSystem(operation.query, operation.variables);
      expect(result.status).toBe(403);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/may only use _service, factPositions, receiveFacts/), extensions: { code: "FORBIDDEN" } });
    });
  });
});

describe("replay protection kept in the node's database", () => {
  let primary: TestNode;
  let replica: TestNode;
  const restarted: UniversityNode[] = [];
  beforeAll(async () => {
    primary = await startTestNode("hst", { env: { GATEWAY_CLOCK_TOLERANCE_SECONDS: "30", GATEWAY_REPLAY_WINDOW_SECONDS: "120" } });
    replica = await startTestNode("hst", { databaseUrl: primary.databaseUrl, env: { GATEWAY_CLOCK_TOLERANCE_SECONDS: "30", GATEWAY_REPLAY_WINDOW_SECONDS: "120" } });
  });
  afterAll(async () => {
    for (const node of restarted) await node.stop();
    await replica?.stop();
    await primary?.stop();
  });

  const query = (url: string, token: string) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(OPERATIONS.query) });
  const statusOf = async (url: string, token: string) => (await query(url, token)).status;
  async function expectReplayRefused(url: string, token: string) {
    const reused = await query(url, token);
    expect(reused.status).toBe(401);
    expect(await reused.json()).toEqual({ errors: [{ message: "Invalid gateway token: already used (replay)", extensions: { code: "UNAUTHENTICATED" } }] });
  }

  it("refuses a token used once, on reuse at the same process", async () => {
    const token = await primary.token();
    expect(await statusOf(primary.url, token)).toBe(200);
    await expectReplayRefused(primary.url, token);
  });

  it("refuses it again after the node restarts on the same database", async () => {
    const node = await startUniversityNode(replica.node.config);
    restarted.push(node);
    const token = await primary.token();
    expect(await statusOf(node.url, token)).toBe(200);
    await node.stop();
    const again = await startUniversityNode(replica.node.config);
    restarted.push(again);
    await expectReplayRefused(again.url, token);
  });

  it("refuses at one replica a token another replica accepted, over /graphql and /feed alike", async () => {
    const token = await primary.token();
    expect(await statusOf(primary.url, token)).toBe(200);
    await expectReplayRefused(replica.url, token);
    const system = await primary.token(as.system());
    expect((await postFeedQuery(replica.feedHttpUrl, "{ changesHead }", {}, { authorization: `Bearer ${system}` })).status).toBe(200);
    expect((await postFeedQuery(primary.feedHttpUrl, "{ changesHead }", {}, { authorization: `Bearer ${system}` })).status).toBe(401);
  });

  it("accepts each token once when two replicas receive it at the same moment", async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => primary.token()));
    const statuses = await Promise.all(tokens.map((token) => Promise.all([statusOf(primary.url, token), statusOf(replica.url, token)])));
    expect(statuses.map((pair) => [...pair].sort())).toEqual(tokens.map(() => [200, 401]));
  });

  it("keeps a token id until no replica could accept the token again, then prunes it", async () => {
    const issuedAt = now();
    const jti = crypto.randomUUID();
    const token = await craftServiceToken(primary.trust.keys.get("gateway")!, { issuer: "gateway", audience: "hst", caller: as.nodeCoordinator("hst"), issuedAt, expiresAt: issuedAt + 60, jti });
    expect(await statusOf(primary.url, token)).toBe(200);
    const [kept] = await primary.sql<{ expires_at: Date }>(`SELECT expires_at FROM gateway_token_uses WHERE jti = $1`, [jti]);
    expect(kept!.expires_at).toEqual(new Date((issuedAt + 60 + 2 * 30) * 1000)); // expiry + the tolerance of either side
    await primary.sql(`INSERT INTO gateway_token_uses (jti, expires_at) VALUES ('expired-1', now() - interval '1 second'), ('expired-2', now() - interval '1 hour')`);
    await primary.node.tokenUses.prune(); // the prune timer may have been first: the rows left are what counts
    expect(await primary.sql(`SELECT jti FROM gateway_token_uses WHERE jti LIKE 'expired-%'`)).toEqual([]);
    expect(await primary.sql(`SELECT jti FROM gateway_token_uses WHERE jti = $1`, [jti])).toEqual([{ jti }]);
    await expectReplayRefused(replica.url, token);
  });

  it("answers 503, not 401 and not an answer, when the node cannot record the token", async () => {
    await primary.sql(`ALTER TABLE gateway_token_uses RENAME TO gateway_token_uses_away`);
    try {
      const response = await query(primary.url, await primary.token());
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ errors: [{ message: "Cannot check the gateway token now: try again", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    } finally {
      await primary.sql(`ALTER TABLE gateway_token_uses_away RENAME TO gateway_token_uses`);
    }
  });
});

describe("a node's own trust configuration", () => {
  it("refuses to start when the registry publishes no gateway key", async () => {
    const trust = await testTrust();
    const registryFile = join(dirname(trust.registryFile), "without-gateway-key.json");
    writeFileSync(registryFile, JSON.stringify({ ...trust.registry, gateway: { id: "gateway", jwks: { keys: [] } } }));
    await expect(startTestNode("hst", { trust: { ...trust, registryFile } })).rejects.toThrow(/publishes no key of the gateway "gateway".*refuses to start/);
  });

  it("refuses to start when its signing key is not the one the registry publishes for it", async () => {
    const trust = await testTrust();
    const keyFiles = new Map(trust.keyFiles).set("hst", trust.keyFiles.get("zcu")!);
    await expect(startTestNode("hst", { trust: { ...trust, keyFiles } })).rejects.toThrow(/signing key zcu-test-1 .* is not published for node hst/);
  });
});
