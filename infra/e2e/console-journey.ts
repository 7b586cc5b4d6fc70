/**
 * A participant's journey through the web console, in one language: the
 * mentee applies and sees the node's eligibility answer; their home
 * coordinator accepts (through the API: the coordinator pages come later);
 * the joint office proposes a tandem; both partners accept it in the console,
 * see each other's contact appear, write and sign the agreement, and the
 * mentee logs a meeting. Every page visited is checked for accessibility.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { REPO_ROOT } from "../src/paths.js";
import { ADVANCE, REVIEW, READ } from "./applications-scenario.js";
import { eventually, who, type E2EConsortium } from "./harness.js";
import type { Created } from "./scenario.js";
import { consoleUrl, seriousViolations, signedInContext } from "./console-browser.js";

/** The labels the journey clicks and reads, as each catalog has them. */
export interface JourneyWords {
  language: "de" | "en";
  home: string;
  apply: (cohort: string) => string;
  motivation: string;
  shortTermGoals: string;
  longTermGoals: string;
  availability: string;
  submit: string;
  submitted: string;
  eligible: string;
  tandemIn: (cohort: string) => string;
  accept: string;
  waitingForPartner: string;
  acceptedByBoth: string;
  notShared: string;
  shortTermGoal: string;
  longTermGoal: string;
  online: string;
  frequency: string;
  feedbackForm: string;
  saveVersion: string;
  sign: (version: number) => string;
  running: string;
  topics: string;
  logMeeting: string;
}

export interface Journey {
  e2e: E2EConsortium;
  browser: Browser;
  words: JourneyWords;
  mentee: Created;
  mentor: Created;
  cohortId: string;
  /** "Programme cohort", as the console names it. */
  cohortLabel: string;
  /** Where screenshots go (`npm run screenshots`), or null. */
  screenshots: string | null;
}

/** Runs the journey; returns the tandem page's path. */
export async function runJourney(journey: Journey): Promise<string> {
  const { e2e, words, mentee, mentor } = journey;
  const menteePage = await open(journey, mentee, "/");
  await menteePage.getByRole("heading", { level: 1, name: words.home }).waitFor();
  await checked(journey, menteePage, "home");

  // the mentee applies; the node answers on eligibility
  await menteePage.getByRole("link", { name: words.apply(journey.cohortLabel) }).click();
  await menteePage.getByLabel(words.motivation).fill(`I want to learn how ${mentee.about.toLowerCase()} turn into a career.`);
  await menteePage.getByLabel(words.shortTermGoals).fill("Finish a prototype this winter.");
  await menteePage.getByLabel(words.longTermGoals).fill("Lead an engineering team in the Greater Region.");
  await menteePage.getByLabel(words.availability).fill("6");
  await checked(journey, menteePage, "apply");
  await menteePage.getByRole("button", { name: words.submit }).click();
  await menteePage.waitForURL(/\/applications\//);
  await expectText(menteePage.getByTestId("application-status"), words.submitted);
  await expectText(menteePage.getByTestId("eligibility"), words.eligible);
  await checked(journey, menteePage, "application");
  const applicationId = decodeURIComponent(new URL(menteePage.url()).pathname.split("/").at(-1)!);

  // the home coordinator accepts; the office enrols; the joint office proposes the tandem
  await e2e.as(who.coordinator(mentee.node)).data(REVIEW, { id: applicationId, decision: "ACCEPT" });
  await eventually(
    async () => (await e2e.as(who.mentee(mentee.id)).data(READ, { id: applicationId })).application.status,
    (status) => status === "ENROLLED",
  );
  const joint = e2e.as(who.jointCoordinator());
  await joint.data(`mutation($input: EnrolInput!) { enrol(input: $input) { id } }`, { input: { cohortId: journey.cohortId, participantId: mentor.id, role: "MENTOR", track: "engineering" } });
  for (const to of ["REVIEW", "MATCHING"]) await joint.data(ADVANCE, { id: journey.cohortId, to });
  await joint.data(`mutation($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`, { input: { cohortId: journey.cohortId, menteeId: mentee.id, mentorId: mentor.id } });

  // both accept the proposal; until then the partner's contact is not shared
  await menteePage.goto(consoleUrl(e2e, "/"));
  await menteePage.getByRole("link", { name: words.tandemIn(journey.cohortLabel) }).click();
  await expectText(menteePage.getByTestId("partner"), words.notShared);
  await checked(journey, menteePage, "proposal");
  await menteePage.getByRole("button", { name: words.accept }).click();
  await menteePage.getByText(words.waitingForPartner).waitFor();
  const tandemPath = new URL(menteePage.url()).pathname;
  const mentorPage = await open(journey, mentor, tandemPath);
  await mentorPage.getByRole("button", { name: words.accept }).click();
  // live: the mentee's open page learns of the mentor's answer without a reload (tandemUpdated over the gateway's socket)
  await menteePage.getByTestId("tandem-status").getByText(words.acceptedByBoth).waitFor({ timeout: 15_000 });
  await untilShown(mentorPage, () => mentorPage.getByTestId("partner").getByText(mentee.email));
  await untilShown(menteePage, () => menteePage.getByTestId("partner").getByText(mentor.email));
  await checked(journey, menteePage, "tandem");

  // the mentee drafts the agreement, both sign it at home: the tandem runs
  await untilShown(menteePage, () => menteePage.getByLabel(words.shortTermGoal));
  await menteePage.getByLabel(words.shortTermGoal).fill("Build and test a first prototype together.");
  await menteePage.getByLabel(words.longTermGoal).fill("Find a first engineering position after the degree.");
  await menteePage.getByLabel(words.online, { exact: true }).check();
  await menteePage.getByLabel(words.frequency).fill("every two weeks, one hour");
  await menteePage.getByLabel(words.feedbackForm).fill("a short note after each meeting");
  await menteePage.getByRole("button", { name: words.saveVersion }).click();
  await menteePage.getByRole("button", { name: words.sign(1) }).click();
  await menteePage.getByTestId("signatures").waitFor();
  await checked(journey, menteePage, "agreement");
  await untilShown(mentorPage, () => mentorPage.getByRole("button", { name: words.sign(1) }));
  await clickUntilDone(mentorPage, words.sign(1), () => mentorPage.getByTestId("signatures").locator("li").nth(1));
  await untilShown(menteePage, () => menteePage.getByTestId("tandem-status").getByText(words.running, { exact: true }));

  // a meeting is logged
  await menteePage.getByLabel(words.topics).fill("prototype, internship");
  await clickUntilDone(menteePage, words.logMeeting, () => menteePage.getByTestId("meetings").getByText("prototype, internship", { exact: false }));
  await checked(journey, menteePage, "meetings");
  await menteePage.context().close();
  await mentorPage.context().close();
  return tandemPath;
}

async function open(journey: Journey, person: Created, path: string): Promise<Page> {
  const context = await signedInContext(journey.browser, journey.e2e, {
    who: person.role === "MENTEE" ? who.mentee(person.id) : who.mentor(person.id),
    name: person.displayName,
    language: journey.words.language,
  });
  const page = await context.newPage();
  await page.goto(consoleUrl(journey.e2e, path));
  return page;
}

/** No serious or critical accessibility violation on the page; a screenshot of it when asked for. */
async function checked(journey: Journey, page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name} (${page.url()})`).toEqual([]);
  if (journey.screenshots) {
    mkdirSync(journey.screenshots, { recursive: true });
    await page.screenshot({ path: join(journey.screenshots, `console-${name}-${journey.words.language}.png`), fullPage: true });
  }
}

async function expectText(locator: ReturnType<Page["getByTestId"]>, text: string): Promise<void> {
  await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
}

/** Reloads the page until something appears that facts travelling between the parties bring (an acceptance, a signature). */
async function untilShown(page: Page, locate: () => ReturnType<Page["getByText"]>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await locate().first().waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

/**
 * Clicks until the console shows the action done (`done` appears): a partner's node learns what it needs
 * (the version to sign, the tandem's start) from facts the consortium delivers, and refuses until then.
 */
async function clickUntilDone(page: Page, button: string, done: () => ReturnType<Page["getByText"]>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.getByRole("button", { name: button }).click();
    try {
      await done().first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.waitForTimeout(500);
    }
  }
}

/** Screenshots land in docs/console when CONSOLE_SCREENSHOTS is set (`npm run screenshots`). */
export const SCREENSHOTS_DIR = process.env.CONSOLE_SCREENSHOTS ? join(REPO_ROOT, "docs/console") : null;
