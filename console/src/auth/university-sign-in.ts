/**
 * Sign-in through the home university (README: Signing in): OpenID Connect
 * authorization code + PKCE as a public client, with oauth4webapi (loaded
 * only when someone signs in, refreshes or signs out). The providers come
 * from the gateway (GET /auth/providers, from the consortium registry).
 * Everything is kept per tab, in sessionStorage: the session itself under
 * `tandem.session` (session.ts), the provider and ID token beside it.
 */
import type { SessionRefresher, SessionTokens } from "./session.js";

export const CALLBACK_PATH = "/auth/callback";
const PENDING_KEY = "tandem.signIn.pending";
const PROVIDER_KEY = "tandem.signIn.provider";
const ENDED_KEY = "tandem.signIn.ended";
const TOKENS_KEY = "tandem.session";

export interface SignInProvider {
  party: string;
  kind: "node" | "coordination";
  name: string;
  issuer: string;
  clientId: string;
  scope: string;
  claims: { person: string; roles: string };
}

interface Pending {
  provider: SignInProvider;
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

const library = () => import("oauth4webapi");
const storage = (): Storage | null => (typeof sessionStorage === "undefined" ? null : sessionStorage);
const read = <T>(key: string): T | null => {
  try {
    return JSON.parse(storage()?.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
};
const write = (key: string, value: unknown) => storage()?.setItem(key, JSON.stringify(value));
const callbackUrl = () => `${window.location.origin}${CALLBACK_PATH}`;

export async function loadProviders(): Promise<SignInProvider[]> {
  const response = await fetch("/auth/providers", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { providers: SignInProvider[] }).providers;
}

const discovered = new Map<string, Promise<import("oauth4webapi").AuthorizationServer>>();

/** The provider's metadata; http is allowed only where the registry allows it (the demo on this machine). */
async function serverOf(provider: SignInProvider) {
  const oauth = await library();
  const issuer = new URL(provider.issuer);
  let server = discovered.get(provider.issuer);
  if (!server) {
    server = oauth.discoveryRequest(issuer, optionsFor(oauth, issuer)).then((response) => oauth.processDiscoveryResponse(issuer, response));
    discovered.set(provider.issuer, server);
    server.catch(() => discovered.delete(provider.issuer));
  }
  return { oauth, server: await server, options: optionsFor(oauth, issuer), client: { client_id: provider.clientId } };
}

/** How long any call to the provider may take: a renewal that hangs would hold every request of the console. */
const PROVIDER_TIMEOUT_MS = 10_000;

function optionsFor(oauth: typeof import("oauth4webapi"), issuer: URL) {
  const signal = () => AbortSignal.timeout(PROVIDER_TIMEOUT_MS);
  return issuer.protocol === "http:" ? { signal, [oauth.allowInsecureRequests]: true } : { signal };
}

/** Sends the browser to the provider's sign-in. */
export async function beginSignIn(provider: SignInProvider, returnTo = window.location.pathname): Promise<void> {
  const { oauth, server } = await serverOf(provider);
  const pending: Pending = {
    provider,
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    returnTo: returnTo === CALLBACK_PATH ? "/" : returnTo,
  };
  write(PENDING_KEY, pending);
  const url = new URL(server.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: callbackUrl(),
    response_type: "code",
    scope: provider.scope,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  }).toString();
  window.location.assign(url.href);
}

let completing: Promise<{ tokens: SessionTokens; returnTo: string }> | null = null;

/** On the callback: the code exchanged (with the PKCE verifier) for the session; once per page load. */
export function completeSignIn(): Promise<{ tokens: SessionTokens; returnTo: string }> {
  completing ??= exchangeCode();
  return completing;
}

async function exchangeCode(): Promise<{ tokens: SessionTokens; returnTo: string }> {
  const pending = read<Pending>(PENDING_KEY);
  storage()?.removeItem(PENDING_KEY);
  if (!pending) throw new Error("no sign-in was started in this tab");
  const { oauth, server, options, client } = await serverOf(pending.provider);
  const params = oauth.validateAuthResponse(server, client, new URL(window.location.href), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(server, client, oauth.None(), params, callbackUrl(), pending.verifier, options);
  const result = await oauth.processAuthorizationCodeResponse(server, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  const claims = oauth.getValidatedIdTokenClaims(result)!;
  write(PROVIDER_KEY, { provider: pending.provider, idToken: result.id_token });
  storage()?.removeItem(ENDED_KEY);
  return { tokens: sessionOf(result, claims, pending.provider), returnTo: pending.returnTo };
}

function sessionOf(result: { access_token: string; expires_in?: number; refresh_token?: string }, claims: Record<string, unknown>, provider: SignInProvider): SessionTokens {
  const sub = typeof claims[provider.claims.person] === "string" ? (claims[provider.claims.person] as string) : String(claims.sub);
  const roles = Array.isArray(claims[provider.claims.roles]) ? (claims[provider.claims.roles] as string[]) : [];
  return {
    accessToken: result.access_token,
    expiresAt: Date.now() + (result.expires_in ?? 300) * 1000,
    user: { sub, homeNode: provider.party, roles, name: typeof claims.name === "string" ? claims.name : sub },
    ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
  };
}

/**
 * Renews the access token with the refresh token before it expires; null (and
 * a note for the sign-in page) when the provider refuses. Any other failure
 * (network, timeout, a 5xx, an answer that is not OAuth) is thrown, and the
 * session holds (session.ts).
 */
export const refreshAtUniversity: SessionRefresher = async (current) => {
  const stored = read<{ provider: SignInProvider; idToken?: string }>(PROVIDER_KEY);
  if (!stored || !current.refreshToken) return current.expiresAt > Date.now() ? current : null;
  const { oauth, server, options, client } = await serverOf(stored.provider);
  try {
    const response = await oauth.refreshTokenGrantRequest(server, client, oauth.None(), current.refreshToken, options);
    const result = await oauth.processRefreshTokenResponse(server, client, response);
    if (result.id_token) write(PROVIDER_KEY, { ...stored, idToken: result.id_token });
    return { ...current, accessToken: result.access_token, expiresAt: Date.now() + (result.expires_in ?? 300) * 1000, refreshToken: result.refresh_token ?? current.refreshToken };
  } catch (error) {
    if (!refusedByProvider(oauth, error)) throw error;
    write(ENDED_KEY, true);
    return null;
  }
};

/** The token endpoint's own refusal (RFC 6749 §5.2: 400 or 401, e.g. invalid_grant for an expired or revoked refresh token). */
function refusedByProvider(oauth: typeof import("oauth4webapi"), error: unknown): boolean {
  const answered = error instanceof oauth.ResponseBodyError || error instanceof oauth.WWWAuthenticateChallengeError;
  return answered && (error.status === 400 || error.status === 401);
}

/** Whether the last session ended because the provider no longer renewed it. */
export function sessionEnded(): boolean {
  return read<boolean>(ENDED_KEY) === true;
}

/** Access valid until (ms since the epoch), from the session as kept. */
export function accessExpiresAt(): number | null {
  return read<SessionTokens>(TOKENS_KEY)?.expiresAt ?? null;
}

/** Sign-out at the provider: the refresh token revoked, then the provider's own sign-out page, which comes back to the console. */
export async function signOutAtUniversity(tokens: SessionTokens | null): Promise<void> {
  const stored = read<{ provider: SignInProvider; idToken?: string }>(PROVIDER_KEY);
  storage()?.removeItem(PROVIDER_KEY);
  storage()?.removeItem(ENDED_KEY);
  if (!stored) return;
  const { oauth, server, options, client } = await serverOf(stored.provider);
  if (tokens?.refreshToken && server.revocation_endpoint) {
    await oauth
      .revocationRequest(server, client, oauth.None(), tokens.refreshToken, options)
      .then((response) => oauth.processRevocationResponse(response))
      .catch(() => undefined);
  }
  if (!server.end_session_endpoint) return;
  const url = new URL(server.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: stored.provider.clientId,
    post_logout_redirect_uri: `${window.location.origin}/`,
    ...(stored.idToken ? { id_token_hint: stored.idToken } : {}),
  }).toString();
  window.location.assign(url.href);
}

/** Renew this long before expiry (as session.ts does on a request), or at half the lifetime when it is shorter. */
const RENEW_MARGIN_MS = 30_000;

/**
 * The console's session at the university: renewed before the access token
 * expires, even while no request is made (so the person stays signed in), and
 * signed out at the provider after the store's own sign-out.
 */
export function withUniversitySession<S extends { signOut(): void; subscribe(listener: () => void): () => void; accessToken(): Promise<string | null> }>(store: S): S {
  if (typeof window !== "undefined") keepRenewed(store);
  return {
    ...store,
    signOut: () => {
      const tokens = read<SessionTokens>(TOKENS_KEY);
      store.signOut();
      void signOutAtUniversity(tokens);
    },
  };
}

function keepRenewed(store: { subscribe(listener: () => void): () => void; accessToken(): Promise<string | null> }): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    const tokens = read<SessionTokens>(TOKENS_KEY);
    if (!tokens?.refreshToken) return;
    const left = tokens.expiresAt - Date.now();
    // a renewal that fails for now is tried again by the next request (session.ts), not by a timer
    timer = setTimeout(() => void store.accessToken().catch(() => undefined), Math.max(left - RENEW_MARGIN_MS, left / 2, 0));
  };
  store.subscribe(schedule);
  schedule();
}
