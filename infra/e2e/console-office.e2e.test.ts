/**
 * The joint office in the web console, in Debian's Chromium, against one
 * running consortium (two nodes): programmes and cohorts, a new cohort (bad
 * input refused with the field named), a cohort moved on and its pipeline
 * filling live as a student applies, and a
 * matching round started in the browser and watched live — the page shows
 * the running state and then the proposals through `matchingRoundUpdated`,
 * without a reload or a poll — with each criterion's points, an unmatched
 * mentee's reason, a ban and a pin. Once in German, once in English; axe on
 * every page visited. A programme's matching weights and completion rules
 * edited in the browser (a value out of range refused at its field, nothing
 * changed), with no controls for a node coordinator. The office pulls the nodes' profiles through a
 * gateway that holds each call 3 s (a busy node), so that a round runs
 * long enough to be watched: the page follows a round from when its
 * subscription is in place (see README, Web console).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { freePort } from "@tandem/shared";
import { consoleUrl, launchChromium, seriousViolations, signedInContext } from "./console-browser.js";
import { SCREENSHOTS_DIR } from "./console-journey.js";
import { launchE2E, who, type E2EConsortium } from "./harness.js";
import { liveClient } from "./live-client.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";
import { SUBMIT, formInput } from "./applications-scenario.js";
import { consentToMatching, createCohort, createPerson, pseudonymOf, type Created } from "./scenario.js";

const NODES = ["hst", "zcu"];
let e2e: E2EConsortium;
let recording: RecordingGateway;
/** The matching rounds' profile fetches (as the nodes receive them) wait for this: watchRound holds them until its page shows the round running. */
let profilesReleased: Promise<void> = Promise.resolve();
const PROFILE_FETCH = /query MatchingRoundProfiles\w*\(/;
let browser: Browser;
let startedAt: number;

interface Cohort {
  id: string;
  label: string;
  mentees: Created[];
  mentors: Created[];
}
const cohorts: Record<"de" | "en", Cohort> = {} as Record<"de" | "en", Cohort>;

const profile = { tracks: ["engineering"], languages: ["de", "en"], meetingFormat: "HYBRID", availabilityHoursPerMonth: 6 };
const joint = () => e2e.as(who.jointCoordinator());

/** A programme over both nodes with a cohort in MATCHING, two mentees and one mentor (one place) who consented: one pair, one mentee left over. */
async function matchingCohort(name: string, people: [string, string, string]): Promise<Cohort> {
  const id = await createCohort(e2e, name, NODES);
  const slug = (displayName: string) =>
    displayName
      .normalize("NFD")
      .toLowerCase()
      .replace(/[^a-z ]/g, "")
      .replace(/ +/g, ".");
  const [first, second, mentorName] = people;
  const mentees = await Promise.all(
    [
      ["hst", first, "mechatronics", 1],
      ["zcu", second, "energy-systems", 2],
    ].map(([node, displayName, disciplineCode, experienceYears]) =>
      createPerson(
        e2e,
        {
          node: String(node),
          role: "MENTEE",
          displayName: String(displayName),
          email: `${slug(String(displayName))}@students.${node}.example`,
          phone: "+49 651 000 111",
          organisation: "Fachschaft",
          about: "Robots",
        },
        { ...profile, disciplineCode, goalCodes: ["career-industry"], region: node === "hst" ? "DE-RP" : "CZ-PL", experienceYears },
      ),
    ),
  );
  const mentor = await createPerson(
    e2e,
    { node: "zcu", role: "MENTOR", displayName: mentorName, email: `${slug(mentorName)}@alumni.zcu.example`, phone: "+420 377 000 222", organisation: "Škoda Transportation", about: "Trams" },
    { ...profile, disciplineCode: "mechatronics", goalCodes: ["career-industry"], region: "CZ-PL", experienceYears: 18, mentorCapacity: 1 },
  );
  for (const person of [...mentees, mentor]) await consentToMatching(e2e, person, id);
  return { id, label: `${name} 2027`, mentees, mentors: [mentor] };
}

beforeAll(async () => {
  startedAt = Date.now();
  const recordingPort = await freePort();
  [e2e, browser] = await Promise.all([launchE2E(NODES, { coordinationEnv: { GATEWAY_URL: `http://127.0.0.1:${recordingPort}/graphql` } }), launchChromium()]);
  console.log(`console office suite: consortium up after ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  recording = await startRecordingGateway(e2e, recordingPort, { pace: { capacity: 4, serviceMs: 3_000, hold: { matches: PROFILE_FETCH, until: () => profilesReleased } } });
  [cohorts.de, cohorts.en] = await Promise.all([
    matchingCohort("Tandem Trier–Plzeň", ["Greta Hollerbach", "Zuzana Malá", "Radek Krátký"]),
    matchingCohort("Greater Region Engineering", ["Paul Reinert", "Eliška Horová", "Tomáš Veselý"]),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await recording?.stop();
  await e2e?.stop();
  console.log(`console office suite: ${((Date.now() - startedAt) / 1000).toFixed(0)} s with one consortium`);
});

/** No serious or critical accessibility violation; a screenshot when CONSOLE_SCREENSHOTS is set. */
async function checked(page: Page, name: string, language: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name} (${page.url()})`).toEqual([]);
  if (SCREENSHOTS_DIR) {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `console-office-${name}-${language}.png`), fullPage: true });
  }
}

/** Waits for `locator`; when it does not come, fails with what the page shows instead. */
async function shown(page: Page, locator: ReturnType<Page["locator"]>, timeout = 30_000): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- the page shows:\n${await page.locator("main").innerText()}`);
  }
}

/** A moment as a `datetime-local` field takes it, in local time. */
function localDateTime(at: number): string {
  const date = new Date(at);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

interface Words {
  language: "de" | "en";
  programmes: string;
  cohortTitle: (label: string) => string;
  matchingState: string;
  toMatching: string;
  startRound: string;
  running: RegExp;
  solved: string;
  criterion: string;
  unmatchedReason: string;
}

const GERMAN: Words = {
  language: "de",
  programmes: "Programme und Jahrgänge",
  cohortTitle: (label) => `Jahrgang ${label}`,
  matchingState: "Matching",
  toMatching: "Matching-Runden, Festlegungen und Sperren",
  startRound: "Runde starten",
  running: /Profile werden abgerufen|Bewertung und Zuordnung/,
  solved: "Fertig, 100 %",
  criterion: "Schwerpunkt",
  unmatchedReason: "Die Plätze der passenden Mentor:innen gingen an andere Mentees",
};

const ENGLISH: Words = {
  language: "en",
  programmes: "Programmes and cohorts",
  cohortTitle: (label) => `Cohort ${label}`,
  matchingState: "Matching",
  toMatching: "Matching rounds, pins and bans",
  startRound: "Start the round",
  running: /Pulling profiles|Scoring and matching/,
  solved: "Done, 100 %",
  criterion: "Track",
  unmatchedReason: "The compatible mentors' places went to other mentees",
};

const ROUND = `query($id: ID!) { matchingRound(id: $id) { status progress proposals { menteePseudonym mentorPseudonym score breakdown { criterion points } } unmatched { menteePseudonym reason } } }`;
const RULES = `query($id: ID!) { cohort(id: $id) { matchingPairRules { kind menteePseudonym mentorPseudonym } } }`;

/** What the page's socket received of a round: each update's status and progress, in order. */
function roundFrames(frames: readonly string[]): { change: string; status: string; progress: number }[] {
  return frames
    .map((frame) => JSON.parse(frame) as { type: string; payload?: { data?: { matchingRoundUpdated?: { change: string; matchingRound: { status: string; progress: number } | null } } } })
    .flatMap((message) => {
      const update = message.type === "next" ? message.payload?.data?.matchingRoundUpdated : undefined;
      return update?.matchingRound ? [{ change: update.change, status: update.matchingRound.status, progress: update.matchingRound.progress }] : [];
    });
}

/**
 * The joint coordinator lands on the programmes, opens the cohort, starts a
 * FULL round and watches it: the page shows it running, then done with the
 * proposals, all from the subscription. Returns the round's page.
 */
async function watchRound(words: Words, cohort: Cohort): Promise<{ page: Page; roundId: string }> {
  const context = await signedInContext(browser, e2e, { who: who.jointCoordinator(), name: "Joint Office", language: words.language });
  const page = await context.newPage();
  await page.goto(consoleUrl(e2e, "/"));
  // the joint coordinator's first page: the programmes
  await page.getByRole("heading", { level: 1, name: words.programmes }).waitFor();
  await page.getByRole("heading", { level: 2, name: cohort.label.replace(/ 2027$/, "") }).waitFor();
  await checked(page, "programmes", words.language);

  await page.getByRole("link", { name: cohort.label }).click();
  await page.getByRole("heading", { level: 1, name: words.cohortTitle(cohort.label) }).waitFor();
  expect(await page.getByTestId("cohort-state").innerText()).toBe(words.matchingState);
  await page.locator("#pipeline").waitFor();
  await checked(page, "cohort", words.language);

  await page.getByRole("link", { name: words.toMatching }).click();
  await page.getByRole("button", { name: words.startRound }).waitFor();
  await checked(page, "cohort-matching", words.language);

  // from here on: what the socket brings, how often the round is asked for over HTTP, and that the document is never reloaded
  const frames: string[] = [];
  page.on("websocket", (socket) => socket.on("framereceived", (frame) => frames.push(String(frame.payload))));
  let roundQueries = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/graphql") && (request.postData() ?? "").includes("query OfficeRound(")) roundQueries++;
  });
  await page.evaluate("window.__sameDocument = true");
  // the round's profiles are held until the page shows it running (however long a busy machine takes to get there), then come 3 s late
  let release!: () => void;
  profilesReleased = new Promise<void>((resolve) => (release = resolve));
  await page.getByRole("button", { name: words.startRound }).click();
  await page.waitForURL(/\/office\/matching\//);
  const roundId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);

  // running, then done, without a reload
  try {
    // the profiles wait for this, so a long wait costs nothing when the page is quick (a page that missed the step reads the round again after 5 s of silence, later on a loaded machine); held and served, they stay inside the round's 30 s for its fetch
    await page.getByTestId("round-status").getByText(words.running).waitFor({ timeout: 25_000 });
  } finally {
    release();
  }
  await shown(page, page.getByTestId("round-status").getByText(words.solved));
  await page.getByTestId("proposal").first().waitFor();
  // what was held: the round's profile fetches, as the nodes received them
  expect(recording.exchanges().some((exchange) => PROFILE_FETCH.test(exchange.requestBody))).toBe(true);
  expect(await page.evaluate("window.__sameDocument")).toBe(true);
  // the page asked for the round once; every later state came over the socket
  expect(roundQueries).toBe(1);
  // an earlier step's update may already read the round done (it is read when delivered); the SOLVED update follows it
  await expect.poll(() => roundFrames(frames).at(-1)?.change, { timeout: 10_000 }).toBe("SOLVED");
  const heard = roundFrames(frames);
  // the socket brought the round while it ran (its start and fetching go out before the page can follow it: it hears scoring), then done
  expect(heard.some((each) => each.status === "SOLVING" && each.progress < 100)).toBe(true);
  expect(heard.at(-1)).toMatchObject({ change: "SOLVED", status: "SOLVED", progress: 100 });
  const progress = heard.map((each) => each.progress);
  expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  expect(await page.getByTestId("round-live").locator("li").count()).toBe(heard.length);
  return { page, roundId };
}

/** The first proposal's points per criterion and the unmatched mentee's reason, as the API gives them, are on the page. */
async function expectScoresAndReasons(page: Page, words: Words, roundId: string): Promise<any> {
  const { matchingRound } = await joint().data(ROUND, { id: roundId });
  expect(matchingRound).toMatchObject({ status: "SOLVED", progress: 100 });
  expect(matchingRound.proposals).toHaveLength(1);
  const [proposal] = matchingRound.proposals;
  const card = page.getByTestId("proposal").first();
  await card.getByText(proposal.menteePseudonym).waitFor();
  const rows = card.locator("tbody tr");
  expect(await rows.count()).toBe(proposal.breakdown.length);
  const points = new Intl.NumberFormat(words.language, { maximumFractionDigits: 4 });
  const track = proposal.breakdown.find((part: { criterion: string }) => part.criterion === "TRACK");
  const trackRow = rows.filter({ has: page.getByRole("rowheader", { name: words.criterion, exact: true }) });
  expect(await trackRow.locator("td").last().innerText()).toBe(points.format(track.points));
  expect(matchingRound.unmatched).toEqual([expect.objectContaining({ reason: "CAPACITY_EXHAUSTED" })]);
  const unmatched = page.getByTestId("unmatched").getByRole("row").filter({ hasText: matchingRound.unmatched[0].menteePseudonym });
  expect(await unmatched.innerText()).toContain(words.unmatchedReason);
  return proposal;
}

describe("the joint office in the console", () => {
  it("runs a matching round and watches it live, sees the points and reasons, and bans the pair, in German", { timeout: 90_000 }, async () => {
    const cohort = cohorts.de;
    const { page, roundId } = await watchRound(GERMAN, cohort);
    const proposal = await expectScoresAndReasons(page, GERMAN, roundId);
    await checked(page, "matching", "de");

    await page.getByRole("button", { name: "Paar 1 sperren" }).click();
    await page.getByRole("status").getByText("Paar 1 ist gesperrt").waitFor();
    await page.getByTestId("pair-rules").getByText("Sperren:").waitFor();
    const { cohort: rules } = await joint().data(RULES, { id: cohort.id });
    expect(rules.matchingPairRules).toEqual([{ kind: "BAN", menteePseudonym: proposal.menteePseudonym, mentorPseudonym: proposal.mentorPseudonym }]);
    // the pseudonym stands for the mentor, as his home node knows him
    expect((await pseudonymOf(e2e, cohort.mentors[0]!, cohort.id)).pseudonym).toBe(proposal.mentorPseudonym);
    expect(await seriousViolations(page)).toEqual([]);
    // no name reached the page: pseudonyms only
    const text = await page.locator("main").innerText();
    for (const person of [...cohort.mentees, ...cohort.mentors]) expect(text).not.toContain(person.displayName);
    await page.context().close();
  });

  it("refuses a cohort that ends before it starts, naming the field, then creates it; runs a round live and pins the pair, in English", { timeout: 90_000 }, async () => {
    const context = await signedInContext(browser, e2e, { who: who.jointCoordinator(), name: "Joint Office", language: "en" });
    const page = await context.newPage();
    await page.goto(consoleUrl(e2e, "/office/programmes"));
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create the cohort" }) });
    await page.getByRole("heading", { level: 2, name: "New cohort" }).waitFor();
    await form.getByLabel("Programme").selectOption({ label: "Greater Region Engineering" });
    await form.getByLabel("Name of the cohort").fill("2028");
    await form.getByLabel("Starts on").fill("2028-03-01");
    await form.getByLabel("Ends on").fill("2028-02-01");
    await form.getByRole("button", { name: "Create the cohort" }).click();
    const endsOn = form.getByLabel("Ends on");
    await page.locator(`#cohort-ends[aria-invalid="true"]`).waitFor();
    expect(await page.locator("#cohort-ends-error").innerText()).toMatch(/endsOn.*must be after startsOn/);
    expect(await endsOn.getAttribute("aria-describedby")).toBe("cohort-ends-error");
    const before = (await joint().data(`{ programmes { name cohorts { name } } }`)).programmes.find((each: { name: string }) => each.name === "Greater Region Engineering").cohorts;
    expect(before.map((each: { name: string }) => each.name)).toEqual(["2027"]);
    await checked(page, "new-cohort-refused", "en");

    await endsOn.fill("2028-12-15");
    // applications open an hour ago and close in two days (the browser's local time, as a person types it)
    await form.getByLabel("Applications open (optional)").fill(localDateTime(Date.now() - 3_600_000));
    await form.getByLabel("Applications close (optional)").fill(localDateTime(Date.now() + 2 * 86_400_000));
    await form.getByRole("button", { name: "Create the cohort" }).click();
    await page.getByRole("status").getByText("The cohort was created:").waitFor();

    // the new cohort, moved on to taking applications; its pipeline fills live as a student applies at home
    await page.evaluate("window.__sameDocument = true");
    await page.getByRole("link", { name: "Greater Region Engineering 2028" }).click();
    await page.getByRole("heading", { level: 1, name: "Cohort Greater Region Engineering 2028" }).waitFor();
    expect(await page.getByTestId("cohort-state").innerText()).toBe("In preparation");
    await page.getByRole("button", { name: "Move on to: Taking applications" }).click();
    await page.getByTestId("cohort-state").getByText("Taking applications").waitFor();
    const newCohortId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
    expect((await joint().data(`query($id: ID!) { cohort(id: $id) { state } }`, { id: newCohortId })).cohort.state).toBe("APPLICATIONS_OPEN");
    await shown(page, page.getByRole("region", { name: "Application pipeline" }).getByText("No application yet."));
    const student = await createPerson(
      e2e,
      { node: "hst", role: "MENTEE", displayName: "Lea Wendling", email: "lea.wendling@students.hst.example", phone: "+49 651 000 333", organisation: "Fachschaft", about: "Bridges" },
      { degreeLevel: "MASTER", semester: 2 },
    );
    const form2028 = formInput({ motivation: "Lea wants to learn how bridges are built.", shortTermGoals: "An internship.", longTermGoals: "A career in civil engineering." });
    const { submitApplication } = await e2e.as(who.mentee(student.id)).data(SUBMIT, { p: student.id, c: newCohortId, input: form2028 });
    expect(submitApplication.status).toBe("SUBMITTED");
    const row = page.getByTestId("pipeline").getByRole("row").filter({ hasText: "Hochschule Trier" });
    await row.getByText("Submitted, waiting for review").waitFor({ timeout: 20_000 });
    // one application: below the minimum group size, so the count is not shown
    expect(await row.innerText()).toMatch(/fewer than \d+/);
    expect(await page.evaluate("window.__sameDocument")).toBe(true);
    await checked(page, "cohort-pipeline", "en");
    await context.close();

    const cohort = cohorts.en;
    const { page: roundPage, roundId } = await watchRound(ENGLISH, cohort);
    const proposal = await expectScoresAndReasons(roundPage, ENGLISH, roundId);
    await checked(roundPage, "matching", "en");
    await roundPage.getByRole("button", { name: "Pin pair 1 for the next rounds" }).click();
    await roundPage.getByRole("status").getByText("Pair 1 is pinned for the next rounds.").waitFor();
    const { cohort: rules } = await joint().data(RULES, { id: cohort.id });
    expect(rules.matchingPairRules).toEqual([{ kind: "PIN", menteePseudonym: proposal.menteePseudonym, mentorPseudonym: proposal.mentorPseudonym }]);
    await roundPage.context().close();
  });

  it("tells a subscriber of matchingRoundUpdated every step of a round, progress rising to 100, then SOLVED; a mentee may not follow it", async () => {
    const cohort = cohorts.en;
    const { startMatchingRound } = await joint().data(`mutation($c: ID!) { startMatchingRound(cohortId: $c, scope: REMATCH_POOL) { id status } }`, { c: cohort.id });
    const follow = liveClient(e2e.consortium.gatewayUrl!, () => joint().token());
    const stream = follow.subscribe(`subscription($id: ID!) { matchingRoundUpdated(id: $id) { change roundId cohortId matchingRound { status progress } } }`, { id: startMatchingRound.id });
    const refused = liveClient(e2e.consortium.gatewayUrl!, () => e2e.as(who.mentee(cohort.mentees[0]!.id)).token());
    const mentee = refused.subscribe(`subscription($id: ID!) { matchingRoundUpdated(id: $id) { change } }`, { id: startMatchingRound.id });
    try {
      const deadline = Date.now() + 30_000;
      while (stream.updates.at(-1)?.change !== "SOLVED" && Date.now() < deadline) await stream.received(stream.updates.length + 1);
      const updates = stream.updates as { change: string; roundId: string; cohortId: string; matchingRound: { status: string; progress: number } }[];
      expect(updates.every((update) => update.roundId === startMatchingRound.id && update.cohortId === cohort.id)).toBe(true);
      // subscribed once the round was started (its start and fetching went out before): it hears it scoring, each step, then done
      expect(updates.map((update) => update.change)).toContain("SOLVING");
      const progress = updates.map((update) => update.matchingRound.progress);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      // at least one step below 100 before the end (a small round on a quiet machine takes few steps once subscribed)
      expect(new Set(progress).size).toBeGreaterThanOrEqual(2);
      expect(updates.at(-1)).toMatchObject({ change: "SOLVED", matchingRound: { status: "SOLVED", progress: 100 } });
      expect(stream.errors).toEqual([]);
      await expect.poll(() => mentee.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(JSON.stringify(mentee.errors)).toMatch(/FORBIDDEN/);
      expect(mentee.updates).toEqual([]);
    } finally {
      stream.close();
      mentee.close();
      await follow.client.dispose();
      await refused.client.dispose();
    }
  });

  it(
    "lets a joint coordinator edit a programme's matching weights and completion rules, refusing a value out of range at its field; a node coordinator sees no controls",
    { timeout: 90_000 },
    async () => {
      const programmeName = "Tandem Trier–Plzeň";
      const SETTINGS = `{ programmes { id name rulesVersion matchingWeights { track discipline goals experienceGap formatRegion languageDepth } completionRules { mentee { code count } mentor { code count } } } }`;
      const settings = async () => (await joint().data(SETTINGS)).programmes.find((each: { name: string }) => each.name === programmeName);
      const before = await settings();
      expect(before.completionRules).toBeNull();

      const coordinator = await signedInContext(browser, e2e, { who: who.coordinator("hst"), name: "Koordination HST", language: "en" });
      const coordinatorPage = await coordinator.newPage();
      await coordinatorPage.goto(consoleUrl(e2e, "/office/programmes"));
      await coordinatorPage.getByRole("heading", { level: 2, name: programmeName }).waitFor();
      expect(await coordinatorPage.getByRole("button", { name: /^Edit the / }).count()).toBe(0);
      await coordinator.close();

      const context = await signedInContext(browser, e2e, { who: who.jointCoordinator(), name: "Joint Office", language: "en" });
      const page = await context.newPage();
      await page.goto(consoleUrl(e2e, "/office/programmes"));
      const card = page.getByRole("article", { name: programmeName });
      await card.getByRole("heading", { level: 2, name: programmeName }).waitFor();

      // weights: every criterion with its current weight; 12 is refused at its field and nothing changes
      await card.getByRole("button", { name: "Edit the matching weights" }).click();
      const track = card.getByLabel("Weight of Track (0–10)");
      const goals = card.getByLabel("Weight of Goals (0–10)");
      expect(await card.getByRole("spinbutton").count()).toBe(6);
      expect(await track.inputValue()).toBe(String(before.matchingWeights.track));
      expect(await card.getByLabel("Weight of Languages (0–10)").inputValue()).toBe(String(before.matchingWeights.languageDepth));
      await track.fill("12");
      await goals.fill("7.5");
      await card.getByRole("button", { name: "Save the weights" }).click();
      await card.locator(`input[aria-invalid="true"]`).waitFor();
      expect(await track.getAttribute("aria-invalid")).toBe("true");
      expect(await card.locator(`#${(await track.getAttribute("aria-describedby"))!}`).innerText()).toMatch(/^Please check Weight of Track \(0–10\): .*10/);
      expect(await goals.getAttribute("aria-invalid")).toBeNull();
      // what the person typed is kept
      expect([await track.inputValue(), await goals.inputValue()]).toEqual(["12", "7.5"]);
      expect((await settings()).matchingWeights).toEqual(before.matchingWeights);
      await checked(page, "weights-refused", "en");
      // an emptied weight is named by the console, in the person's language, and not sent
      await goals.fill("");
      await card.getByRole("button", { name: "Save the weights" }).click();
      await card.getByText("Please check Weight of Goals (0–10): enter a number from 0 to 10").waitFor();
      expect(await goals.getAttribute("aria-invalid")).toBe("true");
      expect(await track.getAttribute("aria-invalid")).toBeNull();
      expect((await settings()).matchingWeights).toEqual(before.matchingWeights);
      await goals.fill("7.5");

      await track.fill("4");
      await card.getByRole("button", { name: "Save the weights" }).click();
      await card.getByRole("status").getByText("The matching weights were saved; rounds started from now on use them.").waitFor();
      expect((await settings()).matchingWeights).toEqual({ ...before.matchingWeights, track: 4, goals: 7.5 });
      // the card shows the weights read again from the API
      await card.getByText(/Track 4 · .*Goals 7\.5/).waitFor();

      // completion rules per role: 150 meetings is refused at that count and nothing changes
      await card.getByRole("button", { name: "Edit the completion rules" }).click();
      const mentees = card.getByRole("group", { name: "Completion rules for mentees" });
      const mentors = card.getByRole("group", { name: "Completion rules for mentors" });
      expect(await mentees.getByRole("checkbox").count()).toBe(7);
      await mentees.getByRole("checkbox", { name: "Agreement signed" }).check();
      await mentees.getByRole("checkbox", { name: "At least … meetings logged" }).check();
      const meetings = mentees.getByLabel("At least … meetings logged: how many (1–100)");
      await meetings.fill("150");
      await mentors.getByRole("checkbox", { name: "Agreement signed" }).check();
      await card.getByRole("button", { name: "Save the completion rules" }).click();
      await card.locator(`input[aria-invalid="true"]`).waitFor();
      expect(await meetings.getAttribute("aria-invalid")).toBe("true");
      expect(await card.locator(`#${(await meetings.getAttribute("aria-describedby"))!}`).innerText()).toMatch(/meetings logged: how many \(1–100\): .*MEETINGS_LOGGED needs a count of 1–100/);
      expect(await meetings.inputValue()).toBe("150");
      expect(await mentees.getByRole("checkbox", { name: "Agreement signed" }).isChecked()).toBe(true);
      const unchanged = await settings();
      expect([unchanged.completionRules, unchanged.rulesVersion]).toEqual([null, before.rulesVersion]);
      await checked(page, "completion-refused", "en");

      await meetings.fill("8");
      await card.getByRole("button", { name: "Save the completion rules" }).click();
      await card.getByRole("status").getByText("The completion rules were saved.").waitFor();
      const after = await settings();
      expect(after.completionRules).toEqual({
        mentee: [
          { code: "AGREEMENT_SIGNED", count: null },
          { code: "MEETINGS_LOGGED", count: 8 },
        ],
        mentor: [{ code: "AGREEMENT_SIGNED", count: null }],
      });
      expect(after.rulesVersion).toBe(before.rulesVersion + 1);
      await card.getByText("Agreement signed; At least 8 meetings logged").waitFor();
      await checked(page, "programme-saved", "en");
      await context.close();
    },
  );
});
