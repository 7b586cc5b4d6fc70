/**
 * Trust between the gateway and the parties it calls: every call carries a
 * short-lived token signed by the gateway, addressed to exactly one party,
 * with the verified identity of the user it acts for. Parties refuse any
 * call without one, including `_entities` and `_service`.
 */
import { KeyObject, randomUUID } from "node:crypto";
import { createSigner, type Algorithm } from "fast-jwt";
import { jwtVerify, type JWTPayload } from "jose";
import type { Jwks } from "../registry.js";
import { ROLES, type Caller, type Role } from "./caller.js";
import { keyResolver, type SigningKey } from "./keys.js";
import { MAX_TOKEN_ID_LENGTH, type TokenUseStore } from "./token-uses.js";
import { describeJoseError, unauthenticated } from "./user-token.js";

export interface ServiceTokenSettings {
  /** Lifetime of each token the gateway mints. */
  ttlSeconds: number;
}

/**
 * Signs the per-call tokens with fast-jwt's synchronous signer: the gateway
 * signs one for every call to every party, and jose's signing goes through
 * WebCrypto's thread pool, which cost the gateway about 0.1 ms more CPU per
 * call (measured on a five-node fan-out, more on a crowded machine). The
 * tokens are the same standard JWTs; parties verify them with jose.
 */
export class ServiceTokenSigner {
  private readonly signWith: (payload: Record<string, unknown>) => string;

  constructor(
    key: SigningKey,
    private readonly issuer: string,
    settings: ServiceTokenSettings = { ttlSeconds: 60 },
  ) {
    if (key.key instanceof Uint8Array || key.key.type !== "private") throw new Error(`signing key ${key.kid} is not a private key`);
    const pem = KeyObject.from(key.key).export({ format: "pem", type: "pkcs8" }) as string;
    this.signWith = createSigner({ key: pem, algorithm: key.alg as Algorithm, kid: key.kid, iss: issuer, expiresIn: settings.ttlSeconds * 1000 });
  }

  /** A token for one call to `audience` on behalf of `caller`. */
  sign(audience: string, caller: Caller): Promise<string> {
    const claims = caller.kind === "user" ? { kind: "user", roles: caller.roles, home: caller.homeNode, rid: caller.requestId, sub: caller.sub } : { kind: "system", sub: this.issuer };
    return Promise.resolve(this.signWith({ ...claims, aud: audience, jti: randomUUID() }));
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
