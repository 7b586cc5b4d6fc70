import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { craftUserToken } from "../testkit/tokens.js";
import { createTestTrust, type TestTrust } from "../testkit/trust.js";
import { UserTokenVerifier } from "./user-token.js";

const TOLERANCE = 30;
const HOUR = 3600;
const registry = {
  consortium: { id: "test", name: "Test" },
  coordination: { id: "coord", name: "Coordination", url: "http://127.0.0.1:1/graphql" },
  nodes: [{ id: "zcu", name: "ZCU", shortName: "ZCU", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague", url: "http://127.0.0.1:2/graphql" }],
};
const now = () => Math.floor(Date.now() / 1000);

let trust: TestTrust;
let verifier: UserTokenVerifier;
beforeAll(async () => {
  trust = await createTestTrust(registry);
  verifier = new UserTokenVerifier(trust.registry, TOLERANCE);
});

const token = (times: { issuedAt?: number; expiresAt?: number; notBefore?: number }) =>
  craftUserToken(trust.keys.get("zcu")!, { issuer: "zcu", audience: "test", sub: "zcu:participant:a", roles: ["mentee"], ...times });

describe("the time rules of user tokens", () => {
  it("accept a token issued now for an hour, and say when it expires", async () => {
    const exp = now() + HOUR;
    await expect(verifier.verifyWithExpiry(await token({ expiresAt: exp }))).resolves.toEqual({
      identity: { sub: "zcu:participant:a", homeNode: "zcu", roles: ["mentee"] },
      expiresAt: new Date(exp * 1000),
    });
  });

  it("accept a token issued, or valid from, within the clock tolerance in the future", async () => {
    await expect(verifier.verify(await token({ issuedAt: now() + TOLERANCE - 5 }))).resolves.toMatchObject({ sub: "zcu:participant:a" });
    await expect(verifier.verify(await token({ notBefore: now() + TOLERANCE - 5 }))).resolves.toMatchObject({ sub: "zcu:participant:a" });
    await expect(verifier.verify(await token({ issuedAt: now() - 10, notBefore: now() - 5 }))).resolves.toMatchObject({ sub: "zcu:participant:a" });
  });

  it("refuse a token issued beyond the clock tolerance in the future", async () => {
    await expect(verifier.verify(await token({ issuedAt: now() + TOLERANCE + 5 }))).rejects.toThrow(/issued in the future/);
  });

  it("refuse a token issued a year ahead that lives an hour from then", async () => {
    const iat = now() + 365 * 24 * HOUR;
    await expect(verifier.verify(await token({ issuedAt: iat, expiresAt: iat + HOUR }))).rejects.toMatchObject({
      message: expect.stringMatching(/issued in the future/),
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  it("refuse a token issued two hours ahead that expires in 25 hours", async () => {
    await expect(verifier.verify(await token({ issuedAt: now() + 2 * HOUR, expiresAt: now() + 25 * HOUR }))).rejects.toThrow(/issued in the future/);
  });

  it("refuse a token that is not valid yet (nbf beyond the tolerance)", async () => {
    await expect(verifier.verify(await token({ notBefore: now() + TOLERANCE + 5 }))).rejects.toThrow(/not valid yet/);
    await expect(verifier.verify(await token({ notBefore: now() + 2 * HOUR, expiresAt: now() + 3 * HOUR }))).rejects.toThrow(/not valid yet/);
  });

  it("refuse a lifetime longer than 24 h, measured from iat", async () => {
    const iat = now() - HOUR;
    await expect(verifier.verify(await token({ issuedAt: iat, expiresAt: iat + 24 * HOUR }))).resolves.toMatchObject({ sub: "zcu:participant:a" });
    await expect(verifier.verify(await token({ issuedAt: iat, expiresAt: iat + 24 * HOUR + 1 }))).rejects.toThrow(/lifetime longer than 24 h \(exp − iat\)/);
  });

  it("refuse a token valid for more than 24 h from now, even when issued within the tolerance", async () => {
    const iat = now() + 20;
    await expect(verifier.verify(await token({ issuedAt: iat, expiresAt: iat + 24 * HOUR }))).rejects.toThrow(/lifetime longer than 24 h from now \(exp − now\)/);
    await expect(verifier.verify(await token({ issuedAt: iat, expiresAt: now() + 24 * HOUR - 5 }))).resolves.toMatchObject({ sub: "zcu:participant:a" });
  });
});

describe("tokens accepted before", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("are checked against the clock again at every use: a token accepted a moment ago is refused once it has expired", async () => {
    const accepted = await token({ expiresAt: now() + 60 });
    await expect(verifier.verify(accepted)).resolves.toMatchObject({ sub: "zcu:participant:a" });
    await expect(verifier.verify(accepted)).resolves.toMatchObject({ sub: "zcu:participant:a" });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + (60 + TOLERANCE + 5) * 1000 });
    await expect(verifier.verify(accepted)).rejects.toThrow(/expired/);
  });

  it("are only those exact tokens: a changed signature is verified and refused", async () => {
    const accepted = await token({ expiresAt: now() + HOUR });
    await expect(verifier.verify(accepted)).resolves.toMatchObject({ sub: "zcu:participant:a" });
    const signature = accepted.split(".")[2]!;
    const changed = `${accepted.split(".").slice(0, 2).join(".")}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    await expect(verifier.verify(changed)).rejects.toThrow(/signature/);
  });
});
