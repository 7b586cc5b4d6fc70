/**
 * Hand-made gateway tokens for the trust tests: any issuer, audience, times
 * and signing key, signed with Ed25519 by node:crypto, so that each way a
 * token can be wrong is one argument away from a right one.
 */
import { createPrivateKey, randomUUID, sign, type JsonWebKey } from "node:crypto";
import { readFileSync } from "node:fs";
import type { TestTrust } from "@tandem/shared/testkit";

export interface TokenShape {
  /** Party whose private key signs (default: the gateway). */
  signer?: string;
  issuer?: string;
  audience?: string;
  /** Seconds relative to now. */
  issuedAt?: number;
  expiresIn?: number;
  jti?: string;
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function handMadeToken(trust: TestTrust, shape: TokenShape = {}): string {
  const signer = shape.signer ?? trust.registry.gateway.id;
  const jwk = JSON.parse(readFileSync(trust.keyFiles.get(signer)!, "utf8")) as JsonWebKey & { kid: string };
  const now = Math.floor(Date.now() / 1000);
  const iat = now + (shape.issuedAt ?? 0);
  const header = { alg: "EdDSA", kid: jwk.kid, typ: "JWT", ...shape.header };
  const payload = {
    iss: shape.issuer ?? trust.registry.gateway.id,
    aud: shape.audience ?? trust.registry.coordination.id,
    sub: "coord:staff:joint-coordinator",
    kind: "user",
    roles: ["joint-coordinator"],
    home: "coord",
    rid: null,
    jti: shape.jti ?? randomUUID(),
    iat,
    exp: iat + (shape.expiresIn ?? 60),
    ...shape.claims,
  };
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign(null, Buffer.from(signingInput), createPrivateKey({ key: jwk, format: "jwk" }));
  return `${signingInput}.${signature.toString("base64url")}`;
}

/** The same claims, unsigned (`alg: none`). */
export function unsignedToken(trust: TestTrust): string {
  const [, payload] = handMadeToken(trust).split(".");
  return `${base64url({ alg: "none", typ: "JWT" })}.${payload}.`;
}
