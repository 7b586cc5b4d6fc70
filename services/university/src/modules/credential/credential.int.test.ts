/**
 * Certificates issued through the API by the holder's home node (issue 15):
 * checked by an independent verifier of the same standard (the Digital
 * Credentials Consortium's), refused while a completion rule is open, and
 * refused by a node that is not the holder's home.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKeyPair } from "@tandem/shared";
import { verifyCredential } from "@tandem/shared/credentials";
import { as } from "@tandem/shared/testkit";
import { readCertificatePdf, verifyIndependently } from "@tandem/shared/testkit/credentials";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";
import { CREDENTIALS, describedCohort, ISSUE_CERTIFICATE, PUBLIC_GATEWAY, publishedStatusLists, REVOKE_CERTIFICATE, tandemInCohort } from "../../../test/credentials.js";

type Json = Record<string, any>;

describe("certificates issued by the holder's home node", () => {
  let hst: TestNode;
  let mentee: Json;
  let mentor: Json;
  let cohortId: string;
  let issued: Json;
  const trust = () => ({ registry: hst.trust.registry, publicGatewayUrl: PUBLIC_GATEWAY });
  const independent = async (credential: unknown) => {
    const lists = await publishedStatusLists(hst);
    return verifyIndependently(credential, trust(), (url) => lists.get(url));
  };
  const ours = async (credential: unknown) => {
    const lists = await publishedStatusLists(hst);
    return verifyCredential(credential, { ...trust(), statusLists: (url) => lists.get(url) });
  };

  beforeAll(async () => {
    hst = await startTestNode("hst");
    mentee = await createParticipant(hst, { displayName: "Jana Řezníčková", languages: ["de", "en"] });
    mentor = await createParticipant(hst, { role: "MENTOR", displayName: "Pierre Lefèvre", languages: ["fr"], degreeLevel: null, semester: null, organisation: "Škoda" });
    cohortId = await describedCohort(hst);
  });
  afterAll(() => hst.stop());

  it("refuses while a completion rule is open, naming every open rule, and leaves no row", async () => {
    const tandem = await tandemInCohort(hst, cohortId, mentee.id, "MENTEE", remoteParticipantId("zcu"));
    const refused = await hst.query(ISSUE_CERTIFICATE, { p: mentee.id, c: cohortId });
    expect(firstError(refused)).toMatchObject({ code: "COMPLETION_OPEN", field: "cohortId", openRules: [{ code: "FINAL_EVALUATION_SUBMITTED", text: "Abschlussevaluation abgegeben" }] });
    expect(refused.errors?.[0]?.message).toContain("FINAL_EVALUATION_SUBMITTED");
    expect(await hst.countRows("issued_credentials")).toBe(0);
    await tandem.complete();
  });

  it("issues through the API a credential the independent verifier accepts, in the holder's language", async () => {
    issued = (await ok(hst, ISSUE_CERTIFICATE, { p: mentee.id, c: cohortId })).issueCertificate;
    expect(issued).toMatchObject({ participantId: mentee.id, role: "MENTEE", cohortId, language: "de", revokedAt: null, revocationReason: null });
    expect(issued.id).toMatch(/^hst:credential:[0-9a-f-]{36}$/);
    expect(issued.verificationUrl).toBe(`${PUBLIC_GATEWAY}/verify/hst/${issued.id.split(":")[2]}`);
    const credential = issued.credential as Json;
    expect(credential.issuer).toMatchObject({ id: "did:web:127.0.0.1%3A4000:nodes:hst", name: "Hochschule Trier" });
    expect(credential.credentialSubject).toMatchObject({ name: "Jana Řezníčková", role: "mentee", term: "2025/26", activityStartDate: "2025-11-01T00:00:00Z" });
    expect(credential.credentialSubject.achievement).toMatchObject({
      name: "Industrial Mentorship Programme",
      inLanguage: "de",
      criteria: { narrative: "Abschlussevaluation abgegeben; Programmpaket vollständig (keine Pflichtveranstaltung offen)" },
    });
    expect(await independent(credential)).toEqual({ verified: true, statusVerified: true, proofError: null });
    expect(await ours(credential)).toMatchObject({ verdict: "VALID", credential: { holderName: "Jana Řezníčková" } });
  });

  it("fails the independent verifier after one value changes, and with a key the registry does not publish", async () => {
    const tampered = JSON.parse(JSON.stringify(issued.credential).replace("Řezníčková", "Řezníčkova"));
    expect(await independent(tampered)).toMatchObject({ verified: false, proofError: "Invalid signature." });
    expect((await ours(tampered)).verdict).toBe("INVALID");
    // a registry that publishes another key under hst's kid: the node's signature is no longer vouched for
    const hstEntry = hst.trust.registry.nodes.find((node) => node.id === "hst")!;
    const kid = hstEntry.jwks.keys[0]!.kid;
    const other = await generateSigningKeyPair(kid);
    const registry = {
      ...hst.trust.registry,
      nodes: hst.trust.registry.nodes.map((node) => (node.id === "hst" ? { ...node, jwks: { keys: [other.publicJwk as (typeof hstEntry.jwks.keys)[number]] } } : node)),
    };
    const lists = await publishedStatusLists(hst);
    expect(await verifyIndependently(issued.credential, { registry, publicGatewayUrl: PUBLIC_GATEWAY }, (url) => lists.get(url))).toMatchObject({ verified: false });
    expect((await verifyCredential(issued.credential, { registry, publicGatewayUrl: PUBLIC_GATEWAY, statusLists: (url) => lists.get(url) })).verdict).toBe("INVALID");
  });

  it("renders the holder's PDF in German and English, with the verification URL and the credential attached", async () => {
    const query = `query($p: ID!) { credentials(participantId: $p) { id de: pdf en: pdf(language: "en") } }`;
    const [mine] = (await ok(hst.as(as.participant(mentee.id)), query, { p: mentee.id })).credentials;
    const german = await readCertificatePdf(Buffer.from(mine.de, "base64"));
    expect(german.text).toContain("Jana Řezníčková hat vom 1. November 2025 bis 15. Juli 2026 als Mentee am Industrial Mentorship Programme (2025/26) teilgenommen.");
    expect(german.text).toContain(issued.verificationUrl);
    expect(german.attachments).toEqual(["credential.json"]);
    const english = await readCertificatePdf(Buffer.from(mine.en, "base64"));
    expect(english.text).toContain("Jana Řezníčková took part in the Industrial Mentorship Programme (2025/26) as a mentee from November 1, 2025 to July 15, 2026.");
  });

  it("gives one live certificate per person and cohort", async () => {
    expect(firstError(await hst.query(ISSUE_CERTIFICATE, { p: mentee.id, c: cohortId }))).toMatchObject({ code: "CONFLICT", field: "cohortId" });
    expect(await hst.countRows("issued_credentials")).toBe(1);
  });

  it("is issued by the home node's coordinators only: not by the person, another node's coordinator, or for another node's person", async () => {
    for (const caller of [as.participant(mentee.id), as.nodeCoordinator("zcu"), as.jointCoordinator()]) {
      expect(firstError(await hst.as(caller).query(ISSUE_CERTIFICATE, { p: mentee.id, c: cohortId }))).toMatchObject({ code: "FORBIDDEN", rule: "certificate.issue" });
    }
    const foreign = firstError(await hst.query(ISSUE_CERTIFICATE, { p: remoteParticipantId("zcu"), c: cohortId }));
    expect(foreign).toMatchObject({ field: "participantId" });
    expect(["WRONG_NODE", "BAD_USER_INPUT"]).toContain(foreign?.code);
  });

  it("revokes with a reason kept at the node: both verifiers then say revoked; a new certificate may follow", async () => {
    expect(firstError(await hst.query(REVOKE_CERTIFICATE, { id: issued.id, reason: "   " }))).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    expect(firstError(await hst.as(as.participant(mentee.id)).query(REVOKE_CERTIFICATE, { id: issued.id, reason: "mine" }))).toMatchObject({ code: "FORBIDDEN", rule: "certificate.revoke" });
    const revoked = (await ok(hst, REVOKE_CERTIFICATE, { id: issued.id, reason: "Issued for the wrong cohort" })).revokeCertificate;
    expect(revoked).toMatchObject({ revocationReason: "Issued for the wrong cohort" });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await independent(issued.credential)).toMatchObject({ verified: false, statusVerified: false });
    expect(await ours(issued.credential)).toMatchObject({ verdict: "REVOKED" });
    expect(firstError(await hst.query(REVOKE_CERTIFICATE, { id: issued.id, reason: "again" }))).toMatchObject({ code: "CONFLICT" });
    const again = (await ok(hst, ISSUE_CERTIFICATE, { p: mentee.id, c: cohortId, l: "en" })).issueCertificate;
    expect(again.credential.credentialStatus.statusListIndex).not.toBe(issued.credential.credentialStatus.statusListIndex);
    expect((await ours(again.credential)).verdict).toBe("VALID");
    const list = (await ok(hst.as(as.participant(mentee.id)), CREDENTIALS, { p: mentee.id })).credentials;
    expect(list.map((credential: Json) => credential.id)).toEqual([again.id, issued.id]);
  });

  it("gives a mentor the participation certificate", async () => {
    const tandem = await tandemInCohort(hst, cohortId, mentor.id, "MENTOR", remoteParticipantId("zcu"));
    await tandem.complete();
    const credential = (await ok(hst, ISSUE_CERTIFICATE, { p: mentor.id, c: cohortId })).issueCertificate;
    expect(credential).toMatchObject({ role: "MENTOR", language: "fr" });
    expect(credential.credential.name).toBe("Attestation de participation au mentorat");
    expect((await independent(credential.credential)).verified).toBe(true);
  });

  it("shows a person's certificates to them and their home node's coordinators only", async () => {
    for (const caller of [as.participant(mentor.id, "mentor"), as.nodeCoordinator("zcu"), as.jointCoordinator()]) {
      expect(firstError(await hst.as(caller).query(CREDENTIALS, { p: mentee.id }))).toMatchObject({ code: "FORBIDDEN", rule: "certificate.read" });
    }
    expect((await ok(hst, CREDENTIALS, { p: mentee.id })).credentials).toHaveLength(2);
  });

  it("exports the person's certificates, and on erasure revokes them and drops what names them, keeping the bit", async () => {
    const EXPORT = `query($p: ID!) { exportParticipantData(node: "hst", participantId: $p) }`;
    const exported = (await ok(hst.as(as.participant(mentor.id, "mentor")), EXPORT, { p: mentor.id })).exportParticipantData;
    expect(exported.credentials).toHaveLength(1);
    const [held] = exported.credentials;
    expect(held).toMatchObject({ role: "MENTOR", revokedAt: null, credential: { credentialSubject: { name: "Pierre Lefèvre" } } });
    expect((await ours(held.credential)).verdict).toBe("VALID");
    await ok(hst, `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { heldPersonalData } }`, { p: mentor.id });
    expect(await ours(held.credential)).toMatchObject({ verdict: "REVOKED" });
    expect((await independent(held.credential)).verified).toBe(false);
    const uuid = held.id.split(":")[2];
    const [row] = await hst.sql(`SELECT participant_id, document, revoked_at, revocation_reason, status_index FROM issued_credentials WHERE id = $1`, [uuid]);
    expect(row).toMatchObject({ participant_id: null, document: null, revocation_reason: "The holder's data was erased at their request" });
    expect(row!.revoked_at).not.toBeNull();
    expect(await hst.node.database.dataSource.query(`SELECT 1 FROM issued_credentials WHERE document::text LIKE '%Lefèvre%'`)).toEqual([]);
  });
});
