/**
 * The participant's pages of the web console in Debian's Chromium against a
 * running consortium (one node, the office, the gateway). In German: a
 * mentee answers the check-in due on her running tandem, raises a concern
 * and submits her final evaluation there; another accepts the proposal a
 * matching round made her. In English: a mentee of a cohort shows the
 * events past the first page of 30 and sees a new one join them live with
 * every page shown kept, joins a full event's waiting list and sees the seat
 * come to her live when another gives his up, registers for her cohort's
 * mandatory kick-off, sees it in her package, creates her calendar link (the
 * feed it names carries the kick-off), joins an open peer group and ranks a
 * survey's topics. Every action is read back through the API afterwards;
 * every page is checked with axe.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADVANCE, REVIEW, SUBMIT, formInput, programmeWithCohort } from "./applications-scenario.js";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { RESPOND, asPerson, consentToMatching, createCohort, createPerson, proposeTandem, pseudonymOf, register, runRound, type Created, type Person } from "./scenario.js";
import { consoleUrl, launchChromium, seriousViolations, signedInContext } from "./console-browser.js";
import { SCREENSHOTS_DIR } from "./console-journey.js";

const NODES = ["hst"];
const DAY = 24 * 3600_000;
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const CREATE_EVENT = `mutation($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;
const STATEMENT = "We have not met since the kick-off; my mentor does not answer my mails.";

let e2e: E2EConsortium;
let browser: Browser;
let startedAt: number;
const people: Record<string, Created> = {};
let tandemId: string, matchingCohort: string, eventsCohort: string;
let fullEvent: string, kickOff: string, groupId: string;
/** Ben's seat at the full evening, which he gives up while Anna waits. */
let bensSeat: string;
let surveyId: string;
const TOPICS = [
  { code: "PITCH", title: "Pitching your research" },
  { code: "CV", title: "CV and interviews" },
  { code: "LEAD", title: "Leading a small team" },
];

const person = (role: Person["role"], displayName: string, extra: Record<string, unknown> = {}) => {
  const slug = displayName.toLowerCase().replace(/[^a-z]+/g, ".");
  return createPerson(
    e2e,
    { node: "hst", role, displayName, email: `${slug}@hst.example`, phone: "+49 651 8103 0000", organisation: `Team ${displayName}`, about: `${displayName} likes rivers` },
    extra,
  );
};
const matchingProfile = (profile: Record<string, unknown>) => ({ tracks: ["engineering"], languages: ["de", "en"], meetingFormat: "HYBRID", availabilityHoursPerMonth: 6, ...profile });

/** A running tandem of Mira and Max whose first check-in is due today (the cohort's mid-point). */
async function runningTandem(): Promise<void> {
  const [mira, max] = await Promise.all([person("MENTEE", "Mira Hoffmann"), person("MENTOR", "Max Weber")]);
  Object.assign(people, { mira, max });
  const cohortId = await createCohort(e2e, "Check-ins at the river", NODES, "NONE", { startsOn: dayFromToday(-60), endsOn: dayFromToday(60) });
  tandemId = await proposeTandem(e2e, cohortId, mira, max);
  for (const partner of [mira, max]) await asPerson(e2e, partner).data(RESPOND, { id: tandemId, accept: true });
  await e2e.as(who.jointCoordinator()).data(`mutation($id: ID!) { activateTandem(id: $id, overrideReason: "Signed on paper at the kick-off") { status } }`, { id: tandemId });
  await eventually(
    () => e2e.databases.query<{ n: number }>("node_hst", `SELECT count(*)::int AS n FROM active_tandems WHERE tandem_id = $1`, [tandemId]),
    (rows) => rows[0]!.n === 1,
  );
}

/** A solved matching round that proposes Hanna (mentee) and Henrik (mentor) to each other. */
async function matchingProposal(): Promise<void> {
  const [hanna, henrik] = await Promise.all([
    person("MENTEE", "Hanna Quellmalz", matchingProfile({ disciplineCode: "mechatronics", goalCodes: ["career-industry"], region: "DE-RP", experienceYears: 1, employer: "Fachschaft" })),
    person(
      "MENTOR",
      "Henrik Wolkenstein",
      matchingProfile({ disciplineCode: "mechatronics", goalCodes: ["career-industry"], region: "DE-RP", experienceYears: 20, mentorCapacity: 1, employer: "Wolkenstein Solar" }),
    ),
  ]);
  Object.assign(people, { hanna, henrik });
  matchingCohort = await createCohort(e2e, "Matched by the office", NODES);
  for (const each of [hanna, henrik]) await consentToMatching(e2e, each, matchingCohort);
  const round = await runRound(e2e, matchingCohort, "FULL");
  expect(round.proposals, JSON.stringify(round.unmatched)).toHaveLength(1);
}

/** Anna, enrolled in a cohort through her accepted application; its mandatory kick-off, a full evening open to all, an open peer group. */
async function enrolledMentee(): Promise<void> {
  const joint = e2e.as(who.jointCoordinator());
  eventsCohort = (await programmeWithCohort(joint, "Rivers and bridges", NODES, [{ nodeId: "hst", mentees: 5, mentors: 5 }])).cohort.id;
  await joint.data(ADVANCE, { id: eventsCohort, to: "APPLICATIONS_OPEN" });
  const [anna, ben] = await Promise.all([person("MENTEE", "Anna Becker", { degreeLevel: "MASTER", semester: 2 }), person("MENTEE", "Ben Schmitt")]);
  Object.assign(people, { anna, ben });
  const form = { motivation: "Anna wants to learn how bridges are built.", shortTermGoals: "An internship.", longTermGoals: "A career in civil engineering." };
  const submitted = await eventually(
    () => asPerson(e2e, anna).gateway(SUBMIT, { p: anna.id, c: eventsCohort, input: formInput(form) }),
    (result) => !result.errors?.length,
  );
  await e2e.as(who.coordinator("hst")).data(REVIEW, { id: submitted.data!.submitApplication.id, decision: "ACCEPT" });
  await eventually(
    () => e2e.databases.query<{ status: string }>("node_hst", `SELECT status FROM applications WHERE participant_id = $1`, [anna.id.split(":").at(-1)]),
    (rows) => rows[0]?.status === "ENROLLED",
  );
  const at = (days: number, hours: number) => new Date(Date.now() + days * DAY + hours * 3600_000).toISOString();
  const event = { timeZone: "Europe/Berlin", format: "IN_PERSON", location: "Trier, Schneidershof" };
  const hst = e2e.as(who.coordinator("hst"));
  fullEvent = (await hst.data(CREATE_EVENT, { node: "hst", input: { ...event, kind: "NETWORKING_EVENING", title: "Evening on the Moselle", startsAt: at(10, 0), endsAt: at(10, 2), capacity: 1 } }))
    .createEvent.id;
  bensSeat = (await register(e2e, ben, fullEvent)).id;
  const cohorts = [{ cohortId: eventsCohort, obligation: "MANDATORY", audience: "MENTEES" }];
  const kickOffInput = { ...event, kind: "KICK_OFF", title: "Kick-off of Rivers and bridges", startsAt: at(12, 0), endsAt: at(12, 3), capacity: 30, cohorts };
  kickOff = (
    await eventually(
      () => hst.gateway(CREATE_EVENT, { node: "hst", input: kickOffInput }),
      (result) => !result.errors?.length,
    )
  ).data!.createEvent.id;
  groupId = (
    await joint.data(`mutation($input: CreatePeerGroupInput!) { createPeerGroup(input: $input) { id } }`, {
      input: { cohortId: eventsCohort, name: "Bridge builders", topic: "Internships in civil engineering", mode: "OPEN" },
    })
  ).createPeerGroup.id;
  const survey = { cohortId: eventsCohort, title: "Trainings 2027/28", topics: TOPICS, closesAt: new Date(Date.now() + 3600_000).toISOString() };
  surveyId = (await joint.data(`mutation($input: OpenInterestSurveyInput!) { openInterestSurvey(input: $input) { id } }`, { input: survey })).openInterestSurvey.id;
}

/** More events than the console's first page of 30 shows, after the evening and the kick-off. */
const CAREER_WORKSHOPS = 30;
const careerWorkshop = (index: number) => `Career workshop ${String(index).padStart(2, "0")}`;

async function careerWorkshops(): Promise<void> {
  const hst = e2e.as(who.coordinator("hst"));
  for (let index = 1; index <= CAREER_WORKSHOPS; index++) await hst.data(CREATE_EVENT, { node: "hst", input: workshopInput(careerWorkshop(index), 20 + index) });
}

function workshopInput(title: string, days: number) {
  const startsAt = new Date(Date.now() + days * DAY);
  return {
    timeZone: "Europe/Berlin",
    format: "ONLINE",
    onlineUrl: "https://meet.hs-trier.de/career",
    kind: "WORKSHOP",
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
    capacity: 20,
  };
}

beforeAll(async () => {
  startedAt = Date.now();
  [e2e, browser] = await Promise.all([launchE2E(NODES), launchChromium()]);
  await Promise.all([runningTandem(), matchingProposal(), enrolledMentee(), careerWorkshops()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
  console.log(`console participant suite: ${((Date.now() - startedAt) / 1000).toFixed(0)} s with one consortium`);
});

async function open(user: Created, language: "de" | "en", path: string): Promise<Page> {
  const who_ = user.role === "MENTEE" ? who.mentee(user.id) : who.mentor(user.id);
  const context = await signedInContext(browser, e2e, { who: who_, name: user.displayName, language });
  const page = await context.newPage();
  await page.goto(consoleUrl(e2e, path));
  return page;
}

/** No serious or critical accessibility violation; a screenshot when asked for. */
async function checked(page: Page, name: string, language: "de" | "en"): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name} (${page.url()})`).toEqual([]);
  if (SCREENSHOTS_DIR) {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `console-${name}-${language}.png`), fullPage: true });
  }
}

/** Reloads the page until what facts travelling between the parties bring appears. */
async function untilShown(page: Page, locate: () => ReturnType<Page["getByText"]>, timeoutMs = 20_000): Promise<void> {
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

describe("the participant's pages of the web console", () => {
  it("has a mentee answer her check-in, raise a concern and submit her final evaluation on her tandem page, in German", { timeout: 60_000 }, async () => {
    const mira = people.mira!;
    const page = await open(mira, "de", `/tandems/${encodeURIComponent(tandemId)}`);
    const checkIn = page.getByTestId("check-in-form");
    await checkIn.getByRole("group", { name: "Wie zufrieden sind Sie mit dem Tandem?" }).getByLabel("4", { exact: true }).check();
    await checkIn.getByRole("group", { name: "Sind Sie mit Ihren Zielen auf Kurs?" }).getByLabel("Ja").check();
    await page.getByRole("button", { name: "Zwischenabfrage absenden" }).click();
    await page.getByTestId("check-ins").getByText("Zufriedenheit 4 von 5, auf Kurs: Ja").waitFor();
    await checked(page, "checkin", "de");
    const { checkIns } = await asPerson(e2e, mira).data(`query($t: ID!, $p: ID!) { checkIns(tandemId: $t, participantId: $p) { openDueOn answers { dueOn satisfaction onTrack contactRequested } } }`, {
      t: tandemId,
      p: mira.id,
    });
    expect(checkIns).toEqual({ openDueOn: null, answers: [{ dueOn: dayFromToday(0), satisfaction: 4, onTrack: true, contactRequested: false }] });

    await page.getByLabel("Worum geht es?").selectOption({ label: "Erwartungen" });
    await page.getByLabel("Was ist passiert (freiwillig)").fill(STATEMENT);
    await page.getByLabel("Die vermittelnde Stelle darf lesen, was ich geschrieben habe").check();
    await page.getByRole("button", { name: "Anliegen melden" }).click();
    await page.getByTestId("concerns").getByText("die vermittelnde Stelle darf Ihre Worte lesen").waitFor();
    await checked(page, "concern", "de");
    const { myConcerns } = await asPerson(e2e, mira).data(`query($t: ID!, $p: ID!) { myConcerns(tandemId: $t, participantId: $p) { concern mediator mediatorMayRead statement } }`, {
      t: tandemId,
      p: mira.id,
    });
    expect(myConcerns).toEqual([{ concern: "EXPECTATIONS", mediator: "JOINT_OFFICE", mediatorMayRead: true, statement: STATEMENT }]);

    await page.getByRole("group", { name: "Wie bewerten Sie das Programm (1 bis 5)?" }).getByLabel("5", { exact: true }).check();
    await page.getByLabel("Kommentar (bleibt an Ihrer Hochschule)").fill("Max kennt jede Brücke an der Mosel.");
    await page.getByRole("button", { name: "Evaluation abgeben" }).click();
    await page.getByTestId("evaluation").getByText("das Programm mit 5 von 5 bewertet").waitFor();
    const { myEvaluation } = await asPerson(e2e, mira).data(`query($t: ID!, $p: ID!) { myEvaluation(tandemId: $t, participantId: $p) { side programmeRating comment } }`, { t: tandemId, p: mira.id });
    expect(myEvaluation).toEqual({ side: "MENTEE", programmeRating: 5, comment: "Max kennt jede Brücke an der Mosel." });
    await page.context().close();
  });

  it("has a mentee accept the proposal a matching round made her, in German", { timeout: 60_000 }, async () => {
    const hanna = people.hanna!;
    const page = await open(hanna, "de", "/");
    await page.getByRole("link", { name: "Meine Matching-Vorschläge" }).click();
    await page.getByRole("heading", { level: 1, name: "Meine Matching-Vorschläge" }).waitFor();
    const proposals = page.getByTestId("proposals");
    await proposals.getByText("Vorgeschlagen", { exact: true }).waitFor();
    await proposals.getByText("Mentor", { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "Vorschlag annehmen" }).click();
    await page.getByTestId("proposal-status").getByText("Vom Mentee angenommen").waitFor();
    await checked(page, "proposals", "de");
    const { proof } = await pseudonymOf(e2e, hanna, matchingCohort);
    const { myMatchingProposals } = await asPerson(e2e, hanna).data(`query($c: ID!, $proof: String!) { myMatchingProposals(cohortId: $c, pseudonymProof: $proof) { status menteeResponse } }`, {
      c: matchingCohort,
      proof,
    });
    expect(myMatchingProposals).toEqual([{ status: "ACCEPTED_BY_MENTEE", menteeResponse: "ACCEPTED" }]);
    await page.context().close();
  });

  it(
    "has a mentee show more events, join a full event's waiting list, register for her kick-off, see her package, create her calendar link, join a peer group and rank a survey's topics, in English",
    { timeout: 90_000 },
    async () => {
      const anna = people.anna!;
      const page = await open(anna, "en", "/");
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Events" }).click();
      await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
      await page.getByTestId("events").getByText("Full, 0 waiting").waitFor();
      await checked(page, "events-list", "en");
      const rows = page.getByTestId("events").locator("tbody tr");
      expect(await rows.count()).toBe(30);
      await page.getByRole("button", { name: "Show more events" }).click();
      await page.getByRole("link", { name: careerWorkshop(CAREER_WORKSHOPS), exact: true }).waitFor();
      const shown = await rows.count();
      expect(shown).toBeGreaterThan(30);
      expect(await page.getByRole("button", { name: "Show more events" }).count()).toBe(0);
      // a new event comes live: the page reads both pages again and keeps the second
      await e2e.as(who.coordinator("hst")).data(CREATE_EVENT, { node: "hst", input: workshopInput("Closing workshop", 60) });
      await page.getByRole("link", { name: "Closing workshop", exact: true }).waitFor({ timeout: 15_000 });
      expect(await rows.count()).toBe(shown + 1);
      await page.getByRole("link", { name: careerWorkshop(1), exact: true }).waitFor();

      await page.getByRole("link", { name: "Evening on the Moselle" }).click();
      await page.getByRole("heading", { level: 1, name: "Evening on the Moselle" }).waitFor();
      await page.getByRole("button", { name: "Join the waiting list" }).click();
      await page.getByTestId("my-registration").getByText("The event is full: you are number 1 on the waiting list.").waitFor();
      await checked(page, "event", "en");
      const registrationsOf = async (eventId: string) =>
        (await asPerson(e2e, anna).data(`query($id: ID!) { event(id: $id) { registrations { participantId status waitlistPosition } } }`, { id: eventId })).event.registrations;
      expect(await registrationsOf(fullEvent)).toEqual([{ participantId: anna.id, status: "WAITLISTED", waitlistPosition: 1 }]);
      // Ben gives up his seat: the first on the waiting list gets it, and Anna's page says so without a reload
      await asPerson(e2e, people.ben!).data(`mutation($id: ID!) { cancelRegistration(id: $id) { status } }`, { id: bensSeat });
      await page.getByTestId("my-registration").getByText("You are registered: your seat is confirmed.").waitFor({ timeout: 15_000 });
      expect(await registrationsOf(fullEvent)).toEqual([{ participantId: anna.id, status: "CONFIRMED", waitlistPosition: null }]);

      await page.getByRole("link", { name: "Back to the events" }).click();
      await page.getByRole("link", { name: "Kick-off of Rivers and bridges" }).first().click();
      await page.getByRole("button", { name: "Register" }).click();
      await page.getByTestId("my-registration").getByText("You are registered: your seat is confirmed.").waitFor();
      expect(await registrationsOf(kickOff)).toEqual([{ participantId: anna.id, status: "CONFIRMED", waitlistPosition: null }]);

      await page.getByRole("link", { name: "Back to the events" }).click();
      await page.getByRole("heading", { name: "My package in Rivers and bridges 2027/28" }).waitFor();
      await page.getByTestId("package").getByText("mandatory, registered").waitFor();
      const { programmePackage } = await asPerson(e2e, anna).data(
        `query($c: ID!, $p: ID!) { programmePackage(cohortId: $c, participantId: $p) { mandatory open items { eventId mandatory registered } } }`,
        {
          c: eventsCohort,
          p: anna.id,
        },
      );
      expect(programmePackage).toEqual({ mandatory: 1, open: 1, items: [{ eventId: kickOff, mandatory: true, registered: true }] });

      await page.getByRole("button", { name: "Create a new calendar link" }).click();
      const link = page.getByLabel("Your calendar link");
      await link.waitFor();
      const url = await link.inputValue();
      await checked(page, "events", "en");
      const calendar = await fetch(url);
      expect(calendar.headers.get("content-type")).toMatch(/^text\/calendar/);
      const text = await calendar.text();
      expect(text).toContain("Kick-off of Rivers and bridges");

      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Peer groups" }).click();
      await page.getByRole("heading", { level: 1, name: "Peer groups" }).waitFor();
      await page.getByRole("button", { name: "Join Bridge builders" }).click();
      await page.getByTestId("my-peer-groups").getByTestId("my-status").getByText("You are a member.").waitFor();
      await checked(page, "peer-groups", "en");
      const { myPeerGroups } = await asPerson(e2e, anna).data(`query($p: ID!) { myPeerGroups(participantId: $p) { id myStatus consentedCount } }`, { p: anna.id });
      expect(myPeerGroups).toEqual([{ id: groupId, myStatus: "CONSENTED", consentedCount: 1 }]);

      // the survey reaches her home node as a fact: the page shows it once there
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Surveys" }).click();
      await page.getByRole("heading", { level: 1, name: "Interest surveys" }).waitFor();
      await untilShown(page, () => page.getByLabel("CV and interviews"));
      await page.getByLabel("CV and interviews").selectOption({ label: "Place 1" });
      await page.getByLabel("Leading a small team").selectOption({ label: "Place 2" });
      await page.getByRole("button", { name: "Save my ranking" }).click();
      await page.getByText("Ranked on").waitFor();
      await checked(page, "surveys", "en");
      const { myInterestSurveys } = await asPerson(e2e, anna).data(`query($p: ID!) { myInterestSurveys(participantId: $p) { surveyId myRanking } }`, { p: anna.id });
      expect(myInterestSurveys).toEqual([{ surveyId, myRanking: ["CV", "LEAD"] }]);
      await page.context().close();
    },
  );
});
