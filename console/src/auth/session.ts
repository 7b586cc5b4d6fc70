/**
 * The signed-in person's session: the one place the console gets a bearer
 * token and the user from. This is the contract sign-in builds on (keep its
 * shape): `accessToken()` (refreshing when needed), `user()`, `subscribe()`,
 * `signOut()`, `setSession()`.
 *
 * Until sign-in through the home university lands, the session is what
 * sessionStorage holds under `tandem.session`:
 * `{ accessToken, expiresAt, user: { sub, homeNode, roles, name } }`
 * with `expiresAt` in milliseconds since the epoch (tests and the demo put a
 * token there that `npm run token` signs).
 */

import { refreshAtUniversity, withUniversitySession } from "./university-sign-in.js";

export const SESSION_STORAGE_KEY = "tandem.session";

export interface SessionUser {
  /** The person's id, e.g. `hst:participant:…`. */
  sub: string;
  /** The node of the university that signed the person in. */
  homeNode: string;
  roles: string[];
  name: string;
}

export interface SessionTokens {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  user: SessionUser;
  /** Sign-in may keep what it needs to refresh (e.g. an OIDC refresh token). */
  refreshToken?: string;
}

/**
 * Gets fresh tokens when the access token is about to expire; null when the
 * session cannot be renewed (the university refused). It throws when renewal
 * failed for now (unreachable, timed out, a server error), which keeps the session.
 */
export type SessionRefresher = (current: SessionTokens) => Promise<SessionTokens | null>;

/** The access token expired and the university could not be reached to renew it; the session holds and the next request tries again. */
export class UniversityUnreachableError extends Error {
  constructor(options?: ErrorOptions) {
    super("the university could not be reached to renew the sign-in", options);
    this.name = "UniversityUnreachableError";
  }
}

export interface SessionStore {
  /** A valid access token, refreshed when needed; null when signed out or expired beyond refresh; rejects with UniversityUnreachableError when it expired and renewal failed for now. */
  accessToken(): Promise<string | null>;
  user(): SessionUser | null;
  /** Called on every sign-in, refresh and sign-out; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  signOut(): void;
  setSession(tokens: SessionTokens | null): void;
}

/** Refresh this long before expiry, so a request does not leave with a token that expires on the way. */
const REFRESH_MARGIN_MS = 30_000;

export function createSessionStore(storage: Pick<Storage, "getItem" | "setItem" | "removeItem">, refresher: SessionRefresher | null = null, now: () => number = Date.now): SessionStore {
  const listeners = new Set<() => void>();
  let current = readTokens(storage);
  let refreshing: Promise<SessionTokens | null> | null = null;
  const notify = () => listeners.forEach((listener) => listener());
  const setSession = (tokens: SessionTokens | null) => {
    current = tokens;
    if (tokens) storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(tokens));
    else storage.removeItem(SESSION_STORAGE_KEY);
    notify();
  };
  const refreshed = async (tokens: SessionTokens): Promise<SessionTokens | null> => {
    if (!refresher) return tokens.expiresAt > now() ? tokens : null;
    refreshing ??= refresher(tokens)
      // a failure that is not a refusal keeps the session: the token goes while it is still valid, and the next request renews again
      .catch((error: unknown) => {
        if (tokens.expiresAt > now()) return tokens;
        throw new UniversityUnreachableError({ cause: error });
      })
      .finally(() => (refreshing = null));
    return refreshing;
  };
  return {
    accessToken: async () => {
      if (!current) return null;
      if (current.expiresAt - REFRESH_MARGIN_MS > now()) return current.accessToken;
      const next = await refreshed(current);
      if (next !== current) setSession(next);
      return next?.accessToken ?? null;
    },
    // an expired access token with a refresh token is still a session: the next request renews it (or signs out if the university refuses)
    user: () => (current && (current.expiresAt > now() || (refresher !== null && !!current.refreshToken)) ? current.user : null),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signOut: () => setSession(null),
    setSession,
  };
}

function readTokens(storage: Pick<Storage, "getItem">): SessionTokens | null {
  try {
    const stored = JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? "null") as SessionTokens | null;
    return stored && typeof stored.accessToken === "string" && typeof stored.expiresAt === "number" && stored.user ? stored : null;
  } catch {
    return null;
  }
}

/** The console's session: renewed at the university that signed the person in, and signed out there too (university-sign-in.ts). */
export const session: SessionStore = withUniversitySession(createSessionStore(typeof sessionStorage === "undefined" ? memoryStorage() : sessionStorage, refreshAtUniversity));

function memoryStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}
