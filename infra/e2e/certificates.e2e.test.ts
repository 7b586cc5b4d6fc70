/**
 * Certificates end to end (issue 15): the office closes a tandem of a mentee
 * at hst and a mentor at zcu; hst's coordinator issues the mentee's
 * certificate through the gateway; anyone verifies it there without signing
 * in (the public query and the QR code's page); hst revokes it and the same
 * checks answer REVOKED. Another node cannot issue it, directly or through
 * the gateway. Every byte between the parties is recorded: the holder's name
 * never reaches the office or another node.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "@tandem/shared/testkit";
import { eventually, launchE2E, who, type E2EConsortium } from "./harness.js";
import { startRecordingGateway, type RecordingGateway } from "./recording-gateway.js";
import { RESPOND, asPerson, createCohort, createPerson, proposeTandem, type Created } from "./scenario.js";

const NODES = ["hst", "zcu"];
const HOLDER = "Lena Brückner-Haas";
const ISSUE = `mutation($p: ID!, $c: ID!) { issueCertificate(participantId: $p, cohortId: $c) { id role language credential verificationUrl } }`;
const REVOKE = `mutation($id: ID!, $r: String!) { revokeCertificate(id: $id, reason: $r) { id revokedAt revocationReason } }`;
const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) { verdict reason credential { holderName programme cohort issuerName role } } }`;
let e2e: E2EConsortium;
let recording: RecordingGateway;
let lena: Created, tomas: Created;
let cohortId: string;
let certificate: { id: string; role: string; credential: Record<string, unknown>; verificationUrl: string };

const anonymous = (query: string, variables: Record<string, unknown>) => graphqlRequest<any>(recording.url, query, variables);
const page = async (verificationUrl: string) => {
  const path = new URL(verificationUrl).pathname;
  const response = await fetch(new URL(path, recording.url));
  return { status: response.status, type: response.headers.get("content-type"), html: await response.text() };
};

beforeAll(async () => {
  e2e = await launchE2E(NODES);
  const publicGatewayUrl = new URL(e2e.consortium.gatewayUrl!).origin;
  recording = await startRecordingGateway(e2e, 0, { env: { PUBLIC_GATEWAY_URL: publicGatewayUrl, STATUS_LIST_CACHE_SECONDS: "0" } });
  [lena, tomas] = await Promise.all([
    createPerson(e2e, {
      node: "hst",
      role: "MENTEE",
      displayName: HOLDER,
      email: "lena.brueckner@student.hst.example",
      phone: "+49 651 8103 4499",
      organisation: "HS Trier",
      about: "Wood engineering",
    }),
    createPerson(e2e, { node: "zcu", role: "MENTOR", displayName: "Tomáš Dvořák", email: "tomas.dvorak@zcu.example", phone: "+420 377 100 499", organisation: "Doosan", about: "Turbines" }),
  ]);
  cohortId = await createCohort(e2e, "Certificates that travel", NODES);
  // the programme's completion rules (set at the office, told to both home nodes): a complete package, which a cohort without mandatory events gives
  const { cohort } = await e2e.as(who.jointCoordinator()).data(`query($id: ID!) { cohort(id: $id) { programmeId } }`, { id: cohortId });
  const rules = { mentee: [{ code: "PACKAGE_COMPLETE" }], mentor: [{ code: "PACKAGE_COMPLETE" }] };
  await e2e
    .as(who.jointCoordinator())
    .data(`mutation($p: ID!, $input: CompletionRulesInput!) { setCompletionRules(programmeId: $p, input: $input) { rulesVersion } }`, { p: cohort.programmeId, input: rules });
  const tandemId = await proposeTandem(e2e, cohortId, lena, tomas);
  for (const person of [lena, tomas]) await asPerson(e2e, person).data(RESPOND, { id: tandemId, accept: true });
  const joint = e2e.as(who.jointCoordinator());
  await joint.data(`mutation($id: ID!) { activateTandem(id: $id, overrideReason: "Signed on paper at the kick-off") { status } }`, { id: tandemId });
  await joint.data(`mutation($id: ID!) { closeTandem(id: $id, reason: COMPLETED) { status } }`, { id: tandemId });
  await eventually(
    () => e2e.databases.query<{ n: number }>("node_hst", `SELECT count(*)::int AS n FROM active_tandems WHERE tandem_id = $1 AND ended_at IS NOT NULL`, [tandemId]),
    (rows) => rows[0]!.n === 1,
  );
}, 180_000);

afterAll(async () => {
  await recording?.stop();
  await e2e?.stop();
});

describe("a certificate issued, verified by anyone, revoked", () => {
  it("is not issued by another node: neither by zcu's coordinator through the gateway nor by zcu directly", async () => {
    const viaGateway = await recording.as(who.coordinator("zcu")).gateway(ISSUE, { p: lena.id, c: cohortId });
    expect(viaGateway.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "certificate.issue" });
    const direct = await e2e.as(who.coordinator("zcu")).direct("zcu", ISSUE, { p: lena.id, c: cohortId });
    expect(direct.errors?.[0]?.extensions).toMatchObject({ field: "participantId" });
    expect(await e2e.databases.query("node_zcu", `SELECT id FROM issued_credentials`)).toEqual([]);
  });

  it("is issued by the holder's home node and verifies without a token, as a query and as the QR code's page", async () => {
    recording.clear();
    // once the rules reached hst (a fact delivered by the gateway)
    const issued = await eventually(
      () => recording.as(who.coordinator("hst")).gateway<{ issueCertificate: typeof certificate }>(ISSUE, { p: lena.id, c: cohortId }),
      (answer) => !answer.errors,
    );
    certificate = issued.data!.issueCertificate;
    expect(certificate.role).toBe("MENTEE");
    const checked = await anonymous(VERIFY, { c: certificate.credential });
    expect(checked.errors).toBeUndefined();
    expect(checked.data.verifyCredential).toEqual({
      verdict: "VALID",
      reason: null,
      credential: { holderName: HOLDER, programme: "Certificates that travel", cohort: "2027", issuerName: "Hochschule Trier", role: "mentee" },
    });
    const shown = await page(certificate.verificationUrl);
    expect(shown.status).toBe(200);
    expect(shown.type).toMatch(/^text\/html/);
    expect(shown.html).toContain("Valid certificate");
    expect(shown.html).toContain(HOLDER);
    // the DID document names the registry's keys only
    const did = (await (await fetch(new URL("/nodes/hst/did.json", recording.url))).json()) as { id: string };
    expect(did.id).toBe((certificate.credential.issuer as { id: string }).id);
    // anything but the certificate check still needs a token
    expect((await anonymous(`query { consortium { id } }`, {})).errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED" });
    const mixed = await anonymous(`query($c: JSON!) { verifyCredential(credential: $c) { verdict } consortium { id } }`, { c: certificate.credential });
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(mixed.data ?? null).toBeNull();
    // the status list the credential names, served publicly by the gateway from hst's signed list
    const statusUrl = (certificate.credential.credentialStatus as { statusListCredential: string }).statusListCredential;
    const list = (await (await fetch(new URL(new URL(statusUrl).pathname, recording.url))).json()) as { type: string[]; issuer: string };
    expect(list).toMatchObject({ type: ["VerifiableCredential", "BitstringStatusListCredential"], issuer: did.id });
    const changed = JSON.parse(JSON.stringify(certificate.credential).replace(HOLDER, "Lena Brückner-Hass"));
    expect((await anonymous(VERIFY, { c: changed })).data.verifyCredential).toMatchObject({ verdict: "INVALID", credential: null });
  });

  it("is REVOKED for everyone once its node revokes it, with the reason kept at the node", async () => {
    const revoked = (await recording.as(who.coordinator("hst")).data(REVOKE, { id: certificate.id, r: "Issued before the final evaluation was checked" })).revokeCertificate;
    expect(revoked.revocationReason).toBe("Issued before the final evaluation was checked");
    expect((await anonymous(VERIFY, { c: certificate.credential })).data.verifyCredential).toMatchObject({ verdict: "REVOKED", credential: { holderName: HOLDER } });
    expect((await page(certificate.verificationUrl)).html).toContain("Revoked certificate");
  });

  it("never carried the holder's name to the office or another node", async () => {
    const exchanges = recording.exchanges();
    expect(exchanges.some((exchange) => exchange.party === "hst" && exchange.responseBody.includes(HOLDER))).toBe(true);
    const leaks = exchanges.filter((exchange) => exchange.party !== "hst" && (exchange.requestBody.includes(HOLDER) || exchange.responseBody.includes(HOLDER)));
    expect(leaks.map((exchange) => `${exchange.party} ${exchange.path}`)).toEqual([]);
    for (const database of ["coordination", "node_zcu"]) expect(await e2e.databases.rowsHolding(database, [HOLDER])).toEqual([]);
  });
});
