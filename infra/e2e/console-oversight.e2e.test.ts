/**
 * The joint office's oversight pages in Debian's Chromium against a running
 * consortium of two nodes: monitoring with charts whose figures are the API's
 * (a node with fewer tandems than the minimum group size shown as "fewer than
 * N", never its number, never a bar), live as a tandem is accepted; a
 * mediation case opened and resolved in the console and resolved at the API;
 * meetings over time, month by month as the API sums the mentees' nodes'
 * tallies (two of hst's tandems started months ago and met since);
 * the parties' status and the delivery of facts, and with one node stopped,
 * that university named as unreachable while the rest stays shown. German
 * once, English once; accessibility checked on every page visited.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { asPerson, createCohort, createPerson, proposeTandem, RESPOND, type Created, type Person } from "./scenario.js";
import { consoleUrl, launchChromium, seriousViolations, signedInContext } from "./console-browser.js";
import { SCREENSHOTS_DIR } from "./console-journey.js";

const NODES = ["hst", "zcu"];
const MONITORING = `query($c: ID!) { tandemMonitoring(cohortId: $c) { minimumGroupSize groups { nodeIds suppressed figures { tandems proposed accepted active closed meetings meetingsConfirmed meetingsByMonth { month meetings confirmed } openCases } } } }`;
const LOG = `mutation($m: ID!, $t: ID!, $input: LogMeetingInput!) { logMeeting(menteeId: $m, tandemId: $t, input: $input) { id } }`;
const DAY_MS = 24 * 3600_000;
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** The meetings of hst's two running tandems: days from today, and whether the mentor logged it (then it is confirmed). */
const HELD: [number, boolean][][] = [
  [
    [-70, false],
    [-40, true],
    [-2, false],
  ],
  [
    [-65, true],
    [-1, false],
  ],
];
type MonthlyMeetings = { month: string; meetings: number; confirmed: number };

let e2e: E2EConsortium;
let browser: Browser;
let cohortId: string;
/** hst's mentees' tandems (five: reported), zcu's (two: fewer than the minimum). */
const tandems: { hst: { id: string; mentee: Created; mentor: Created }[]; zcu: string[] } = { hst: [], zcu: [] };
const names: Record<string, string> = {};
let startedAt: number;

const person = (node: string, role: Person["role"], index: number): Person => ({
  node,
  role,
  displayName: `${role === "MENTEE" ? "Mentee" : "Mentor"} ${node.toUpperCase()} ${index}`,
  email: `${role.toLowerCase()}.${index}@${node}.example`,
  phone: `+49 651 100 ${index}`,
  organisation: `${node.toUpperCase()} Engineering`,
  about: "Oversight",
});

async function acceptByBoth(tandemId: string, mentee: Created, mentor: Created): Promise<void> {
  for (const partner of [mentee, mentor]) await asPerson(e2e, partner).data(RESPOND, { id: tandemId, accept: true });
}

async function apiMonitoring() {
  return (await e2e.as(who.jointCoordinator()).data(MONITORING, { c: cohortId })).tandemMonitoring as {
    minimumGroupSize: number;
    groups: { nodeIds: string[]; suppressed: boolean; figures: (Record<string, number> & { meetingsByMonth: MonthlyMeetings[] }) | null }[];
  };
}

/** The pair started 75 days ago (recorded by the joint office) and met on the days given; returns once hst has taken every meeting. */
async function runWithMeetings(tandem: { id: string; mentee: Created; mentor: Created }, held: [number, boolean][]): Promise<void> {
  await acceptByBoth(tandem.id, tandem.mentee, tandem.mentor);
  await e2e
    .as(who.jointCoordinator())
    .data(`mutation($id: ID!, $on: LocalDate!) { activateTandem(id: $id, overrideReason: "Signed on paper at the kick-off", startedOn: $on) { status } }`, { id: tandem.id, on: dayFromToday(-75) });
  for (const [days, byMentor] of held) {
    const input = { heldOn: dayFromToday(days), format: "ONLINE", durationMinutes: 60, topics: [], notes: "" };
    // the first waits for hst to learn (a fact) that the tandem started
    const answer = await eventually(
      () => asPerson(e2e, byMentor ? tandem.mentor : tandem.mentee).gateway(LOG, { m: tandem.mentee.id, t: tandem.id, input }),
      (logged) => !logged.errors?.some((error: { extensions?: { code?: string } }) => error.extensions?.code === "TANDEM_NOT_ACTIVE"),
    );
    expect(answer.errors ?? []).toEqual([]);
  }
}

/** What the API should sum for hst's months: each meeting in its month, confirmed when the mentor logged it. */
function expectedMonths(): MonthlyMeetings[] {
  const months = new Map<string, MonthlyMeetings>();
  for (const [days, byMentor] of HELD.flat()) {
    const month = dayFromToday(days).slice(0, 7);
    const known = months.get(month) ?? { month, meetings: 0, confirmed: 0 };
    months.set(month, { month, meetings: known.meetings + 1, confirmed: known.confirmed + (byMentor ? 1 : 0) });
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

beforeAll(async () => {
  startedAt = Date.now();
  [e2e, browser] = await Promise.all([launchE2E(NODES), launchChromium()]);
  const { consortium } = (await e2e.as(who.jointCoordinator()).data(`{ consortium { nodes { id name } } }`)) as { consortium: { nodes: { id: string; name: string }[] } };
  for (const node of consortium.nodes) names[node.id] = node.name;
  // running since 80 days: two tandems can have met over several months
  cohortId = await createCohort(e2e, "Oversight Greater Region", NODES, "NONE", { startsOn: dayFromToday(-80), endsOn: dayFromToday(200) });
  const pairs = async (menteeNode: string, mentorNode: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, async (_, index) => ({
        mentee: await createPerson(e2e, person(menteeNode, "MENTEE", index)),
        mentor: await createPerson(e2e, person(mentorNode, "MENTOR", index)),
      })),
    );
  const [fromHst, fromZcu] = await Promise.all([pairs("hst", "zcu", 5), pairs("zcu", "hst", 2)]);
  // the cohort is locked for each enrolment: proposing at once is safe
  const [hst, zcu] = await Promise.all([
    Promise.all(fromHst.map(async ({ mentee, mentor }) => ({ id: await proposeTandem(e2e, cohortId, mentee, mentor), mentee, mentor }))),
    Promise.all(fromZcu.map(({ mentee, mentor }) => proposeTandem(e2e, cohortId, mentee, mentor))),
  ]);
  tandems.hst.push(...hst);
  tandems.zcu.push(...zcu);
  await Promise.all([
    ...tandems.hst.slice(0, 2).map((tandem) => acceptByBoth(tandem.id, tandem.mentee, tandem.mentor)),
    ...tandems.hst.slice(3).map((tandem, index) => runWithMeetings(tandem, HELD[index]!)),
  ]);
  // hst's last tally reached the office
  await eventually(apiMonitoring, (monitoring) => monitoring.groups.find((group) => group.nodeIds.join() === "hst")?.figures?.meetings === HELD.flat().length);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
  console.log(`console oversight suite: ${((Date.now() - startedAt) / 1000).toFixed(0)} s with one consortium`);
});

async function openAsJointCoordinator(language: "de" | "en", path: string): Promise<Page> {
  const context = await signedInContext(browser, e2e, { who: who.jointCoordinator(), name: "Joint Office", language });
  const page = await context.newPage();
  await page.goto(consoleUrl(e2e, path));
  return page;
}

/** No serious or critical accessibility violation; a screenshot when asked for. */
async function checked(page: Page, name: string, language: "de" | "en"): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name} (${page.url()})`).toEqual([]);
  if (SCREENSHOTS_DIR) {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `console-oversight-${name}-${language}.png`), fullPage: true });
  }
}

/** Months from the first to the last given, both included. */
const monthsSpanned = (months: MonthlyMeetings[]) => {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(months.at(-1)!.month) - index(months[0]!.month) + 1;
};

const cells = async (page: Page, testId: string) => (await page.getByTestId(testId).locator("td").allInnerTexts()).map((text) => text.trim());

describe("the joint office's oversight in the console", () => {
  it("shows monitoring as the API counts it and follows it live, opens and resolves a case, and shows the parties and facts, in German", { timeout: 90_000 }, async () => {
    const page = await openAsJointCoordinator("de", "/");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Monitoring" }).click();
    await page.getByRole("heading", { level: 1, name: "Monitoring" }).waitFor();

    // the figures are the API's; zcu's two tandems are "fewer than 5", with no number and no bar
    const api = await apiMonitoring();
    expect(api.minimumGroupSize).toBe(5);
    const hst = api.groups.find((group) => group.nodeIds.join() === "hst")!.figures!;
    expect(hst).toMatchObject({ tandems: 5, proposed: 1, accepted: 2, active: 2 });
    expect(api.groups.find((group) => group.nodeIds.join() === "zcu")).toMatchObject({ suppressed: true, figures: null });
    await page.getByTestId("figures-states-hst").waitFor();
    expect(await cells(page, "figures-states-hst")).toEqual([hst.tandems, hst.proposed, hst.accepted, hst.active, hst.closed].map(String));
    expect(await cells(page, "figures-states-zcu")).toEqual(["weniger als 5 Tandems: nicht ausgewiesen"]);
    expect(await cells(page, "figures-meetings-hst")).toEqual([hst.meetings, hst.meetingsConfirmed].map(String));
    // meetings over time: every month the API sums (the nodes' signed counts), no month of zcu's
    expect(hst.meetingsByMonth).toEqual(expectedMonths());
    expect(hst.meetingsByMonth.length).toBeGreaterThanOrEqual(2);
    for (const { month, meetings, confirmed } of hst.meetingsByMonth) {
      const label = new Intl.DateTimeFormat("de", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
      expect(await cells(page, `figures-months-hst-${month}`), month).toEqual([label, String(meetings), String(confirmed)]);
    }
    expect(await cells(page, "figures-months-zcu")).toEqual(["weniger als 5 Tandems: nicht ausgewiesen"]);
    expect(await page.getByTestId("figures-months").locator("tbody tr").count()).toBe(monthsSpanned(hst.meetingsByMonth) + 1);
    const charts = page.locator("[data-categories]");
    await charts.first().locator("canvas").waitFor();
    expect(await charts.first().getAttribute("data-categories")).toBe(names.hst);
    expect(await charts.first().locator("canvas").getAttribute("aria-label")).toBe("Diagramm: Tandems nach Stand und Hochschule. Die Zahlen stehen in der Tabelle darunter.");
    await checked(page, "monitoring", "de");

    // live: a third tandem accepted at the API shows without a reload
    await acceptByBoth(tandems.hst[2]!.id, tandems.hst[2]!.mentee, tandems.hst[2]!.mentor);
    await page.getByTestId("figures-states-hst").locator("td").nth(2).getByText("3", { exact: true }).waitFor({ timeout: 15_000 });
    expect((await cells(page, "figures-states-hst")).slice(0, 3)).toEqual(["5", "0", "3"]);

    // a case: refused without a tandem (the field named), opened, then resolved
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Vermittlungsfälle" }).click();
    await page.getByRole("heading", { level: 1, name: "Vermittlungsfälle" }).waitFor();
    await page.getByText("Keine Fälle.").waitFor();
    await page.getByRole("button", { name: "Fall eröffnen" }).click();
    await page.getByRole("alert").getByText("Bitte wählen Sie das Tandem, um das es im Fall geht.").waitFor();
    await checked(page, "cases", "de");
    const tandem = tandems.hst[0]!.id;
    await page.getByLabel("Tandem", { exact: true }).selectOption(tandem);
    await page.getByLabel("Worum es geht").selectOption({ label: "Verfügbarkeit" });
    await page.getByRole("button", { name: "Fall eröffnen" }).click();
    await page.waitForURL(/\/oversight\/cases\/[^/?]+$/);
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
    await page.getByTestId("case-state").getByText("Offen").waitFor();
    expect(await page.getByTestId("case-history").innerText()).toMatch(/eröffnet von Eine Koordinatorin oder ein Koordinator/);
    await checked(page, "case", "de");
    await page.getByLabel("Gelöst, das Tandem läuft weiter").check();
    await page.getByRole("button", { name: "Fall abschließen" }).click();
    await page.getByTestId("case-state").getByText("Gelöst, das Tandem läuft weiter").waitFor();
    expect(await page.getByTestId("case-history").innerText()).toMatch(/abgeschlossen: Gelöst, das Tandem läuft weiter/);
    const atApi = (await e2e.as(who.jointCoordinator()).data(`query($id: ID!) { mediationCase(id: $id) { tandemId concern outcome closedAt } }`, { id: caseId })).mediationCase;
    expect(atApi).toMatchObject({ tandemId: tandem, concern: "AVAILABILITY", outcome: "RESOLVED" });
    expect(atApi.closedAt).not.toBeNull();

    // the parties, all reachable, and the facts that travelled between them
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Knoten und Fakten" }).click();
    await page.getByRole("heading", { level: 1, name: "Knoten und Fakten" }).waitFor();
    for (const node of NODES) await page.getByTestId(`party-${node}`).getByText("Erreichbar", { exact: true }).waitFor();
    await page.getByTestId("deliveries").waitFor();
    expect(await page.getByTestId("unreachable").count()).toBe(0);
    await checked(page, "delivery", "de");
    await page.context().close();
  });

  // last: it stops a node
  it("shows the figures, the closed case and the office's audit log, and with a node stopped names it as unreachable beside the others' data, in English", { timeout: 60_000 }, async () => {
    const page = await openAsJointCoordinator("en", `/oversight/monitoring?cohort=${encodeURIComponent(cohortId)}`);
    await page.getByRole("heading", { level: 1, name: "Monitoring" }).waitFor();
    await page.getByTestId("figures-states-zcu").waitFor();
    expect(await cells(page, "figures-states-zcu")).toEqual(["fewer than 5 tandems: not reported"]);
    const hst = (await apiMonitoring()).groups.find((group) => group.nodeIds.join() === "hst")!.figures!;
    await page.getByTestId("figures-attention-hst").waitFor();
    expect(await cells(page, "figures-attention-hst")).toEqual(["0", "0", "0"]);
    expect(await cells(page, "figures-months-zcu")).toEqual(["fewer than 5 tandems: not reported"]);
    const [first] = hst.meetingsByMonth;
    expect((await cells(page, `figures-months-hst-${first!.month}`)).slice(1)).toEqual([String(first!.meetings), String(first!.confirmed)]);
    expect(hst.openCases).toBe(0);
    await checked(page, "monitoring", "en");

    // live: a case the office opens at the API appears in the open list without a reload
    await page.getByRole("link", { name: "Mediation cases" }).click();
    await page.getByText("No cases.").waitFor();
    await e2e.as(who.jointCoordinator()).data(`mutation($t: ID!) { openMediationCase(input: { tandemId: $t, concern: CONDUCT }) { id } }`, { t: tandems.hst[1]!.id });
    await page.getByTestId("cases").getByText("Conduct").waitFor({ timeout: 15_000 });
    await page.getByLabel("Show").selectOption({ label: "Closed cases" });
    await page.getByTestId("cases").getByText("Resolved, the tandem goes on").waitFor();
    expect(await page.getByTestId("cases").getByText("Availability").count()).toBe(1);
    await checked(page, "cases", "en");

    // the office's audit log names the resolution made in German, with its outcome
    await page.getByRole("link", { name: "Office audit log" }).click();
    await page.getByRole("heading", { level: 1, name: "The coordination office's audit log" }).waitFor();
    const resolution = page
      .getByTestId("audit")
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "resolveMediationCase" }) });
    await resolution.waitFor();
    expect(await resolution.getByRole("cell").last().innerText()).toBe("ok");
    await checked(page, "audit", "en");

    await e2e.consortium.stopParty("zcu");
    await page.getByRole("link", { name: "Nodes and facts" }).click();
    await page.getByTestId("unreachable").getByText(`${names.zcu} is not reachable right now.`).waitFor({ timeout: 20_000 });
    await page.getByTestId("party-zcu").getByText("Not reachable", { exact: true }).waitFor();
    expect(await page.getByTestId("party-hst").getByRole("cell").first().innerText()).toBe("Reachable");
    expect(await page.getByTestId("deliveries").locator("tbody tr").count()).toBeGreaterThan(0);
    await checked(page, "delivery", "en");
    await page.context().close();
  });
});
