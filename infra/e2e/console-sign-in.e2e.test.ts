/**
 * Signing in to the console through the home university, in Debian's
 * Chromium (issue 16): a mentee of hst chooses her university, signs in on
 * hst's clearly marked demo page, sees her name; her short-lived access token
 * expires and the console renews it (the gateway, with no clock tolerance
 * here, would refuse the old one); she signs out at hst and her refresh token
 * no longer works. Accessibility is checked on every console page visited.
 */
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { dataDirLayout } from "../src/launcher/data-dir.js";
import { coordinatorOf, jointCoordinatorOf, type DemoUsers } from "../src/demo-users.js";
import { consoleUrl, launchChromium, seriousViolations } from "./console-browser.js";
import { launchE2E, type E2EConsortium } from "./harness.js";
import { createPerson, type Created } from "./scenario.js";

const ACCESS_TOKEN_TTL_SECONDS = 20;

let e2e: E2EConsortium;
let browser: Browser;
let emma: Created;
let page: Page;

interface StoredSession {
  accessToken: string;
  expiresAt: number;
  refreshToken?: string;
}

beforeAll(async () => {
  [e2e, browser] = await Promise.all([
    launchE2E(["hst"], { nodeEnv: { DEMO_ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) }, gatewayEnv: { USER_TOKEN_CLOCK_TOLERANCE_SECONDS: "0" } }),
    launchChromium(),
  ]);
  emma = await createPerson(e2e, {
    node: "hst",
    role: "MENTEE",
    displayName: "Emma Richter",
    email: "emma.richter@students.hst.example",
    phone: "+49 651 8103 100",
    organisation: "Fachbereich Technik",
    about: "Emma builds solar boats",
  });
  const users: DemoUsers = {
    consortium: e2e.consortium.registry.consortium.id,
    jointCoordinator: jointCoordinatorOf(e2e.consortium.registry.coordination.id),
    nodes: { hst: { coordinator: coordinatorOf("hst"), participants: [{ id: emma.id, role: "MENTEE", displayName: emma.displayName, email: emma.email }] } },
  };
  writeFileSync(dataDirLayout(e2e.consortium.dataDir).demoUsersFile, JSON.stringify(users));
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1200, height: 900 } });
  await context.addInitScript({ content: `localStorage.setItem("tandem.language", "en");` });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
});

const storedSession = () => page.evaluate<StoredSession | null>(`JSON.parse(sessionStorage.getItem("tandem.session") ?? "null")`);

async function expectAccessible(): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${page.url()}`).toEqual([]);
}

describe("the console's sign-in through the home university", () => {
  let first: StoredSession;

  it("offers the universities of the registry; Emma signs in at HS Trier's demo page and sees her name", async () => {
    await page.goto(consoleUrl(e2e, "/"));
    await page.getByRole("heading", { level: 1, name: "You are not signed in" }).waitFor();
    await page.getByRole("button", { name: "Sign in at Hochschule Trier" }).waitFor();
    await page.getByRole("button", { name: /Joint Coordination Office.*\(joint coordinators\)/ }).waitFor();
    await expectAccessible();

    await page.getByRole("button", { name: "Sign in at Hochschule Trier" }).click();
    await page.waitForURL((url) => url.href.startsWith(e2e.consortium.urlOf("hst").replace(/\/graphql$/, "/oidc/interaction/")));
    await page.getByText("Demo sign-in.").waitFor();
    await page.getByRole("button", { name: "Emma Richter" }).click();

    await page.waitForURL(consoleUrl(e2e, "/"));
    await page.getByText("Signed in as Emma Richter (Hochschule Trier)").waitFor();
    await page.getByRole("heading", { level: 1, name: "My programmes" }).waitFor();
    await page.getByText("You have not applied to a cohort yet.").waitFor();
    await expect(page.locator(".session-expiry").textContent()).resolves.toMatch(/^Access until \d{1,2}:\d\d:\d\d/);
    await expectAccessible();
    first = (await storedSession())!;
    expect(first.refreshToken).toEqual(expect.any(String));
    expect(first.expiresAt - Date.now()).toBeLessThanOrEqual(ACCESS_TOKEN_TTL_SECONDS * 1000);
  });

  it("renews the access token before it expires; after its expiry Emma is still signed in and her pages still load", async () => {
    await page.waitForTimeout(Math.max(0, first.expiresAt - Date.now()) + 1_500);
    const renewed = (await storedSession())!;
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(renewed.expiresAt).toBeGreaterThan(Date.now());
    const gateway = (token: string) =>
      fetch(e2e.consortium.gatewayUrl!, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect((await gateway(first.accessToken)).status).toBe(401);

    await page.reload();
    await page.getByText("Signed in as Emma Richter (Hochschule Trier)").waitFor();
    await page.getByText("You have not applied to a cohort yet.").waitFor();
  }, 60_000);

  it("signs Emma out at HS Trier: back at the console signed out, her refresh token refused", async () => {
    const before = (await storedSession())!;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign out of Hochschule Trier" }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(consoleUrl(e2e, "/"));
    await page.getByRole("heading", { level: 1, name: "You are not signed in" }).waitFor();
    expect(await storedSession()).toBeNull();
    await expectAccessible();

    const tokenEndpoint = e2e.consortium.urlOf("hst").replace(/\/graphql$/, "/oidc/token");
    const refused = await fetch(tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: before.refreshToken!, client_id: "tandem-console" }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: "invalid_grant" });
  });
});
