import { describe, expect, it } from "vitest";
import { z } from "zod";
import { demoSignInEnvFields, demoSignInFromEnv } from "./env.js";

const parse = (env: Record<string, string>) => demoSignInFromEnv(z.object(demoSignInEnvFields).parse(env));

describe("the demo sign-in's settings", () => {
  it("are off unless DEMO_SIGN_IN=on: a party in production has no demo provider", () => {
    expect(parse({})).toBeNull();
    expect(parse({ DEMO_SIGN_IN: "off", DEMO_SIGN_IN_ISSUER: "http://127.0.0.1:4101/oidc" })).toBeNull();
  });

  it("when on, need the issuer, the users file and the console's callback, each named", () => {
    expect(() => parse({ DEMO_SIGN_IN: "on" })).toThrow(/^DEMO_SIGN_IN_ISSUER: required/);
    expect(() => parse({ DEMO_SIGN_IN: "on", DEMO_SIGN_IN_ISSUER: "http://127.0.0.1:4101/oidc" })).toThrow(/^DEMO_SIGN_IN_USERS_FILE: required/);
    expect(() => parse({ DEMO_SIGN_IN: "on", DEMO_SIGN_IN_ISSUER: "http://127.0.0.1:4101/oidc", DEMO_SIGN_IN_USERS_FILE: "/u.json" })).toThrow(/^DEMO_SIGN_IN_REDIRECT_URIS: at least one/);
  });

  it("read the callbacks as a comma-separated list and the access-token lifetime in seconds (default 300)", () => {
    expect(
      parse({
        DEMO_SIGN_IN: "on",
        DEMO_SIGN_IN_ISSUER: "http://127.0.0.1:4101/oidc/",
        DEMO_SIGN_IN_USERS_FILE: "/u.json",
        DEMO_SIGN_IN_REDIRECT_URIS: "http://127.0.0.1:4000/auth/callback, http://localhost:4000/auth/callback",
      }),
    ).toEqual({
      issuer: "http://127.0.0.1:4101/oidc",
      usersFile: "/u.json",
      redirectUris: ["http://127.0.0.1:4000/auth/callback", "http://localhost:4000/auth/callback"],
      postLogoutRedirectUris: [],
      accessTokenTtlSeconds: 300,
    });
    expect(() => z.object(demoSignInEnvFields).parse({ DEMO_ACCESS_TOKEN_TTL_SECONDS: "2" })).toThrow();
  });
});
