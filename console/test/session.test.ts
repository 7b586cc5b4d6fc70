import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSessionStore, SESSION_STORAGE_KEY, UniversityUnreachableError, type SessionTokens } from "../src/auth/session.js";
import { refreshAtUniversity, sessionEnded } from "../src/auth/university-sign-in.js";

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

/**
 * Renewal at a university's provider over real HTTP: discovery and a token
 * endpoint whose answer each test chooses. Each test has its own issuer (the
 * console keeps discovered metadata per issuer).
 */
describe("renewal at the university", () => {
  type Answer = "drop the connection" | "503" | "invalid_grant" | "new tokens";
  const answers = new Map<string, Answer>();
  const tokenRequests = new Map<string, number>();
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const [, issuer, ...rest] = request.url!.split("/");
      const base = `${origin}/${issuer}`;
      if (rest.join("/") === ".well-known/openid-configuration") {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token` }));
        return;
      }
      tokenRequests.set(issuer!, (tokenRequests.get(issuer!) ?? 0) + 1);
      const answer = answers.get(issuer!);
      if (answer === "drop the connection") return void request.socket.destroy();
      if (answer === "503") return void response.writeHead(503).end("upstream unavailable");
      response.setHeader("content-type", "application/json");
      if (answer === "invalid_grant") return void response.writeHead(400).end(JSON.stringify({ error: "invalid_grant", error_description: "refresh token expired" }));
      response.end(JSON.stringify({ access_token: "new", token_type: "Bearer", expires_in: 300, refresh_token: "r2" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  let storage: ReturnType<typeof memory>;
  beforeEach(() => {
    storage = memory();
    (globalThis as { sessionStorage?: unknown }).sessionStorage = storage;
  });

  /** A person signed in at `issuer`, whose access token expires in `expiresIn` ms (negative: already expired). */
  function signedIn(issuer: string, answer: Answer, expiresIn: number) {
    answers.set(issuer, answer);
    const provider = { party: "hst", kind: "node", name: "Hochschule Trier", issuer: `${origin}/${issuer}`, clientId: "console", scope: "openid", claims: { person: "sub", roles: "roles" } };
    storage.setItem("tandem.signIn.provider", JSON.stringify({ provider }));
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: "old", expiresAt: Date.now() + expiresIn, user, refreshToken: "r1" }));
    return createSessionStore(storage, refreshAtUniversity);
  }

  it("keeps the session and the person when the network fails; the request fails with a reason of its own", async () => {
    const store = signedIn("network", "drop the connection", -60_000);
    await expect(store.accessToken()).rejects.toBeInstanceOf(UniversityUnreachableError);
    expect(store.user()).toEqual(user);
    expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY)!).refreshToken).toBe("r1");
    expect(sessionEnded()).toBe(false);
  });

  it("keeps the session when the provider answers 5xx, lets the still valid token go meanwhile, and asks once per request", async () => {
    const store = signedIn("unavailable", "503", 10_000);
    expect(await store.accessToken()).toBe("old");
    expect(await Promise.all([store.accessToken(), store.accessToken()])).toEqual(["old", "old"]);
    expect(tokenRequests.get("unavailable")).toBe(2);
    expect(store.user()).toEqual(user);
    expect(sessionEnded()).toBe(false);
  });

  it("signs out when the university refuses the refresh token (invalid_grant) and tells the sign-in page", async () => {
    const store = signedIn("refused", "invalid_grant", -60_000);
    expect(await store.accessToken()).toBeNull();
    expect(store.user()).toBeNull();
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(sessionEnded()).toBe(true);
  });

  it("continues the session with the next request once the university answers again", async () => {
    const store = signedIn("recovers", "503", -60_000);
    let told = 0;
    store.subscribe(() => told++);
    await expect(store.accessToken()).rejects.toBeInstanceOf(UniversityUnreachableError);
    expect(told).toBe(0);
    answers.set("recovers", "new tokens");
    expect(await store.accessToken()).toBe("new");
    expect(told).toBe(1);
    expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY)!)).toMatchObject({ accessToken: "new", refreshToken: "r2", user });
    expect(await store.accessToken()).toBe("new");
    expect(tokenRequests.get("recovers")).toBe(2);
  });
});
