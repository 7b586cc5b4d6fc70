/**
 * JWT verification without WebCrypto for the consortium's own keys. jose
 * verifies through WebCrypto, whose Ed25519 runs in libuv's thread pool
 * behind promises: about 250 µs of CPU per token against about 100 µs with
 * node:crypto's synchronous verify (measured), and every party verifies a
 * gateway token on every call, the gateway a user token on every request.
 * A token signed with EdDSA under the `kid` of exactly one published Ed25519
 * key is checked here; its claims then go through jose's own claim rules
 * (UnsecuredJWT.decode over the verified payload), so what is refused and
 * the errors saying why stay jose's. Any other token (another algorithm, no
 * or an unknown kid, unusual headers) is left to jose whole.
 */
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { errors as joseErrors, jwtVerify, UnsecuredJWT, type JWK, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from "jose";
import type { Jwks } from "../registry.js";

const UNSECURED_HEADER = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
const ED25519_SIGNATURE_BYTES = 64;
const EDDSA_NAMES = new Set(["EdDSA", "Ed25519"]);

export class Ed25519Keys {
  /** Each kid's key and the algorithm it is published for (if any); null: that kid is not exactly one plain Ed25519 key (jose decides). */
  private readonly byKid = new Map<string, { key: KeyObject; alg: string | undefined } | null>();

  constructor(jwks: Pick<Jwks, "keys">) {
    const keys = jwks.keys as JWK[];
    for (const jwk of keys) {
      if (typeof jwk.kid !== "string" || this.byKid.has(jwk.kid)) continue;
      const same = keys.filter((other) => other.kid === jwk.kid);
      this.byKid.set(jwk.kid, same.length === 1 && isPlainEd25519(jwk) ? importKey(jwk) : null);
    }
  }

  /** The verified claims; undefined when the token is not one of these keys' (verify it with jose). Throws jose's errors. */
  verify(token: string, options: JWTVerifyOptions): JWTPayload | undefined {
    const parts = token.split(".");
    if (parts.length !== 3) return undefined;
    const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
    const header = parseHeader(encodedHeader);
    if (!header || !EDDSA_NAMES.has(header.alg as string) || typeof header.kid !== "string" || Object.keys(header).some((name) => !PLAIN_HEADER.has(name))) return undefined;
    if (options.typ !== undefined || (options.algorithms && !options.algorithms.includes(header.alg as string))) return undefined;
    const published = this.byKid.get(header.kid);
    const signature = Buffer.from(encodedSignature, "base64url");
    // a key published for one algorithm name is not used under the other (as jose's key matching)
    if (!published || (published.alg !== undefined && published.alg !== header.alg) || signature.length !== ED25519_SIGNATURE_BYTES) return undefined;
    if (!verify(null, Buffer.from(`${encodedHeader}.${encodedPayload}`), published.key, signature)) throw new joseErrors.JWSSignatureVerificationFailed();
    return UnsecuredJWT.decode(`${UNSECURED_HEADER}.${encodedPayload}.`, options).payload;
  }
}

/** Verifies with the synchronous path where it applies, else with jose over the same published keys. */
export async function verifyJwt(token: string, keys: Ed25519Keys, getKey: JWTVerifyGetKey, options: JWTVerifyOptions): Promise<JWTPayload> {
  return keys.verify(token, options) ?? (await jwtVerify(token, getKey, options)).payload;
}

/** A key node:crypto cannot import is left to jose, which refuses tokens of it when they come. */
function importKey(jwk: JWK): { key: KeyObject; alg: string | undefined } | null {
  try {
    return { key: createPublicKey({ key: jwk as never, format: "jwk" }), alg: jwk.alg };
  } catch {
    return null;
  }
}

/** Header parameters the synchronous path knows; any other (crit, b64, jku, …) goes to jose. */
const PLAIN_HEADER = new Set(["alg", "kid", "typ"]);

function parseHeader(encoded: string): Record<string, unknown> | null {
  try {
    const header: unknown = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
    return header && typeof header === "object" && !Array.isArray(header) ? (header as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An Ed25519 public key for signatures, without restrictions jose would weigh (key_ops, ext). */
function isPlainEd25519(jwk: JWK): boolean {
  return (
    jwk.kty === "OKP" &&
    jwk.crv === "Ed25519" &&
    typeof jwk.x === "string" &&
    jwk.d === undefined &&
    (jwk.alg === undefined || EDDSA_NAMES.has(jwk.alg)) &&
    (jwk.use === undefined || jwk.use === "sig") &&
    jwk.key_ops === undefined &&
    jwk.ext === undefined
  );
}
