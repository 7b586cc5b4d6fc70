/**
 * Gateway-style tokens with every claim under a test's control, to show
 * that a party refuses what a real gateway would never send: expired or
 * future-dated tokens, tokens for another audience, from another issuer,
 * or signed with a key that is not the gateway's.
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
  const claims =
    caller.kind === "user"
      ? { kind: "user", roles: caller.roles, home: caller.homeNode, rid: caller.requestId, sub: caller.sub }
      : { kind: "system", sub: token.issuer };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(token.issuer)
    .setAudience(token.audience)
    .setJti(token.jti ?? randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(token.expiresAt ?? issuedAt + 60)
    .sign(key.key);
}
