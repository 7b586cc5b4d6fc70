/**
 * The web console in Debian's Chromium against a running consortium (one for
 * the whole suite, two nodes): pages in the user's language, served by the
 * gateway, talking only to its public graph; a participant's journey from
 * applying to a logged meeting, once in German and once in English; no
 * serious or critical accessibility violation on any page visited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ADVANCE, programmeWithCohort } from "./applications-scenario.js";
import { launchE2E, who, type E2EConsortium } from "./harness.js";
import { createPerson, type Created, type Person } from "./scenario.js";
import { consoleUrl, launchChromium, seriousViolations, signedInContext } from "./console-browser.js";
import { runJourney, SCREENSHOTS_DIR, type JourneyWords } from "./console-journey.js";

const GERMAN: JourneyWords = {
  language: "de",
  home: "Meine Programme",
  apply: (cohort) => `Für ${cohort} bewerben`,
  motivation: "Motivation",
  shortTermGoals: "Kurzfristige Ziele",
  longTermGoals: "Langfristige Ziele",
  availability: "Stunden pro Monat, die ich einbringen kann",
  submit: "Bewerbung absenden",
  submitted: "Abgesendet, wartet auf Prüfung",
  eligible: "Teilnahmeberechtigt",
  tandemIn: (cohort) => `Tandem in ${cohort}`,
  accept: "Tandem annehmen",
  waitingForPartner: "Sie haben angenommen; Ihr Gegenüber hat noch nicht geantwortet.",
  acceptedByBoth: "Von beiden angenommen, Vereinbarung noch nicht unterschrieben",
  notShared: "nicht für Sie freigegeben",
  shortTermGoal: "Kurzfristiges Ziel",
  longTermGoal: "Langfristiges Ziel",
  online: "Online",
  frequency: "Wie oft wir uns treffen",
  feedbackForm: "Wie wir Rückmeldung geben",
  saveVersion: "Als neue Fassung speichern",
  sign: (version) => `Fassung ${version} unterschreiben`,
  running: "Läuft",
  topics: "Themen (durch Kommas getrennt)",
  logMeeting: "Treffen eintragen",
};

const ENGLISH: JourneyWords = {
  language: "en",
  home: "My programmes",
  apply: (cohort) => `Apply to ${cohort}`,
  motivation: "Motivation",
  shortTermGoals: "Short-term goals",
  longTermGoals: "Long-term goals",
  availability: "Hours per month I can give",
  submit: "Submit application",
  submitted: "Submitted, waiting for review",
  eligible: "Eligible",
  tandemIn: (cohort) => `Tandem in ${cohort}`,
  accept: "Accept the tandem",
  waitingForPartner: "You accepted; your partner has not answered yet.",
  acceptedByBoth: "Accepted by both, agreement not signed yet",
  notShared: "not shared with you",
  shortTermGoal: "Short-term goal",
  longTermGoal: "Long-term goal",
  online: "Online",
  frequency: "How often we meet",
  feedbackForm: "How we give feedback",
  saveVersion: "Save as a new version",
  sign: (version) => `Sign version ${version}`,
  running: "Running",
  topics: "Topics (comma-separated)",
  logMeeting: "Log the meeting",
};

const NODES = ["hst", "zcu"];
let e2e: E2EConsortium;
let browser: Browser;
const people: Record<string, Created> = {};
const cohorts: Record<string, { id: string; label: string }> = {};
let startedAt: number;
/** Emma's tandem page, once the German journey made it. */
let emmasTandem: string;

const person = (node: string, role: Person["role"], displayName: string, about: string): Person => {
  const slug = displayName
    .normalize("NFD")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .replace(/ +/g, ".");
  return { node, role, displayName, email: `${slug}@${node}.example`, phone: `+49 651 ${displayName.length}0 ${about.length}`, organisation: `${node.toUpperCase()} Engineering`, about };
};

beforeAll(async () => {
  startedAt = Date.now();
  [e2e, browser] = await Promise.all([launchE2E(NODES), launchChromium()]);
  const student = { degreeLevel: "MASTER", semester: 3 };
  const [emma, jan, tereza, lukas, ben] = await Promise.all([
    createPerson(e2e, person("hst", "MENTEE", "Emma Richter", "Solar boats"), student),
    createPerson(e2e, person("zcu", "MENTOR", "Jan Novák", "Tram engineering"), {}),
    createPerson(e2e, person("zcu", "MENTEE", "Tereza Dvořáková", "Ceramic membranes"), student),
    createPerson(e2e, person("hst", "MENTOR", "Lukas Becker", "Hydrogen plants"), {}),
    createPerson(e2e, person("hst", "MENTEE", "Ben Schäfer", "Robot lawnmowers"), { degreeLevel: "BACHELOR", semester: 1 }),
  ]);
  Object.assign(people, { emma, jan, tereza, lukas, ben });
  const joint = e2e.as(who.jointCoordinator());
  for (const [key, name] of [
    ["de", "Tandem Trier–Plzeň"],
    ["en", "Greater Region Engineering"],
  ] as const) {
    const { cohort } = await programmeWithCohort(
      joint,
      name,
      NODES,
      NODES.map((nodeId) => ({ nodeId, mentees: 2, mentors: 2 })),
    );
    await joint.data(ADVANCE, { id: cohort.id, to: "APPLICATIONS_OPEN" });
    cohorts[key] = { id: cohort.id, label: `${name} 2027/28` };
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
  console.log(`console browser suite: ${((Date.now() - startedAt) / 1000).toFixed(0)} s with one consortium`);
});

describe("the web console", () => {
  it("is served by the gateway at / and says who is not signed in what to do", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(consoleUrl(e2e, "/some/bookmarked/address"));
    await page.getByRole("heading", { level: 1, name: "Vous n’êtes pas connecté·e" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    // the first Tab reaches the skip link, which moves the focus to the content
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Aller au contenu");
    await page.keyboard.press("Enter");
    expect(await page.evaluate("document.activeElement.id")).toBe("main");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows an applicant the rules refuse the answer of their home node, in their words", async () => {
    const context = await signedInContext(browser, e2e, { who: who.mentee(people.ben!.id), name: "Ben Schäfer", language: "en" });
    const page = await context.newPage();
    await page.goto(consoleUrl(e2e, "/"));
    await page.getByRole("link", { name: `Apply to ${cohorts.en!.label}` }).click();
    await page.getByLabel("Motivation").fill("Robot lawnmowers for the vineyards of the Moselle valley.");
    await page.getByLabel("Short-term goals").fill("Map one steep vineyard.");
    await page.getByLabel("Long-term goals").fill("Found a vineyard robotics company.");
    await page.getByRole("button", { name: "Submit application" }).click();
    await page.getByRole("heading", { name: "Your university's answer on eligibility" }).waitFor();
    expect(await page.getByRole("alert").innerText()).toMatch(/bachelor students may apply from their 3rd semester; you are in your 1st/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("takes a mentee from applying to a logged meeting, in German", { timeout: 240_000 }, async () => {
    emmasTandem = await runJourney({ e2e, browser, words: GERMAN, mentee: people.emma!, mentor: people.jan!, cohortId: cohorts.de!.id, cohortLabel: cohorts.de!.label, screenshots: SCREENSHOTS_DIR });
  });

  it("takes a mentee from applying to a logged meeting, in English", { timeout: 240_000 }, async () => {
    await runJourney({ e2e, browser, words: ENGLISH, mentee: people.tereza!, mentor: people.lukas!, cohortId: cohorts.en!.id, cohortLabel: cohorts.en!.label, screenshots: SCREENSHOTS_DIR });
  });

  it("remembers the language chosen in the header and asks the API in it", async () => {
    const context = await signedInContext(browser, e2e, { who: who.mentee(people.emma!.id), name: "Emma Richter", language: "en" });
    const page = await context.newPage();
    const languages: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/graphql") && request.method() === "POST") languages.push(request.headers()["accept-language"] ?? "");
    });
    await page.goto(consoleUrl(e2e, "/"));
    await page.getByRole("heading", { level: 1, name: "My programmes" }).waitFor();
    await page.getByLabel("Language").selectOption("cs");
    await page.getByRole("heading", { level: 1, name: "Moje programy" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Moje programy" }).waitFor();
    expect(languages[0]).toBe("en");
    expect(languages.at(-1)).toBe("cs");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  // last: it stops a node
  it("with the partner's university stopped, shows the rest and says which university is not reachable", async () => {
    await e2e.consortium.stopParty("zcu");
    const context = await signedInContext(browser, e2e, { who: who.mentee(people.emma!.id), name: "Emma Richter", language: "de" });
    const page = await context.newPage();
    await page.goto(consoleUrl(e2e, emmasTandem));
    await page.getByRole("alert").getByText("University of West Bohemia ist gerade nicht erreichbar").waitFor();
    await page.getByTestId("meetings").getByText("prototype, internship").waitFor();
    expect(await page.getByTestId("tandem-status").innerText()).toBe("Läuft");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
