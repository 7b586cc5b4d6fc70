/**
 * Trust between the gateway and the parties it calls: every call carries a
 * short-lived token signed by the gateway, addressed to exactly one party,
 * with the verified identity of the user it acts for. Parties refuse any
 * call without one, including `_entities` and `_service`.
 */
import { randomUUID } from "node:crypto";
import { SignJWT, jwtVerify, type JWTPayload } from "jose";
import type { Jwks } from "../registry.js";
import { ROLES, type Caller, type Role } from "./caller.js";
import { keyResolver, type SigningKey } from "./keys.js";
import { describeJoseError, unauthenticated } from "./user-token.js";

export interface ServiceTokenSettings {
  /** Lifetime of each token the gateway mints. */
  ttlSeconds: number;
}

export class ServiceTokenSigner {
  constructor(
    private readonly key: SigningKey,
    private readonly issuer: string,
    private readonly settings: ServiceTokenSettings = { ttlSeconds: 60 },
  ) {}

  /** A token for one call to `audience` on behalf of `caller`. */
  sign(audience: string, caller: Caller): Promise<string> {
    const claims =
      caller.kind === "user"
        ? { kind: "user", roles: caller.roles, home: caller.homeNode, rid: caller.requestId, sub: caller.sub }
        : { kind: "system", sub: this.issuer };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: this.key.alg, kid: this.key.kid, typ: "JWT" })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.settings.ttlSeconds}s`)
      .sign(this.key.key);
  }
}

export interface ServiceTokenVerifierSettings {
  /** Tolerated clock difference between gateway and party. */
  clockToleranceSeconds: number;
  /** Tokens older than this are refused, and a token id seen within it is refused as a replay. */
  replayWindowSeconds: number;
}

export class ServiceTokenVerifier {
  private readonly getKey: ReturnType<typeof keyResolver>;
  private readonly seen = new Map<string, number>();
  private lastPrune = 0;

  constructor(
    gatewayJwks: Jwks,
    private readonly gatewayId: string,
    private readonly selfId: string,
    private readonly settings: ServiceTokenVerifierSettings,
  ) {
    if (gatewayJwks.keys.length === 0) throw new Error(`The registry publishes no key of the gateway "${gatewayId}": ${selfId} could not verify any call`);
    this.getKey = keyResolver(gatewayJwks);
  }

  async verify(token: string | undefined): Promise<Caller> {
    if (!token) throw unauthenticated(`Calls to ${this.selfId} need a token signed by the gateway`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        issuer: this.gatewayId,
        audience: this.selfId,
        clockTolerance: this.settings.clockToleranceSeconds,
        maxTokenAge: `${this.settings.replayWindowSeconds}s`,
        requiredClaims: ["jti", "iat", "exp", "sub"],
      }));
    } catch (error) {
      throw unauthenticated(`Invalid gateway token for ${this.selfId}: ${describeJoseError(error)}`);
    }
    this.rememberOrRefuse(payload.jti!);
    if (payload.kind === "system") return { kind: "system", via: this.gatewayId };
    const roles = payload.roles;
    if (payload.kind !== "user" || typeof payload.home !== "string" || !Array.isArray(roles) || !roles.every((role) => ROLES.includes(role as Role))) {
      throw unauthenticated("Invalid gateway token: malformed identity");
    }
    return { kind: "user", sub: payload.sub!, homeNode: payload.home, roles: roles as Role[], requestId: typeof payload.rid === "string" ? payload.rid : null, via: this.gatewayId };
  }

  /** A token id is accepted once within the replay window. */
  private rememberOrRefuse(jti: string): void {
    const now = Date.now();
    if (now - this.lastPrune > 10_000) {
      for (const [id, expires] of this.seen) if (expires < now) this.seen.delete(id);
      this.lastPrune = now;
    }
    const expires = this.seen.get(jti);
    if (expires !== undefined && expires >= now) throw unauthenticated("Invalid gateway token: already used (replay)");
    this.seen.set(jti, now + (this.settings.replayWindowSeconds + this.settings.clockToleranceSeconds) * 1000);
  }
}
