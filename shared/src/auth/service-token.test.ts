import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { generateSigningKeyPair, signingKeyFromJwk, type SigningKey } from "./keys.js";
import { ServiceTokenSigner, ServiceTokenVerifier } from "./service-token.js";
import { isAppError } from "../errors.js";
import { Role, type UserCaller } from "./caller.js";
import { MemoryTokenUseStoreForTests } from "../testkit/token-uses.js";

async function keyPair(kid: string) {
  const pair = await generateSigningKeyPair(kid);
  return { key: await signingKeyFromJwk(pair.privateJwk), jwks: { keys: [pair.publicJwk as never] } };
}

const user: UserCaller = { kind: "user", sub: "hst:participant:a", homeNode: "hst", roles: [Role.MENTEE], requestId: "req-7", via: "gateway" };
const settings = { clockToleranceSeconds: 5, replayWindowSeconds: 60 };

async function setup() {
  const gateway = await keyPair("gateway-1");
  const signer = new ServiceTokenSigner(gateway.key, "gateway", { ttlSeconds: 30 });
  const verifier = new ServiceTokenVerifier(gateway.jwks, "gateway", "hst", settings, new MemoryTokenUseStoreForTests());
  return { gateway, signer, verifier };
}

function forge(key: SigningKey, claims: Record<string, unknown>, iat: number, exp: number, audience = "hst", jti: string = crypto.randomUUID()) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setIssuer("gateway")
    .setAudience(audience)
    .setSubject("hst:participant:a")
    .setJti(jti)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key.key);
}

describe("gateway tokens", () => {
  it("carry the verified user to the party they are addressed to", async () => {
    const { signer, verifier } = await setup();
    expect(await verifier.verify(await signer.sign("hst", user))).toEqual(user);
  });

  it("carry the gateway's own identity for system calls", async () => {
    const { signer, verifier } = await setup();
    expect(await verifier.verify(await signer.sign("hst", { kind: "system", via: "gateway" }))).toEqual({ kind: "system", via: "gateway" });
  });

  it("are refused without a token, for another party, replayed, or signed by a key the registry does not publish", async () => {
    const { signer, verifier } = await setup();
    await expect(verifier.verify(undefined)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    await expect(verifier.verify(await signer.sign("zcu", user))).rejects.toThrow(/aud/);
    const once = await signer.sign("hst", user);
    await verifier.verify(once);
    await expect(verifier.verify(once)).rejects.toThrow(/replay/);
    const rogue = await keyPair("gateway-1");
    await expect(verifier.verify(await new ServiceTokenSigner(rogue.key, "gateway").sign("hst", user))).rejects.toThrow(/signature/);
  });

  it("tolerate the configured clock skew and no more", async () => {
    const { gateway, verifier } = await setup();
    const now = Math.floor(Date.now() / 1000);
    const claims = { kind: "user", roles: ["mentee"], home: "hst" };
    await expect(verifier.verify(await forge(gateway.key, claims, now - 30, now - 3))).resolves.toMatchObject({ sub: "hst:participant:a" });
    await expect(verifier.verify(await forge(gateway.key, claims, now - 30, now - 10))).rejects.toThrow(/expired/);
    await expect(verifier.verify(await forge(gateway.key, claims, now + 3, now + 30))).resolves.toMatchObject({ kind: "user" });
    await expect(verifier.verify(await forge(gateway.key, claims, now + 60, now + 90))).rejects.toThrow(/iat/);
  });

  it("are refused when older than the replay window even if not expired", async () => {
    const { gateway, verifier } = await setup();
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await forge(gateway.key, { kind: "user", roles: ["mentee"], home: "hst" }, now - 120, now + 600))).rejects.toThrow(/issued too long ago/);
  });

  it("are refused with a malformed identity", async () => {
    const { gateway, verifier } = await setup();
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await forge(gateway.key, { kind: "user", roles: ["emperor"], home: "hst" }, now, now + 30))).rejects.toThrow(/malformed identity/);
  });

  it("are remembered until no replica could accept them again: the last valid moment plus the tolerance of either side", async () => {
    const gateway = await keyPair("gateway-1");
    const kept: [string, Date][] = [];
    const verifier = new ServiceTokenVerifier(gateway.jwks, "gateway", "hst", settings, {
      claim: async (jti, until) => {
        kept.push([jti, until]);
        return true;
      },
    });
    const now = Math.floor(Date.now() / 1000);
    const claims = { kind: "user", roles: ["mentee"], home: "hst" };
    await verifier.verify(await forge(gateway.key, claims, now, now + 30, "hst", "short-lived"));
    await verifier.verify(await forge(gateway.key, claims, now, now + 600, "hst", "long-lived"));
    expect(kept).toEqual([
      ["short-lived", new Date((now + 30 + 10) * 1000)],
      ["long-lived", new Date((now + 60 + 10) * 1000)],
    ]);
  });

  it("refuse a token id longer than a party records, and pass on a failing store as a fault, not as UNAUTHENTICATED", async () => {
    const { gateway, verifier } = await setup();
    const now = Math.floor(Date.now() / 1000);
    const claims = { kind: "user", roles: ["mentee"], home: "hst" };
    await expect(verifier.verify(await forge(gateway.key, claims, now, now + 30, "hst", "x".repeat(129)))).rejects.toThrow(/"jti" longer than 128/);
    const broken = new ServiceTokenVerifier(gateway.jwks, "gateway", "hst", settings, { claim: () => Promise.reject(new Error("database unavailable")) });
    const failure = await broken.verify(await forge(gateway.key, claims, now, now + 30)).catch((error: unknown) => error);
    expect(failure).toEqual(new Error("database unavailable"));
    expect(isAppError(failure)).toBe(false);
  });

  it("cannot be verified by a party when the registry publishes no gateway key", () => {
    expect(() => new ServiceTokenVerifier({ keys: [] }, "gateway", "hst", settings, new MemoryTokenUseStoreForTests())).toThrow(/publishes no key of the gateway/);
  });
});
