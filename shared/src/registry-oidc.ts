/**
 * Sign-in through a party's own OpenID Connect provider (README: Signing in):
 * the registry publishes, per node and for the coordination office, the
 * provider's issuer, its public keys and which claims carry the person's
 * Tandem id and roles. Keys are published, not fetched (no jwks_uri): the
 * gateway never calls a university at request time, and a key rotates by
 * publishing the new key beside the old one, then dropping the old one.
 */
import { z } from "zod";

/** Claims a university's provider puts in its access tokens unless the registry names others. */
export const DEFAULT_OIDC_CLAIMS = { person: "tandem_id", roles: "tandem_roles" } as const;
/** The console's client id and the scope it asks for, unless the registry names others for a provider. */
export const DEFAULT_OIDC_CLIENT = { clientId: "tandem-console", scope: "openid profile tandem" } as const;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function oidcIssuerSchema<K extends z.ZodType>(jwks: K) {
  return z.object({
    /** The provider's issuer (`iss` of its tokens, and where its discovery document lives). */
    issuer: z.string().refine(isAcceptableIssuer, "an issuer is an https URL without query or fragment (http only on localhost, for the demo)"),
    /** The provider's public signing keys; at least one. */
    jwks,
    /** Which access-token claims carry the person's Tandem id and their Tandem roles. */
    claims: z.object({ person: z.string().min(1).default(DEFAULT_OIDC_CLAIMS.person), roles: z.string().min(1).default(DEFAULT_OIDC_CLAIMS.roles) }).default({ ...DEFAULT_OIDC_CLAIMS }),
    /** The console as a public client there (authorization code + PKCE): its client id and the scope it asks for. */
    clientId: z.string().min(1).default(DEFAULT_OIDC_CLIENT.clientId),
    scope: z.string().min(1).default(DEFAULT_OIDC_CLIENT.scope),
  });
}

function isAcceptableIssuer(value: string): boolean {
  const url = URL.parse(value);
  if (!url || url.search || url.hash) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

export interface OidcIssuerOwner {
  path: (string | number)[];
  oidc?: { issuer: string; jwks: { keys: unknown[] } };
}

/** Problems of the registry's OpenID Connect issuers as a whole: each names one party and has keys. */
export function oidcIssuerProblems(owners: OidcIssuerOwner[]): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, string>();
  for (const { path, oidc } of owners) {
    if (!oidc) continue;
    if (oidc.jwks.keys.length === 0) problems.push({ path: [...path, "oidc", "jwks", "keys"], message: "an OpenID Connect provider publishes at least one key" });
    const issuer = oidc.issuer.replace(/\/$/, "");
    const other = seen.get(issuer);
    if (other !== undefined) problems.push({ path: [...path, "oidc", "issuer"], message: `issuer "${oidc.issuer}" is already that of ${other}` });
    seen.set(issuer, path.join("."));
  }
  return problems;
}
