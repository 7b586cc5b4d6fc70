/**
 * The demo's sign-in (README: Signing in): every node and the coordination
 * office serve an OpenID Connect provider at /oidc, published in the
 * effective registry with the party's own key, for the console served by the
 * gateway. Only the launcher turns it on; a party in production does not have it.
 */
import { DEFAULT_OIDC_CLAIMS, DEFAULT_OIDC_CLIENT, type OidcIssuer, type PublicJwk } from "@tandem/shared";

/** Default access-token lifetime of the demo providers; `TANDEM_ACCESS_TOKEN_TTL_SECONDS` changes it. */
export const DEMO_ACCESS_TOKEN_TTL_SECONDS = 300;

const HOST = "127.0.0.1";

export function demoIssuerOf(partyPort: number): string {
  return `http://${HOST}:${partyPort}/oidc`;
}

/** The console's addresses at the gateway, by IP and by name. */
export function consoleUrls(gatewayPort: number): { callbacks: string[]; afterSignOut: string[] } {
  const origins = [`http://${HOST}:${gatewayPort}`, `http://localhost:${gatewayPort}`];
  return { callbacks: origins.map((origin) => `${origin}/auth/callback`), afterSignOut: origins.map((origin) => `${origin}/`) };
}

export function demoSignInEnv(partyPort: number, gatewayPort: number, usersFile: string, accessTokenTtlSeconds: number): Record<string, string> {
  const urls = consoleUrls(gatewayPort);
  return {
    DEMO_SIGN_IN: "on",
    DEMO_SIGN_IN_ISSUER: demoIssuerOf(partyPort),
    DEMO_SIGN_IN_USERS_FILE: usersFile,
    DEMO_SIGN_IN_REDIRECT_URIS: urls.callbacks.join(","),
    DEMO_SIGN_IN_POST_LOGOUT_URIS: urls.afterSignOut.join(","),
    DEMO_ACCESS_TOKEN_TTL_SECONDS: String(accessTokenTtlSeconds),
  };
}

/** The registry entry of a party's demo provider: its issuer and the party's own public key. */
export function demoOidcOf(partyPort: number, publicJwk: PublicJwk | undefined): { oidc?: OidcIssuer } {
  return publicJwk ? { oidc: { issuer: demoIssuerOf(partyPort), jwks: { keys: [publicJwk] }, claims: { ...DEFAULT_OIDC_CLAIMS }, ...DEFAULT_OIDC_CLIENT } } : {};
}

export function accessTokenTtlFrom(env: NodeJS.ProcessEnv): number {
  const text = env.TANDEM_ACCESS_TOKEN_TTL_SECONDS;
  if (text === undefined || text === "") return DEMO_ACCESS_TOKEN_TTL_SECONDS;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 3600) throw new Error("TANDEM_ACCESS_TOKEN_TTL_SECONDS must be a whole number of seconds from 5 to 3600");
  return seconds;
}
