/**
 * The web console in a real headless browser: Debian's Chromium
 * (`/usr/bin/chromium`, or CHROMIUM_PATH) driven by playwright-core, which
 * downloads nothing. A page is opened as someone by putting their session
 * (a token signed with the launcher's keys, as `npm run token` signs it) into
 * sessionStorage before the console loads; every page visited is checked with
 * axe-core, injected into it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { E2EConsortium, Who } from "./harness.js";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"] });
}

/** The console's address at the consortium's gateway. */
export function consoleUrl(e2e: E2EConsortium, path = "/"): string {
  return new URL(path, e2e.consortium.gatewayUrl!).toString();
}

export interface ConsoleUser {
  who: Who;
  name: string;
  /** The console's language, as the user would have chosen it (remembered in localStorage). */
  language: "de" | "en" | "fr" | "cs";
}

/** A browser context signed in as `user`: their session in sessionStorage before any page loads, and their language unless they chose another since. */
export async function signedInContext(browser: Browser, e2e: E2EConsortium, user: ConsoleUser): Promise<BrowserContext> {
  const { issuer, sub, roles } = e2e.mint.claimsOf(user.who);
  const accessToken = await e2e.mint.userToken(user.who);
  const session = { accessToken, expiresAt: Date.now() + 3_000_000, user: { sub, homeNode: issuer, roles, name: user.name } };
  const context = await browser.newContext({ locale: user.language === "en" ? "en-GB" : `${user.language}-${user.language.toUpperCase()}`, viewport: { width: 1200, height: 900 } });
  // runs in the page, before the console's own scripts
  await context.addInitScript({
    content: `sessionStorage.setItem("tandem.session", ${JSON.stringify(JSON.stringify(session))}); if (!localStorage.getItem("tandem.language")) localStorage.setItem("tandem.language", ${JSON.stringify(user.language)});`,
  });
  return context;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // axe runs in the page (evaluated there, so the console's Content-Security-Policy does not stop it)
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>("window.axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)");
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}
