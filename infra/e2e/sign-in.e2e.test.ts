/**
 * Signing in through the home university, end to end (issue 16): the
 * console's client (oauth4webapi) signs a mentee in at hst's demo OpenID
 * Connect provider with authorization code + PKCE, as a browser would; the
 * gateway accepts the access token for a real query because the registry
 * publishes that provider's issuer and keys; the token expires and is then
 * refused; a refresh brings a new one; signing out at the provider revokes
 * the refresh token. A token from a provider the registry does not list is
 * refused, and so is the joint coordinator's from the wrong provider.
 */
import { writeFileSync } from "node:fs";
import { SignJWT, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "@tandem/shared";
import { dataDirLayout } from "../src/launcher/data-dir.js";
import { consoleUrls } from "../src/launcher/demo-sign-in.js";
import { coordinatorOf, jointCoordinatorOf, type DemoUsers } from "../src/demo-users.js";
import { launchE2E, type E2EConsortium } from "./harness.js";
import { ConsoleClient, type SignedIn } from "./oidc-client.js";
import { createPerson, type Created } from "./scenario.js";

const ACCESS_TOKEN_TTL = 8;
const ME = `query($id: ID!) { participant(id: $id) { id displayName disclosure { level } } }`;

let e2e: E2EConsortium;
let mira: Created;
let callback: string;
const issuerOf = (partyId: string) => {
  const party = [...e2e.consortium.registry.nodes, e2e.consortium.registry.coordination].find((candidate) => candidate.id === partyId);
  return party!.oidc!.issuer;
};
const asBearer = (token: string, id = mira.id) =>
  graphqlRequest<{ participant: { id: string; displayName: string; disclosure: { level: string } } }>(e2e.consortium.gatewayUrl!, ME, { id }, { authorization: `Bearer ${token}` });

beforeAll(async () => {
  e2e = await launchE2E(["hst"], { nodeEnv: { DEMO_ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL) }, gatewayEnv: { USER_TOKEN_CLOCK_TOLERANCE_SECONDS: "0" } });
  mira = await createPerson(e2e, {
    node: "hst",
    role: "MENTEE",
    displayName: "Mira Hoffmann",
    email: "mira@hs-trier.example",
    phone: "+49 651 8103 0",
    organisation: "HS Trier",
    about: "Mechatronics",
  });
  const users: DemoUsers = {
    consortium: e2e.consortium.registry.consortium.id,
    jointCoordinator: jointCoordinatorOf("coord"),
    nodes: { hst: { coordinator: coordinatorOf("hst"), participants: [{ id: mira.id, role: "MENTEE", displayName: mira.displayName, email: mira.email }] } },
  };
  writeFileSync(dataDirLayout(e2e.consortium.dataDir).demoUsersFile, JSON.stringify(users));
  callback = consoleUrls(Number(new URL(e2e.consortium.gatewayUrl!).port)).callbacks[0]!;
}, 240_000);
afterAll(async () => {
  await e2e?.stop();
});

describe("signing in at the home university's provider", () => {
  let signedIn: SignedIn;
  let client: ConsoleClient;

  it("the registry publishes each party's provider, and its discovery document is served beside the party's /graphql", async () => {
    expect(issuerOf("hst")).toBe(e2e.consortium.urlOf("hst").replace(/\/graphql$/, "/oidc"));
    client = await ConsoleClient.discover(issuerOf("hst"), callback);
    expect(client.server).toMatchObject({ issuer: issuerOf("hst"), code_challenge_methods_supported: ["S256"] });
  });

  it("a mentee signs in on the clearly marked demo page with code + PKCE; the gateway accepts the access token as hers", async () => {
    const { page, choose } = await client.begin();
    expect(page).toContain("Demo sign-in.");
    expect(page).toContain("Mira Hoffmann");
    expect(page).toContain("Coordinator of Hochschule Trier");
    signedIn = await choose(mira.id);
    expect(signedIn.idClaims).toMatchObject({ sub: mira.id, name: "Mira Hoffmann", tandem_roles: ["mentee"] });
    expect(signedIn.tokens.expires_in).toBe(ACCESS_TOKEN_TTL);
    expect(signedIn.tokens.refresh_token).toEqual(expect.any(String));
    const answer = await asBearer(signedIn.tokens.access_token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.participant).toEqual({ id: mira.id, displayName: "Mira Hoffmann", disclosure: { level: "SELF" } });
  });

  it("refuses the access token once it has expired, and a refreshed one is accepted", async () => {
    await new Promise((resolve) => setTimeout(resolve, (ACCESS_TOKEN_TTL + 2) * 1000));
    const expired = await asBearer(signedIn.tokens.access_token);
    expect(expired.status).toBe(401);
    expect(JSON.stringify(expired.errors)).toMatch(/Invalid token: expired/);
    const refreshed = await client.refresh(signedIn.tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(signedIn.tokens.access_token);
    const answer = await asBearer(refreshed.access_token);
    expect(answer.data!.participant.displayName).toBe("Mira Hoffmann");
    signedIn = { ...signedIn, tokens: { ...signedIn.tokens, ...refreshed } };
  }, 30_000);

  it("signing out at the provider revokes the refresh token", async () => {
    const afterSignOut = consoleUrls(Number(new URL(e2e.consortium.gatewayUrl!).port)).afterSignOut[0]!;
    const { page, location } = await client.signOut(signedIn.tokens.id_token!, afterSignOut);
    expect(page).toContain("Demo sign-in.");
    expect(location).toBe(afterSignOut);
    await expect(client.refresh(signedIn.tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  });
});

describe("tokens the gateway refuses", () => {
  it("a token from a provider the registry does not list, even naming a person of hst", async () => {
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const token = await new SignJWT({ tandem_id: mira.id, tandem_roles: ["mentee"] })
      .setProtectedHeader({ alg: "EdDSA", kid: "stranger" })
      .setIssuer("https://idp.stranger.example/oidc")
      .setAudience(e2e.consortium.registry.consortium.id)
      .setSubject(mira.id)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    const answer = await asBearer(token);
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.errors)).toMatch(/issued by \\"https:\/\/idp.stranger.example\/oidc\\" are not accepted/);
  });

  it("the joint coordinator is offered only at the coordination office's provider, and hst's provider cannot name them", async () => {
    const office = await ConsoleClient.discover(issuerOf("coord"), callback);
    const { page } = await office.begin();
    expect(page).toContain("Joint coordinator");
    expect(page).not.toContain("Mira Hoffmann");
    const atHst = await (await ConsoleClient.discover(issuerOf("hst"), callback)).begin();
    await expect(atHst.choose(jointCoordinatorOf("coord"))).rejects.toThrow(/expected a redirect, got 400: No demo person/);
  });
});
