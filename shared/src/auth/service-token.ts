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
import { MAX_TOKEN_ID_LENGTH, type TokenUseStore } from "./token-uses.js";
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
    const claims = caller.kind === "user" ? { kind: "user", roles: caller.roles, home: caller.homeNode, rid: caller.requestId, sub: caller.sub } : { kind: "system", sub: this.issuer };
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
  /** Tokens older than this are refused; a token id is accepted once (kept in the party's database). */
  replayWindowSeconds: number;
}

export class ServiceTokenVerifier {
  private readonly getKey: ReturnType<typeof keyResolver>;

  constructor(
    gatewayJwks: Jwks,
    private readonly gatewayId: string,
    private readonly selfId: string,
    private readonly settings: ServiceTokenVerifierSettings,
    /** Where accepted token ids are kept: the party's database, shared by its replicas. */
    private readonly uses: TokenUseStore,
  ) {
    if (gatewayJwks.keys.length === 0) throw new Error(`The registry publishes no key of the gateway "${gatewayId}": ${selfId} could not verify any call`);
    this.getKey = keyResolver(gatewayJwks);
  }

  /** The caller a valid token carries; refuses anything else, a token used before included. A failing token store is thrown as is (not UNAUTHENTICATED). */
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
    const caller = this.callerOf(payload);
    await this.refuseReplay(payload as UsableClaims);
    return caller;
  }

  private callerOf(payload: JWTPayload): Caller {
    if (payload.kind === "system") return { kind: "system", via: this.gatewayId };
    const roles = payload.roles;
    if (payload.kind !== "user" || typeof payload.home !== "string" || !Array.isArray(roles) || !roles.every((role) => ROLES.includes(role as Role))) {
      throw unauthenticated("Invalid gateway token: malformed identity");
    }
    return { kind: "user", sub: payload.sub!, homeNode: payload.home, roles: roles as Role[], requestId: typeof payload.rid === "string" ? payload.rid : null, via: this.gatewayId };
  }

  /**
   * A token id is accepted once. It is kept until no replica could accept
   * the token any more: its last valid moment (expiry, or the end of the
   * replay window) plus the tolerance on either side, as replicas' clocks
   * may differ from each other by twice the tolerance.
   */
  private async refuseReplay({ jti, iat, exp }: UsableClaims): Promise<void> {
    if (jti.length > MAX_TOKEN_ID_LENGTH) throw unauthenticated(`Invalid gateway token: claim "jti" longer than ${MAX_TOKEN_ID_LENGTH} characters`);
    const { replayWindowSeconds, clockToleranceSeconds } = this.settings;
    const keepUntil = new Date((Math.min(exp, iat + replayWindowSeconds) + 2 * clockToleranceSeconds) * 1000);
    if (!(await this.uses.claim(jti, keepUntil))) throw unauthenticated("Invalid gateway token: already used (replay)");
  }
}

type UsableClaims = Required<Pick<JWTPayload, "jti" | "iat" | "exp">>;
