import { describe, expect, it } from "vitest";
import { createSessionStore, SESSION_STORAGE_KEY, type SessionTokens } from "../src/auth/session.js";

function memory(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key), items };
}

const user = { sub: "hst:participant:1", homeNode: "hst", roles: ["MENTEE"], name: "Emma Richter" };
const NOW = 1_800_000_000_000;

describe("the session store", () => {
  it("reads the session sessionStorage holds under tandem.session", async () => {
    const storage = memory({ [SESSION_STORAGE_KEY]: JSON.stringify({ accessToken: "t1", expiresAt: NOW + 600_000, user }) });
    const store = createSessionStore(storage, null, () => NOW);
    expect(store.user()).toEqual(user);
    expect(await store.accessToken()).toBe("t1");
  });

  it("has no user and no token once the token expired and nothing can refresh it", async () => {
    const storage = memory({ [SESSION_STORAGE_KEY]: JSON.stringify({ accessToken: "t1", expiresAt: NOW - 1, user }) });
    const store = createSessionStore(storage, null, () => NOW);
    expect(store.user()).toBeNull();
    expect(await store.accessToken()).toBeNull();
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it("keeps a person whose access token expired signed in while a refresh token can renew it, and signs them out when their university refuses", async () => {
    const stored = JSON.stringify({ accessToken: "old", expiresAt: NOW - 60_000, user, refreshToken: "r1" });
    const renewing = createSessionStore(
      memory({ [SESSION_STORAGE_KEY]: stored }),
      async (current: SessionTokens) => ({ ...current, accessToken: "new", expiresAt: NOW + 600_000 }),
      () => NOW,
    );
    expect(renewing.user()).toEqual(user);
    expect(await renewing.accessToken()).toBe("new");
    const storage = memory({ [SESSION_STORAGE_KEY]: stored });
    const refused = createSessionStore(
      storage,
      async () => null,
      () => NOW,
    );
    expect(refused.user()).toEqual(user);
    expect(await refused.accessToken()).toBeNull();
    expect(refused.user()).toBeNull();
    expect(storage.items.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it("refreshes shortly before expiry, once for concurrent callers, and tells its listeners", async () => {
    const storage = memory({ [SESSION_STORAGE_KEY]: JSON.stringify({ accessToken: "old", expiresAt: NOW + 10_000, user }) });
    let refreshes = 0;
    const store = createSessionStore(
      storage,
      async (current: SessionTokens) => ({ ...current, accessToken: `new${++refreshes}`, expiresAt: NOW + 600_000 }),
      () => NOW,
    );
    let told = 0;
    store.subscribe(() => told++);
    expect(await Promise.all([store.accessToken(), store.accessToken()])).toEqual(["new1", "new1"]);
    expect(refreshes).toBe(1);
    expect(told).toBe(1);
    expect(JSON.parse(storage.items.get(SESSION_STORAGE_KEY)!).accessToken).toBe("new1");
  });

  it("forgets the session on sign-out", async () => {
    const storage = memory();
    const store = createSessionStore(storage, null, () => NOW);
    store.setSession({ accessToken: "t", expiresAt: NOW + 600_000, user });
    expect(store.user()?.name).toBe("Emma Richter");
    store.signOut();
    expect(store.user()).toBeNull();
    expect(storage.items.size).toBe(0);
  });
});
