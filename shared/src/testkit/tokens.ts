/**
 * Gateway-style and user tokens with every claim under a test's control, to
 * show that a party (or the gateway) refuses what a real gateway (or a
 * university) should never send: expired, future-dated or not-yet-valid
 * tokens, tokens for another audience, from another issuer, or signed with
 * a key that is not the issuer's.
 */
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { Caller } from "../auth/caller.js";
import type { SigningKey } from "../auth/keys.js";

export interface CraftedServiceToken {
  issuer: string;
  audience: string;
  caller: Caller;
  /** Epoch seconds (default: now). */
  issuedAt?: number;
  /** Epoch seconds (default: issuedAt + 60). */
  expiresAt?: number;
  /** Token id (default: a fresh one); reuse one to replay. */
  jti?: string;
}

export function craftServiceToken(key: SigningKey, token: CraftedServiceToken): Promise<string> {
  const issuedAt = token.issuedAt ?? Math.floor(Date.now() / 1000);
  const { caller } = token;
  const claims = caller.kind === "user" ? { kind: "user", roles: caller.roles, home: caller.homeNode, rid: caller.requestId, sub: caller.sub } : { kind: "system", sub: token.issuer };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(token.issuer)
    .setAudience(token.audience)
    .setJti(token.jti ?? randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(token.expiresAt ?? issuedAt + 60)
    .sign(key.key);
}

export interface CraftedUserToken {
  issuer: string;
  audience: string;
  sub: string;
  roles: string[];
  /** Epoch seconds (default: now). */
  issuedAt?: number;
  /** Epoch seconds (default: issuedAt + 3600). */
  expiresAt?: number;
  /** Epoch seconds; no `nbf` claim unless given. */
  notBefore?: number;
}

/** A user token as a university's identity provider might sign it, with every time claim under the test's control. */
export function craftUserToken(key: SigningKey, token: CraftedUserToken): Promise<string> {
  const issuedAt = token.issuedAt ?? Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ roles: token.roles })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(token.issuer)
    .setAudience(token.audience)
    .setSubject(token.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(token.expiresAt ?? issuedAt + 3600);
  if (token.notBefore !== undefined) jwt.setNotBefore(token.notBefore);
  return jwt.sign(key.key);
}
