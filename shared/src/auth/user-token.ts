/**
 * User tokens: issued by a person's home university (or the coordination
 * office for joint coordinators), verified by the gateway. A party may only
 * speak for its own people: the subject's id must name the issuer.
 */
import { SignJWT, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";
import { AppError, ErrorCode } from "../errors.js";
import { tryParseGlobalId } from "../ids.js";
import type { ConsortiumRegistry } from "../registry.js";
import { PARTICIPANT_ROLES, ROLES, Role } from "./caller.js";
import { keyResolver, type SigningKey } from "./keys.js";

/** Longest accepted lifetime of a user token, from its issue (exp − iat) and from now (exp − now). */
export const MAX_USER_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export interface UserIdentity {
  sub: string;
  homeNode: string;
  roles: Role[];
}

export interface IssueUserTokenOptions {
  issuer: string;
  audience: string;
  sub: string;
  roles: Role[];
  ttlSeconds?: number;
  /** Display name for tools; never used for decisions. */
  name?: string;
}

export async function issueUserToken(key: SigningKey, options: IssueUserTokenOptions): Promise<string> {
  return new SignJWT({ roles: options.roles, ...(options.name ? { name: options.name } : {}) })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.sub)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 3600}s`)
    .sign(key.key);
}

export function unauthenticated(reason: string): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, reason);
}

/** Who issues tokens under one `iss`: a party's own signer (today's tokens) or its OpenID Connect provider. */
interface TrustedIssuer {
  partyId: string;
  kind: "node" | "coordination";
  getKey: ReturnType<typeof keyResolver>;
  /** Claims carrying the person's id and roles. */
  claims: { person: string; roles: string };
}

const NATIVE_CLAIMS = { person: "sub", roles: "roles" } as const;

/** A token the verifier has accepted: its times, checked again at every use, and what it said. */
interface Verified {
  times: TimeClaims & Pick<JWTPayload, "nbf">;
  result: { identity: UserIdentity; expiresAt: Date };
}

/** How many accepted tokens the gateway remembers (a few MB at most; the least recently used go first). */
const VERIFIED_TOKENS = 5_000;

export class UserTokenVerifier {
  private readonly issuers = new Map<string, TrustedIssuer>();
  /**
   * Tokens accepted before, by their exact text: a client sends the same
   * token with every request until it renews it, and checking its Ed25519
   * signature again cost the gateway about a tenth of its CPU on a
   * one-node request. The signature and identity of a given text cannot
   * change (issuers' keys come from the registry at start); the times are
   * checked again at every use, and a token that no longer passes them is
   * verified afresh, so it is refused with the same reason as ever.
   */
  private readonly verified = new LRUCache<string, Verified>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly registry: ConsortiumRegistry,
    private readonly clockToleranceSeconds = 30,
  ) {
    const parties = [...registry.nodes.map((node) => ({ ...node, kind: "node" as const })), { ...registry.coordination, kind: "coordination" as const }];
    for (const party of parties) {
      this.issuers.set(party.id, { partyId: party.id, kind: party.kind, getKey: keyResolver(party.jwks), claims: NATIVE_CLAIMS });
      if (party.oidc) this.issuers.set(party.oidc.issuer, { partyId: party.id, kind: party.kind, getKey: keyResolver(party.oidc.jwks), claims: party.oidc.claims });
    }
  }

  async verify(token: string): Promise<UserIdentity> {
    return (await this.verifyWithExpiry(token)).identity;
  }

  /** The identity, and when the token stops being valid (a live connection closes then). */
  async verifyWithExpiry(token: string): Promise<{ identity: UserIdentity; expiresAt: Date }> {
    const known = this.verified.get(token);
    if (known && timesHold(known.times, Math.floor(Date.now() / 1000), this.clockToleranceSeconds)) return known.result;
    const result = await this.verifyAfresh(token);
    this.verified.set(token, result);
    return result.result;
  }

  private async verifyAfresh(token: string): Promise<Verified> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated("The bearer token is not a JWT");
    }
    const party = issuer ? this.issuers.get(issuer) : undefined;
    if (!issuer || !party) throw unauthenticated(`Tokens issued by "${issuer ?? "nobody"}" are not accepted: the issuer must be a registered node or its registered OpenID Connect provider`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, party.getKey, {
        issuer,
        audience: this.registry.consortium.id,
        clockTolerance: this.clockToleranceSeconds,
        requiredClaims: ["sub", "exp", "iat"],
      }));
    } catch (error) {
      throw unauthenticated(`Invalid token: ${describeJoseError(error)}`);
    }
    const problem = timeProblem(payload as TimeClaims, Math.floor(Date.now() / 1000), this.clockToleranceSeconds);
    if (problem) throw unauthenticated(`Invalid token: ${problem}`);
    const { iat, exp, nbf } = payload as TimeClaims & Pick<JWTPayload, "nbf">;
    return { times: { iat, exp, ...(nbf === undefined ? {} : { nbf }) }, result: { identity: checkIdentity(payload, party), expiresAt: new Date(exp * 1000) } };
  }
}

type TimeClaims = Required<Pick<JWTPayload, "iat" | "exp">>;

/** Whether an accepted token's times still hold now: jose's rules for exp and nbf (with the tolerance), then ours. */
function timesHold(times: Verified["times"], now: number, tolerance: number): boolean {
  if (times.exp <= now - tolerance) return false;
  if (times.nbf !== undefined && times.nbf > now + tolerance) return false;
  return timeProblem(times, now, tolerance) === null;
}

/**
 * What jose leaves to us (it checks exp and nbf, with the tolerance): a token
 * may not be issued in the future beyond the tolerance, nor live longer than
 * 24 h, counted from its issue or from now. The last bound has no tolerance:
 * it caps how long a token seen now stays usable.
 */
function timeProblem({ iat, exp }: TimeClaims, now: number, tolerance: number): string | null {
  if (iat > now + tolerance) return `issued in the future (claim "iat" is ${iat - now} s ahead of the gateway's clock; ${tolerance} s tolerated)`;
  if (exp - iat > MAX_USER_TOKEN_LIFETIME_SECONDS) return "lifetime longer than 24 h (exp − iat)";
  if (exp - now > MAX_USER_TOKEN_LIFETIME_SECONDS) return "lifetime longer than 24 h from now (exp − now)";
  return null;
}

function checkIdentity(payload: JWTPayload, { partyId: issuer, kind, claims }: TrustedIssuer): UserIdentity {
  const sub = payload[claims.person];
  if (typeof sub !== "string") throw unauthenticated(`Invalid token: claim "${claims.person}" (the person's Tandem id) is missing`);
  const subject = tryParseGlobalId(sub);
  if (!subject || subject.node !== issuer) throw unauthenticated(`Invalid token: subject "${sub}" is not a person of ${issuer}`);
  const roles = payload[claims.roles];
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((role) => ROLES.includes(role as Role))) {
    throw unauthenticated(`Invalid token: ${claims.roles === "roles" ? "roles" : `claim "${claims.roles}" (roles)`} must be a non-empty list of ${ROLES.join(", ")}`);
  }
  for (const role of roles as Role[]) {
    const ok = PARTICIPANT_ROLES.includes(role)
      ? kind === "node" && subject.kind === "participant"
      : role === Role.NODE_COORDINATOR
        ? kind === "node" && subject.kind === "staff"
        : kind === "coordination" && subject.kind === "staff";
    if (!ok) throw unauthenticated(`Invalid token: ${issuer} cannot grant the role ${role} to ${sub}`);
  }
  return { sub, homeNode: issuer, roles: roles as Role[] };
}

export function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return error.claim === "iat" ? "issued too long ago (older than the replay window)" : "expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.reason === "check_failed") {
    if (error.claim === "nbf") return 'not valid yet (claim "nbf" is in the future)';
    if (error.claim === "iat") return 'issued in the future (claim "iat")';
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" ${error.reason === "check_failed" ? "does not match" : error.reason}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "signature does not verify";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "signed with a key that is not published";
  if (error instanceof joseErrors.JOSEError) return error.message;
  return "malformed";
}
