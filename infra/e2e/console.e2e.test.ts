/**
 * The web console in Debian's Chromium against a running consortium (one for
 * the whole suite): pages in the user's language, served by the gateway,
 * talking only to its public graph, with no serious or critical accessibility
 * violation on any page visited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchE2E, who, type E2EConsortium } from "./harness.js";
import { createPerson, type Created } from "./scenario.js";
import { consoleUrl, launchChromium, seriousViolations, signedInContext, type ConsoleUser } from "./console-browser.js";

let e2e: E2EConsortium;
let browser: Browser;
let emma: Created;

beforeAll(async () => {
  [e2e, browser] = await Promise.all([launchE2E(["hst", "zcu"]), launchChromium()]);
  emma = await createPerson(e2e, {
    node: "hst",
    role: "MENTEE",
    displayName: "Emma Richter",
    email: "emma.richter@students.hst.example",
    phone: "+49 651 8103 100",
    organisation: "Fachbereich Technik",
    about: "Emma builds solar boats",
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
});

async function openAs(user: ConsoleUser, path: string): Promise<Page> {
  const context = await signedInContext(browser, e2e, user);
  const page = await context.newPage();
  await page.goto(consoleUrl(e2e, path));
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${page.url()}`).toEqual([]);
}

describe("the console served by the gateway", () => {
  it("shows a signed-in mentee their programmes, in the language they chose", async () => {
    const page = await openAs({ who: who.mentee(emma.id), name: emma.displayName, language: "de" }, "/");
    await page.getByRole("heading", { level: 1, name: "Meine Programme" }).waitFor();
    await page.getByText("Sie haben sich noch für keinen Jahrgang beworben.").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await expectAccessible(page);
    await page.close();
  });
});
