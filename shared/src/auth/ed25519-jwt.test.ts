import { describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import { exportJWK, jwtVerify, SignJWT, type JWK, type JWTVerifyOptions } from "jose";
import { Ed25519Keys, verifyJwt } from "./ed25519-jwt.js";
import { generateSigningKeyPair, keyResolver, signingKeyFromJwk } from "./keys.js";

const options: JWTVerifyOptions = { issuer: "gateway", audience: "hst", clockTolerance: 5, maxTokenAge: "60s", requiredClaims: ["jti", "iat", "exp", "sub"] };
const now = () => Math.floor(Date.now() / 1000);

async function published(kid = "gateway-1") {
  const pair = await generateSigningKeyPair(kid);
  const key = await signingKeyFromJwk(pair.privateJwk);
  const jwks = { keys: [pair.publicJwk] as never[] };
  const token = (claims: { aud?: string; iat?: number; exp?: number; iss?: string } = {}, header: Record<string, unknown> = {}) =>
    new SignJWT({ kind: "system", jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, ...header })
      .setIssuer(claims.iss ?? "gateway")
      .setAudience(claims.aud ?? "hst")
      .setSubject("gateway")
      .setIssuedAt(claims.iat ?? now())
      .setExpirationTime(claims.exp ?? now() + 30)
      .sign(key.key);
  return { jwks, token, keys: new Ed25519Keys(jwks) };
}

/** What jose alone answers: the claims, or the error's class and message. */
async function outcome(verifying: () => Promise<unknown>): Promise<unknown> {
  return verifying().then(
    (payload) => ({ payload }),
    (error: Error) => ({ error: error.constructor.name, message: error.message }),
  );
}

describe("Ed25519 JWTs verified without WebCrypto", () => {
  it("verifies a token of a published Ed25519 key synchronously, with its claims", async () => {
    const { token, keys } = await published();
    const payload = keys.verify(await token(), options);
    expect(payload).toMatchObject({ iss: "gateway", aud: "hst", sub: "gateway", kind: "system" });
  });

  it("refuses a token whose signature does not verify, and one whose claims jose would refuse, with jose's errors", async () => {
    const { token, keys } = await published();
    const [header, , signature] = (await token()).split(".");
    const forged = `${header}.${Buffer.from(JSON.stringify({ iss: "gateway", aud: "hst", sub: "x", jti: "j", iat: now(), exp: now() + 30 })).toString("base64url")}.${signature}`;
    expect(() => keys.verify(forged, options)).toThrow(/signature verification failed/);
    const otherPayload = (await token()).split(".")[1];
    expect(() => keys.verify(`${header}.${otherPayload}.${signature}`, options)).toThrow(/signature verification failed/);
    const elsewhere = await token({ aud: "zcu" });
    expect(() => keys.verify(elsewhere, options)).toThrow(/"aud" claim/);
  });

  it("agrees with jose on every outcome: valid, another audience or issuer, expired, issued in the future or too long ago, forged", async () => {
    const { jwks, token, keys } = await published();
    const other = await published();
    const tokens = [
      await token(),
      await token({ aud: "zcu" }),
      await token({ iss: "rogue" }),
      await token({ iat: now() - 40, exp: now() - 20 }),
      await token({ iat: now() + 60, exp: now() + 90 }),
      await token({ iat: now() - 120, exp: now() + 600 }),
      (await other.token()).replace(/^[^.]+/, (await token()).split(".")[0]!),
    ];
    const getKey = keyResolver(jwks);
    for (const candidate of tokens) {
      expect(await outcome(() => verifyJwt(candidate, keys, getKey, options))).toEqual(await outcome(async () => (await jwtVerify(candidate, getKey, options)).payload));
    }
  });

  it("leaves to jose what it does not know: another algorithm, an unknown kid, unusual headers, a key published for another name of the algorithm", async () => {
    const { token, keys } = await published();
    expect(keys.verify(await token({}, { kid: "gateway-2" }), options)).toBeUndefined();
    expect(keys.verify(await token({}, { jku: "https://keys.example/jwks.json" }), options)).toBeUndefined();
    expect(keys.verify("not.a.jwt", options)).toBeUndefined();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const rsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: "oidc-1", alg: "RS256" } as JWK;
    const rsaToken = await new SignJWT({}).setProtectedHeader({ alg: "RS256", kid: "oidc-1" }).setIssuer("gateway").setAudience("hst").setIssuedAt().setExpirationTime("30s").sign(rsa.privateKey);
    expect(new Ed25519Keys({ keys: [rsaJwk] as never[] }).verify(rsaToken, options)).toBeUndefined();
    const named = await published("named");
    const renamed = new Ed25519Keys({ keys: named.jwks.keys.map((jwk: JWK) => ({ ...jwk, alg: "Ed25519" })) as never[] });
    expect(renamed.verify(await named.token(), options)).toBeUndefined();
  });
});
