/**
 * The node coordinator's pages of the web console in Debian's Chromium,
 * against one consortium of one node: the coordinator lands on the
 * applications to review, sees an application submitted through the API
 * appear without a reload, refuses a rejection without a reason at the
 * field, accepts it (the applicant then reads ACCEPTED through the API) —
 * in German; opens an event they host, sees a registration arrive live and
 * records attendance, which the API then shows — in English. Every page
 * visited is checked for serious accessibility violations.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { applicationPipelineTopic, registrationsTopic } from "@tandem/shared";
import { ADVANCE, formInput, programmeWithCohort, READ, SUBMIT, upstreamTopics } from "./applications-scenario.js";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { asPerson, createPerson, register, type Created } from "./scenario.js";
import { consoleUrl, launchChromium, seriousViolations, signedInContext } from "./console-browser.js";
import { SCREENSHOTS_DIR } from "./console-journey.js";

const NODE = "hst";
/** The event starts this long after it is created: attendance is taken once it started. */
const EVENT_STARTS_IN_MS = 12_000;

let e2e: E2EConsortium;
let browser: Browser;
let startedAt: number;
let cohortId: string;
let emma: Created;
let lukas: Created;
let jan: Created;

/** An event the node hosts, starting shortly: people register before it starts, attendance is recorded once it started. */
async function hostEvent(): Promise<{ id: string; title: string; startsAt: number }> {
  const startsAt = Date.now() + EVENT_STARTS_IN_MS;
  const title = "Evening of the solar boats";
  const input = {
    kind: "NETWORKING_EVENING",
    title,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 2 * 3600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "IN_PERSON",
    location: "Schneidershof, room 12",
    capacity: 20,
  };
  const { createEvent } = await e2e.as(who.coordinator(NODE)).data(`mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`, { node: NODE, input });
  return { id: createEvent.id, title, startsAt };
}

beforeAll(async () => {
  startedAt = Date.now();
  // the gateway outside production answers GET /debug/live: the test waits until it follows a page's topic upstream
  [e2e, browser] = await Promise.all([launchE2E([NODE], { gatewayEnv: { NODE_ENV: "development" } }), launchChromium()]);
  const student = { degreeLevel: "MASTER", semester: 3 };
  [emma, lukas, jan] = await Promise.all([
    createPerson(e2e, { node: NODE, role: "MENTEE", displayName: "Emma Richter", email: "emma.richter@hst.example", phone: "+49 651 8103 10", organisation: "HST", about: "Solar boats" }, student),
    createPerson(e2e, { node: NODE, role: "MENTEE", displayName: "Lukas Becker", email: "lukas.becker@hst.example", phone: "+49 651 8103 20", organisation: "HST", about: "Hydrogen" }, student),
    createPerson(e2e, { node: NODE, role: "MENTOR", displayName: "Jan Novák", email: "jan.novak@hst.example", phone: "+49 651 8103 30", organisation: "Trams", about: "Tram engineering" }),
  ]);
  const joint = e2e.as(who.jointCoordinator());
  cohortId = (await programmeWithCohort(joint, "Tandem Trier", [NODE], [{ nodeId: NODE, mentees: 3, mentors: 3 }])).cohort.id;
  await joint.data(ADVANCE, { id: cohortId, to: "APPLICATIONS_OPEN" });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
  console.log(`console node suite: ${((Date.now() - startedAt) / 1000).toFixed(0)} s with one consortium`);
});

async function coordinatorPage(language: "de" | "en"): Promise<Page> {
  const context = await signedInContext(browser, e2e, { who: who.coordinator(NODE), name: "Koordination HST", language });
  return context.newPage();
}

/** An instant as a datetime-local field takes it, in this machine's time zone (the browser's). */
function localDateTime(at: number): string {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** No serious or critical accessibility violation; a screenshot when asked for (`npm run screenshots`). */
async function checked(page: Page, name: string, language: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name} (${page.url()})`).toEqual([]);
  if (SCREENSHOTS_DIR) {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `console-node-${name}-${language}.png`), fullPage: true });
  }
}

/** Until the gateway holds `topic` upstream from a known position: an update published from then on reaches the open page. */
async function followed(topic: string): Promise<void> {
  await eventually(
    () => upstreamTopics(e2e.consortium.gatewayUrl!),
    (topics) => topics.some((each) => each.topic === topic && each.position !== null),
  );
}

describe("the node coordinator's console", () => {
  it("reviews an application that arrives live and accepts it, in German", async () => {
    const page = await coordinatorPage("de");
    // the coordinator's landing page
    await page.goto(consoleUrl(e2e, "/"));
    await page.getByRole("heading", { level: 1, name: "Bewerbungen prüfen" }).waitFor();
    await page.getByText("Keine Bewerbung passt.").waitFor();
    await followed(applicationPipelineTopic(cohortId, NODE));

    // Emma applies through the API; her application appears without a reload
    const form = { motivation: "Emma wants to build solar boats for the Moselle.", shortTermGoals: "A working prototype.", longTermGoals: "An engineering career." };
    const submitted = await eventually(
      () => asPerson(e2e, emma).gateway(SUBMIT, { p: emma.id, c: cohortId, input: formInput(form) }),
      (result) => !result.errors?.length,
    );
    const applicationId = submitted.data.submitApplication.id as string;
    const row = page.getByTestId("applications").getByRole("row", { name: /Emma Richter/ });
    await row.getByText("Abgesendet, wartet auf Prüfung").waitFor({ timeout: 15_000 });
    await expect(row.getByText("Tandem Trier 2027/28").count()).resolves.toBe(1);
    await checked(page, "applications", "de");

    // opened: what she wrote and the verdict
    await row.getByRole("link", { name: "Emma Richter" }).click();
    await page.getByRole("heading", { level: 1, name: "Bewerbung von Emma Richter" }).waitFor();
    await page.getByText(form.motivation).waitFor();
    expect(await page.getByTestId("eligibility").innerText()).toContain("Teilnahmeberechtigt");

    // a rejection needs a reason: refused at the field, nothing sent
    await page.getByLabel("Absagen").check();
    await page.getByRole("button", { name: "Entscheidung speichern" }).click();
    const reason = page.getByLabel(/^Begründung/);
    await page.getByText("Bitte geben Sie eine Begründung an").waitFor();
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    expect((await asPerson(e2e, emma).data(READ, { id: applicationId })).application.status).toBe("SUBMITTED");
    await checked(page, "application", "de");

    // accepted: the page follows the application, the applicant reads it through the API
    await page.getByLabel("Annehmen").check();
    await page.getByRole("button", { name: "Entscheidung speichern" }).click();
    await page
      .getByTestId("application-status")
      .getByText(/Angenommen|Eingeschrieben/)
      .waitFor({ timeout: 15_000 });
    const mine = (await asPerson(e2e, emma).data(READ, { id: applicationId })).application;
    expect(mine).toMatchObject({ decision: "ACCEPT" });
    expect(["ACCEPTED", "ENROLLED"]).toContain(mine.status);

    // the office enrols Emma (on the acceptance) and proposes her a tandem with Jan (API)
    await eventually(
      async () => (await asPerson(e2e, emma).data(READ, { id: applicationId })).application.status,
      (status) => status === "ENROLLED",
    );
    const joint = e2e.as(who.jointCoordinator());
    await joint.data(`mutation($input: EnrolInput!) { enrol(input: $input) { id } }`, { input: { cohortId, participantId: jan.id, role: "MENTOR", track: "engineering" } });
    for (const to of ["REVIEW", "MATCHING"]) await joint.data(ADVANCE, { id: cohortId, to });
    await joint.data(`mutation($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }`, { input: { cohortId, menteeId: emma.id, mentorId: jan.id } });

    // her page among the participants: the enrolment the office holds
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Teilnehmende" }).click();
    await page.getByRole("heading", { level: 1, name: "Teilnehmende" }).waitFor();
    await page.getByTestId("participants").getByText("lukas.becker@hst.example").waitFor();
    await checked(page, "participants", "de");
    await page.getByTestId("participants").getByRole("link", { name: "Emma Richter" }).click();
    await page.getByRole("heading", { level: 1, name: "Emma Richter" }).waitFor();
    await page.getByTestId("enrolments").getByText("Tandem Trier 2027/28: Mentee, Schwerpunkt engineering — aktiv").waitFor();
    await checked(page, "participant", "de");

    // her tandem among the node's people's
    await page.getByRole("link", { name: "Tandems und Fälle" }).click();
    const tandem = page.getByTestId("tandems").getByRole("row", { name: /Emma Richter/ });
    await tandem.getByText("Jan Novák").waitFor();
    expect(await tandem.innerText()).toContain("noch keine Fassung");
    await checked(page, "tandems", "de");

    // the audit log holds, about her, the coordinator's reading of her application
    await page.getByRole("link", { name: "Protokoll" }).click();
    await page.getByLabel(/^Nur Einträge zur teilnehmenden Person/).fill(emma.id);
    await page.getByRole("button", { name: "Filtern" }).click();
    await page.getByTestId("audit").getByText("read-application").first().waitFor();
    await checked(page, "audit", "de");
    await page.context().close();
  });

  it("opens an event it hosts, sees a registration arrive live and records attendance, in English", async () => {
    const event = await hostEvent();
    const page = await coordinatorPage("en");
    await page.goto(consoleUrl(e2e, "/node/events"));
    await page.getByRole("heading", { level: 1, name: "Our events" }).waitFor();
    await checked(page, "events", "en");
    await page.getByTestId("events").getByRole("link", { name: event.title }).click();
    await page.getByRole("heading", { level: 1, name: event.title }).waitFor();
    await page.getByText("Nobody has registered yet.").waitFor();
    await page.getByText("Attendance can be recorded once the event has started.").waitFor();
    await followed(registrationsTopic(event.id));

    // Lukas registers through the API; his registration appears without a reload
    const registration = await register(e2e, lukas, event.id);
    const row = page.getByTestId("registrations").getByRole("row", { name: /Lukas Becker/ });
    await row.getByText("not recorded").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("event-counts").innerText()).toBe("1 of 20 confirmed, 0 waiting, 19 free");
    await checked(page, "event", "en");

    // while it has not started: creating another event, bad input refused at the field it concerns
    await page.getByRole("link", { name: "Back to our events" }).click();
    const create = page.getByRole("form", { name: "Create an event" });
    await create.getByLabel("Starts (local time)").fill(localDateTime(Date.now() - 3600_000));
    await create.getByLabel("Ends (local time)").fill(localDateTime(Date.now() + 3600_000));
    await create.getByRole("button", { name: "Create the event" }).click();
    await create.getByText("Title is required.").waitFor();
    expect(await create.getByLabel("Title", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await create.getByLabel("Title", { exact: true }).fill("Workshop: pitching an idea");
    await create.getByRole("button", { name: "Create the event" }).click();
    // the node refuses an in-person event without a place, then a start in the past, naming the field: said there
    await create.getByText("Please check Address or room: is required for in-person events").waitFor();
    await create.getByLabel("Address or room").fill("Schneidershof, room 3");
    await create.getByRole("button", { name: "Create the event" }).click();
    await create.getByText("Please check Starts (local time): must be in the future").waitFor();
    expect(await create.getByLabel("Starts (local time)").getAttribute("aria-invalid")).toBe("true");
    await checked(page, "create-event", "en");
    await create.getByLabel("Starts (local time)").fill(localDateTime(Date.now() + 7 * 86_400_000));
    await create.getByLabel("Ends (local time)").fill(localDateTime(Date.now() + 7 * 86_400_000 + 7_200_000));
    await create.getByRole("button", { name: "Create the event" }).click();
    await page.getByRole("heading", { level: 1, name: "Workshop: pitching an idea" }).waitFor();
    const hosted = await e2e.as(who.coordinator(NODE)).data(`query { events(nodes: ["hst"], first: 10) { edges { node { title kind capacity } } } }`);
    expect(hosted.events.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({ title: "Workshop: pitching an idea", kind: "NETWORKING_EVENING", capacity: 30 });

    // once the first event has started, the coordinator records that Lukas came
    await page.goto(consoleUrl(e2e, `/node/events/${encodeURIComponent(event.id)}`));
    // the page says when attendance can be taken, and stops saying it at the start
    await row.getByText("not recorded").waitFor();
    await page.getByText("Attendance can be recorded once the event has started.").waitFor({ state: "hidden", timeout: Math.max(0, event.startsAt - Date.now()) + 5_000 });
    await row.getByLabel("Attendance of Lukas Becker").selectOption("ATTENDED");
    await row.getByRole("button", { name: "Record attendance of Lukas Becker" }).click();
    await row.getByText("Attended (recorded by the host)").waitFor({ timeout: 15_000 });
    const { registration: recorded } = await asPerson(e2e, lukas).data(`query($id: ID!) { registration(id: $id) { id attendance attendanceSource } }`, { id: registration.id });
    expect(recorded).toEqual({ id: registration.id, attendance: "ATTENDED", attendanceSource: "HOST" });
    await checked(page, "event-attended", "en");

    // his page among the participants shows it too
    await page.goto(consoleUrl(e2e, `/node/participants/${encodeURIComponent(lukas.id)}`));
    await page.getByTestId("registrations").getByText(`${event.title}`, { exact: false }).waitFor();
    expect(await page.getByTestId("registrations").innerText()).toContain(": Attended");
    await page.context().close();
  });
});
