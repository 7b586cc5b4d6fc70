/**
 * Signing keys: each party signs with its own private key; everyone verifies
 * with the public keys published in the consortium registry.
 */
import { readFileSync } from "node:fs";
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type JWTVerifyGetKey } from "jose";
import type { Jwks } from "../registry.js";

export const SIGNING_ALGORITHM = "EdDSA";

export interface SigningKey {
  kid: string;
  key: CryptoKey | Uint8Array;
  alg: string;
}

export interface GeneratedKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKeyPair(kid: string): Promise<GeneratedKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: "Ed25519", extractable: true });
  const meta = { kid, alg: SIGNING_ALGORITHM, use: "sig" };
  return { privateJwk: { ...(await exportJWK(privateKey)), ...meta }, publicJwk: { ...(await exportJWK(publicKey)), ...meta } };
}

export async function signingKeyFromJwk(jwk: JWK): Promise<SigningKey> {
  if (!jwk.kid) throw new Error("signing key has no kid");
  if (!jwk.d) throw new Error(`signing key ${jwk.kid} has no private part`);
  const alg = jwk.alg ?? SIGNING_ALGORITHM;
  return { kid: jwk.kid, alg, key: await importJWK(jwk, alg) };
}

/** Reads a private JWK from a file (SIGNING_KEY_FILE). */
export async function loadSigningKey(file: string): Promise<SigningKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(file, "utf8")) as JWK;
  } catch (error) {
    throw new Error(`Cannot read the signing key ${file}: ${(error as Error).message}`);
  }
  return signingKeyFromJwk(jwk);
}

/** A key resolver for jose over a party's published keys. */
export function keyResolver(jwks: Jwks): JWTVerifyGetKey {
  return createLocalJWKSet({ keys: jwks.keys as JWK[] });
}
