/**
 * Certificates in the web console, in Debian's Chromium against one node:
 * the home coordinator sees a mentor's open rule (in German, though the
 * node's refusal speaks the certificate's language) and issues the mentee's
 * certificate; the mentee downloads its PDF, which carries the credential;
 * anyone verifies the PDF on the public page in a context without a session
 * (VALID), sends no token doing so, and after the coordinator revokes it sees
 * REVOKED (by upload and from the QR code's page); the mentee's export
 * downloads a JSON holding their data, and she erases her data herself. German
 * once, English once; axe on every page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { attachedCredential } from "@tandem/shared/credentials";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { RESPOND, asPerson, createCohort, createPerson, proposeTandem, type Created } from "./scenario.js";
import { consoleUrl, launchChromium, seriousViolations, signedInContext } from "./console-browser.js";
import { SCREENSHOTS_DIR } from "./console-journey.js";

const NODE = "hst";
const PROGRAMME = "Zertifikate im Browser";
const CREDENTIALS = `query($p: ID!) { credentials(participantId: $p) { id revokedAt revocationReason credential verificationUrl } }`;
const PROGRESS = `query($p: ID!, $c: ID!) { completionProgress(participantId: $p, cohortId: $c) { complete } }`;
const REASON = "Issued before the final evaluation was checked";

let e2e: E2EConsortium;
let browser: Browser;
let lena: Created, tomas: Created;
let cohortId: string;
let startedAt: number;
let files: string;
/** Where the mentee's downloaded PDF was saved. */
let pdfPath: string;

beforeAll(async () => {
  startedAt = Date.now();
  files = mkdtempSync(join(tmpdir(), "console-certificates-"));
  // no status list kept at the gateway: a revocation shows at once
  [e2e, browser] = await Promise.all([launchE2E([NODE], { gatewayEnv: { STATUS_LIST_CACHE_SECONDS: "0" } }), launchChromium()]);
  [lena, tomas] = await Promise.all([
    createPerson(e2e, {
      node: NODE,
      role: "MENTEE",
      displayName: "Lena Brückner-Haas",
      email: "lena.brueckner@student.hst.example",
      phone: "+49 651 8103 4499",
      organisation: "HS Trier",
      about: "Wood",
    }),
    createPerson(e2e, { node: NODE, role: "MENTOR", displayName: "Tomáš Dvořák", email: "tomas.dvorak@hst.example", phone: "+49 651 8103 4500", organisation: "Doosan", about: "Turbines" }),
  ]);
  cohortId = await createCohort(e2e, PROGRAMME, [NODE]);
  const joint = e2e.as(who.jointCoordinator());
  const { cohort } = await joint.data(`query($id: ID!) { cohort(id: $id) { programmeId } }`, { id: cohortId });
  // the mentee completes with a complete package; the mentor also needs a meeting logged, which they have not
  const rules = { mentee: [{ code: "PACKAGE_COMPLETE" }], mentor: [{ code: "PACKAGE_COMPLETE" }, { code: "MEETINGS_LOGGED", count: 1 }] };
  await joint.data(`mutation($p: ID!, $input: CompletionRulesInput!) { setCompletionRules(programmeId: $p, input: $input) { rulesVersion } }`, { p: cohort.programmeId, input: rules });
  const tandemId = await proposeTandem(e2e, cohortId, lena, tomas);
  for (const person of [lena, tomas]) await asPerson(e2e, person).data(RESPOND, { id: tandemId, accept: true });
  await joint.data(`mutation($id: ID!) { activateTandem(id: $id, overrideReason: "Signed on paper at the kick-off") { status } }`, { id: tandemId });
  // once the rules and the tandem reached the node (facts the gateway delivers)
  await eventually(
    async () => (await e2e.as(who.coordinator(NODE)).gateway(PROGRESS, { p: lena.id, c: cohortId })).data?.completionProgress?.complete,
    (complete) => complete === true,
    30_000,
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
  rmSync(files, { recursive: true, force: true });
  console.log(`console certificates suite: ${((Date.now() - startedAt) / 1000).toFixed(0)} s with one node`);
});

async function signedIn(person: Created | "coordinator", language: "de" | "en", path: string): Promise<Page> {
  const user =
    person === "coordinator"
      ? { who: who.coordinator(NODE), name: "Koordination HS Trier", language }
      : { who: person.role === "MENTEE" ? who.mentee(person.id) : who.mentor(person.id), name: person.displayName, language };
  const page = await (await signedInContext(browser, e2e, user)).newPage();
  await page.goto(consoleUrl(e2e, path));
  return page;
}

/** A browser context without any session, as an employer opens the page; every request it makes is kept with its headers. */
async function anonymousContext(language: "de" | "en"): Promise<{ context: BrowserContext; page: Page; authorizations: () => Promise<string[]>; verifications: () => number }> {
  const context = await browser.newContext({ locale: language === "de" ? "de-DE" : "en-GB", viewport: { width: 1200, height: 900 } });
  const requests: { headers: Promise<Record<string, string>>; body: string }[] = [];
  context.on("request", (request) => requests.push({ headers: request.allHeaders(), body: request.postData() ?? "" }));
  const page = await context.newPage();
  return {
    context,
    page,
    authorizations: async () => (await Promise.all(requests.map((request) => request.headers))).map((headers) => headers.authorization).filter((value): value is string => Boolean(value)),
    verifications: () => requests.filter((request) => request.body.includes("verifyCredential")).length,
  };
}

/** No serious or critical accessibility violation; a screenshot when asked for. */
async function checked(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `accessibility of ${name} (${page.url()})`).toEqual([]);
  if (SCREENSHOTS_DIR) {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `console-${name}.png`), fullPage: true });
  }
}

async function chooseInIssuePage(page: Page, person: Created): Promise<void> {
  await page.locator("#certificate-cohort").selectOption(cohortId);
  await page.locator("#certificate-participant").selectOption(person.id);
}

describe("certificates in the web console", () => {
  it("in German: the coordinator sees the open rule and issues; the mentee downloads the PDF; anyone verifies it without a session", { timeout: 60_000 }, async () => {
    const coordinator = await signedIn("coordinator", "de", "/certificates/issue");
    await coordinator.getByRole("heading", { level: 1, name: "Zertifikate unserer Teilnehmenden" }).waitFor();
    await chooseInIssuePage(coordinator, tomas);
    await coordinator.getByTestId("progress").getByText("Mindestens 1 Treffen protokolliert (bisher 0)").waitFor();
    await coordinator.getByRole("button", { name: "Zertifikat ausstellen" }).click();
    // the node refuses in the certificate's language (Tomáš's: English); the console names the open rule in German
    await coordinator.getByTestId("completion-open").getByText("Mindestens 1 Treffen protokolliert (bisher 0)").waitFor();
    expect(await coordinator.getByTestId("completion-open").innerText()).not.toContain("so far");
    await checked(coordinator, "certificates-issue-de");

    await chooseInIssuePage(coordinator, lena);
    await coordinator.getByText("Alle Regeln sind erfüllt: Das Zertifikat kann ausgestellt werden.").waitFor();
    await coordinator.getByRole("button", { name: "Zertifikat ausstellen" }).click();
    await coordinator.getByTestId("certificate-state").getByText("Gültig").waitFor();
    const [issued] = (await e2e.as(who.mentee(lena.id)).data(CREDENTIALS, { p: lena.id })).credentials;
    expect(issued).toMatchObject({ revokedAt: null });
    await coordinator.context().close();

    const mentee = await signedIn(lena, "de", "/certificates");
    await mentee.getByRole("heading", { level: 2, name: `${PROGRAMME} 2027` }).waitFor();
    expect(await mentee.getByTestId("certificate-state").innerText()).toBe("Gültig");
    await checked(mentee, "certificates-de");
    const [download] = await Promise.all([mentee.waitForEvent("download"), mentee.getByRole("button", { name: "PDF herunterladen (Deutsch)" }).click()]);
    expect(download.suggestedFilename()).toBe("zertifikate-im-browser-2027-mentoring-de.pdf");
    pdfPath = join(files, download.suggestedFilename());
    await download.saveAs(pdfPath);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(attachedCredential(pdf)).toEqual(issued.credential);

    await mentee.goto(consoleUrl(e2e, "/my-data"));
    await mentee.getByRole("button", { name: "Meine Daten löschen…" }).click();
    await mentee.getByTestId("erase-confirm").getByText("Was bleibt, ohne jemanden zu nennen").waitFor();
    expect(await mentee.getByRole("button", { name: "Meine Daten jetzt löschen" }).isDisabled()).toBe(true);
    await checked(mentee, "my-data-de");
    await mentee.context().close();

    const employer = await anonymousContext("de");
    await employer.page.goto(consoleUrl(e2e, "/verify"));
    await employer.page.getByRole("heading", { level: 1, name: "Ein Zertifikat prüfen" }).waitFor();
    await employer.page.getByLabel("Zertifikatsdatei (PDF oder JSON)").setInputFiles(pdfPath);
    await employer.page.getByTestId("verdict").getByText("Gültiges Zertifikat").waitFor();
    const says = await employer.page.getByTestId("credential-says").innerText();
    expect(says).toContain("Lena Brückner-Haas");
    expect(says).toContain("Hochschule Trier");
    expect(says).toContain(PROGRAMME);
    expect(await employer.page.getByTestId("checks").innerText()).not.toContain("nicht bestanden");
    await checked(employer.page, "verify-de");
    expect(employer.verifications()).toBe(1);
    expect(await employer.authorizations()).toEqual([]);
    await employer.context.close();
  });

  it(
    "in English: the coordinator revokes; the same PDF and the QR code's link verify as REVOKED; the mentor sees their open rule; the export holds the mentee's data; she erases it herself",
    { timeout: 60_000 },
    async () => {
      const coordinator = await signedIn("coordinator", "en", "/certificates/issue");
      await chooseInIssuePage(coordinator, lena);
      await coordinator.getByRole("button", { name: "Revoke the certificate" }).click();
      await coordinator.getByText("Reason for revoking: say why (1–500 characters).").waitFor();
      await coordinator.getByLabel("Reason for revoking").fill(REASON);
      await coordinator.getByRole("button", { name: "Revoke the certificate" }).click();
      await coordinator.getByTestId("certificate-state").getByText(`: ${REASON}`, { exact: false }).waitFor();
      const [revoked] = (await e2e.as(who.mentee(lena.id)).data(CREDENTIALS, { p: lena.id })).credentials;
      expect(revoked).toMatchObject({ revocationReason: REASON, revokedAt: expect.any(String) });
      await checked(coordinator, "certificates-issue-en");
      await coordinator.context().close();

      const employer = await anonymousContext("en");
      await employer.page.goto(consoleUrl(e2e, "/verify"));
      await employer.page.getByLabel("Certificate file (PDF or JSON)").setInputFiles(pdfPath);
      await employer.page.getByTestId("verdict").getByText("Revoked certificate").waitFor();
      expect(await employer.page.getByTestId("credential-says").innerText()).toContain("Lena Brückner-Haas");
      // the QR code's page links to the console's verify page, which reads the published credential
      await employer.page.goto(consoleUrl(e2e, new URL(revoked.verificationUrl).pathname));
      await employer.page.getByRole("heading", { level: 1, name: "Revoked certificate" }).waitFor();
      expect(await seriousViolations(employer.page), "accessibility of the QR code's page").toEqual([]);
      await employer.page.getByRole("link", { name: /Check it in the web console/ }).click();
      await employer.page.getByText("The certificate of the link you opened").waitFor();
      await employer.page.getByTestId("verdict").getByText("Revoked certificate").waitFor();
      expect(await employer.page.getByTestId("checks").innerText()).toContain("✗ failed The issuer has not revoked it");
      await checked(employer.page, "verify-en");
      expect(employer.verifications()).toBe(2);
      expect(await employer.authorizations()).toEqual([]);
      await employer.context.close();

      const mentor = await signedIn(tomas, "en", "/certificates");
      await mentor.getByText("You hold no certificate yet.").waitFor();
      await mentor.getByTestId("my-progress").getByText("At least 1 meeting logged (0 so far)").waitFor();
      await checked(mentor, "certificates-en");
      // signed in, the verify page still checks without the token (the rest of the console sends it)
      const sent: Promise<{ body: string; authorization: string | undefined }>[] = [];
      mentor.on("request", (request) => {
        if (request.url().endsWith("/graphql")) sent.push(request.allHeaders().then((headers) => ({ body: request.postData() ?? "", authorization: headers.authorization })));
      });
      await mentor.reload();
      await mentor.getByText("You hold no certificate yet.").waitFor();
      await mentor.getByRole("link", { name: "Check a certificate (public page, no sign-in)" }).click();
      await mentor.getByLabel("Certificate file (PDF or JSON)").setInputFiles(pdfPath);
      await mentor.getByTestId("verdict").getByText("Revoked certificate").waitFor();
      const requests = await Promise.all(sent);
      expect(requests.filter((request) => request.body.includes("verifyCredential")).map((request) => request.authorization ?? "none")).toEqual(["none"]);
      expect(requests.some((request) => request.authorization?.startsWith("Bearer "))).toBe(true);
      await mentor.context().close();

      const mentee = await signedIn(lena, "en", "/my-data");
      await mentee.getByRole("heading", { level: 1, name: "My data" }).waitFor();
      const [download] = await Promise.all([mentee.waitForEvent("download"), mentee.getByRole("button", { name: "Download my data (JSON)" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^my-data-lena-bruckner-haas-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = readFileSync(await download.path(), "utf8");
      const document = JSON.parse(exported) as { subject: string; complete: boolean };
      expect(document).toMatchObject({ subject: lena.id, complete: true });
      for (const value of [lena.displayName, lena.email, revoked.id, REASON]) expect(exported).toContain(value);
      await checked(mentee, "my-data-en");

      // she erases her data herself, after the confirmation step; her certificate's link then publishes nothing
      await mentee.getByRole("button", { name: "Erase my data…" }).click();
      await mentee.getByLabel("I understand that my data is erased for good").check();
      await mentee.getByRole("button", { name: "Erase my data now" }).click();
      await mentee.getByTestId("erase-receipt").getByText("Every party confirmed the erasure.").waitFor();
      expect(await e2e.databases.rowsHolding("node_hst", [lena.displayName, lena.email])).toEqual([]);
      await mentee.context().close();
      const later = await anonymousContext("en");
      const uuid = new URL(revoked.verificationUrl).pathname.split("/").at(-1)!;
      await later.page.goto(consoleUrl(e2e, `/verify?node=${NODE}&id=${uuid}`));
      await later.page.getByText("No certificate is published under this link").waitFor();
      await later.context.close();
    },
  );
});
