import { DataIntegrityProof as IndependentProof } from "@digitalcredentials/data-integrity";
import { cryptosuite as independentEddsa } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { securityLoader } from "@digitalcredentials/security-document-loader";
import * as independentVc from "@digitalcredentials/vc";
import { checkStatus as independentCheckStatus } from "@digitalcredentials/vc-bitstring-status-list";
import { beforeAll, describe, expect, it } from "vitest";
import { generateSigningKeyPair, signingKeyFromJwk } from "../auth/keys.js";
import { credentialWorld, GATEWAY, issued, KID, type CredentialWorld } from "./credentials.test-support.js";
import { didDocument, issuerDid } from "./did.js";
import { credentialDocumentLoader, UnknownDocumentError } from "./document-loader.js";
import { issueCredential, type SignedCredential } from "./issue.js";
import { credentialSigner } from "./signer.js";
import { verifyCredential } from "./verify.js";

let world: CredentialWorld;
beforeAll(async () => {
  world = await credentialWorld();
});

const ours = (credential: unknown) => verifyCredential(credential, { registry: world.registry, publicGatewayUrl: GATEWAY, statusLists: (url) => world.statusLists.get(url) });

/**
 * The Digital Credentials Consortium's verifier (its own jsonld, canonicaliser and
 * contexts): none of our code verifies. It is handed what any did:web resolver would
 * fetch from the gateway: the DID document (built from the registry) and the status list.
 */
async function independent(credential: unknown) {
  const bundled = securityLoader({ fetchRemoteContexts: false }).build();
  const published = credentialDocumentLoader({ registry: world.registry, publicGatewayUrl: GATEWAY }, (url) => world.statusLists.get(url));
  const documentLoader = (url: string) => (url.startsWith("did:") || world.statusLists.has(url) ? published(url) : bundled(url));
  return independentVc.verifyCredential({ credential, suite: new IndependentProof({ cryptosuite: independentEddsa }), documentLoader, checkStatus: independentCheckStatus });
}

/** Why a verifier refused the proof (not the status). */
function proofError(result: { results?: { error?: unknown }[] }): string | undefined {
  return (result.results?.[0]?.error as Error | undefined)?.message;
}

/** The JSON text with one character of a value changed (a DI proof ignores whitespace and key order, not values). */
function changeOneByte(credential: SignedCredential, from: string, to: string): unknown {
  const text = JSON.stringify(credential);
  expect(text).toContain(from);
  return JSON.parse(text.replace(from, to));
}

describe("an issued Open Badges 3.0 credential", () => {
  it("is an OpenBadgeCredential of the node's did:web with a Data Integrity proof and a status entry", async () => {
    const credential = await issued(world);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.issuer).toEqual({ id: "did:web:127.0.0.1%3A4000:nodes:hst", type: ["Profile"], name: "Hochschule Trier" });
    expect(credential.proof).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      verificationMethod: `did:web:127.0.0.1%3A4000:nodes:hst#${KID}`,
      proofPurpose: "assertionMethod",
    });
    expect(credential.credentialStatus).toMatchObject({ type: "BitstringStatusListEntry", statusListIndex: "42", statusListCredential: world.listUrl });
    expect(credential.credentialSubject).toMatchObject({ name: "Jana Řezníčková", role: "mentee", term: "2025/26", activityStartDate: "2025-11-01T00:00:00Z" });
    expect((credential.credentialSubject as { achievement: unknown }).achievement).toMatchObject({ name: "Industrial Mentorship Programme", inLanguage: "de", achievementType: "Certificate" });
  });

  it("verifies with the independent verifier and with ours, which shows what the credential says", async () => {
    const credential = await issued(world);
    const theirs = await independent(credential);
    expect(theirs.verified, JSON.stringify(theirs.error ?? theirs.statusResult)).toBe(true);
    const result = await ours(credential);
    expect(result).toMatchObject({ verdict: "VALID", reason: null });
    expect(result.credential).toMatchObject({ holderName: "Jana Řezníčková", programme: "Industrial Mentorship Programme", cohort: "2025/26", issuer: { name: "Hochschule Trier" }, language: "de" });
    expect(result.credential?.achievementDescription).toContain("Kohorte 2025/26 abgeschlossen");
  });

  it("a mentor's participation credential verifies too and says so in the holder's language", async () => {
    const credential = await issued(world, {
      id: "urn:uuid:9b0c3d52-7f41-4d0e-8a57-1f2e3d4c5b6a",
      role: "mentor",
      holder: { name: "Pierre Lefèvre", language: "fr" },
      status: { listUrl: world.listUrl, index: 7 },
    });
    expect((await independent(credential)).verified).toBe(true);
    const result = await ours(credential);
    expect(result.verdict).toBe("VALID");
    expect(result.credential).toMatchObject({ title: "Attestation de participation au mentorat", role: "mentor", language: "fr" });
  });

  it("fails both verifiers after one byte of a value changes", async () => {
    const credential = await issued(world);
    for (const tampered of [changeOneByte(credential, "Řezníčková", "Řezníčkova"), changeOneByte(credential, "2025-11-01", "2025-10-01"), changeOneByte(credential, "2f1e8c1a", "2f1e8c1b")]) {
      const theirs = await independent(tampered);
      expect(theirs.verified).toBe(false);
      expect(proofError(theirs)).toBe("Invalid signature.");
      expect(await ours(tampered)).toEqual({ verdict: "INVALID", reason: "Invalid signature.", credential: null });
    }
  });

  it("calls text that is not a JSON object INVALID", async () => {
    const text = JSON.stringify(await issued(world));
    expect((await ours(text)).verdict).toBe("VALID");
    expect(await ours(text.slice(0, -1))).toEqual({ verdict: "INVALID", reason: "not a JSON object", credential: null });
  });

  it("is REVOKED after its bit is set in the re-signed status list; another credential of the same list stays VALID", async () => {
    const revocable = await issued(world, { id: "urn:uuid:5d7e0c2a-1b3c-4d5e-8f90-a1b2c3d4e5f6", status: { listUrl: world.listUrl, index: 1001 } });
    const other = await issued(world, { id: "urn:uuid:6e8f1d3b-2c4d-4e6f-9a01-b2c3d4e5f607", status: { listUrl: world.listUrl, index: 1002 } });
    expect((await ours(revocable)).verdict).toBe("VALID");
    await world.revoke(1001);
    const theirs = await independent(revocable);
    expect(theirs.verified).toBe(false);
    expect(theirs.statusResult?.verified).toBe(false);
    expect(await ours(revocable)).toMatchObject({ verdict: "REVOKED", credential: { holderName: "Jana Řezníčková" } });
    expect((await ours(other)).verdict).toBe("VALID");
    expect((await independent(other)).verified).toBe(true);
  });

  it("without its status list it is not VALID", async () => {
    const credential = await issued(world);
    const result = await verifyCredential(credential, { registry: world.registry, publicGatewayUrl: GATEWAY });
    expect(result.verdict).toBe("INVALID");
    expect(result.reason).toMatch(/status list could not be checked/);
  });
});

describe("a credential signed with a key the registry does not publish", () => {
  async function signedBy(kid: string, nodeId = "hst") {
    const rogue = await signingKeyFromJwk((await generateSigningKeyPair(kid)).privateJwk);
    return issueCredential(world.request({ issuer: { nodeId, name: "Hochschule Trier" } }), { publicGatewayUrl: GATEWAY, signer: credentialSigner(rogue, nodeId, GATEWAY) });
  }

  it("under the published kid: both verifiers refuse the signature", async () => {
    const credential = await signedBy(KID);
    const theirs = await independent(credential);
    expect(theirs.verified).toBe(false);
    expect(proofError(theirs)).toBe("Invalid signature.");
    expect(await ours(credential)).toEqual({ verdict: "INVALID", reason: "Invalid signature.", credential: null });
  });

  it("under an unpublished kid: UNKNOWN_ISSUER for ours, refused by the independent verifier", async () => {
    const credential = await signedBy("hst-rogue");
    expect((await independent(credential)).verified).toBe(false);
    expect(await ours(credential)).toEqual({
      verdict: "UNKNOWN_ISSUER",
      reason: `the key did:web:127.0.0.1%3A4000:nodes:hst#hst-rogue is not published by the registry for node hst`,
      credential: null,
    });
  });

  it("from a node the registry does not list: UNKNOWN_ISSUER", async () => {
    const credential = await signedBy("xyz-1", "xyz");
    expect((await independent(credential)).verified).toBe(false);
    expect((await ours(credential)).verdict).toBe("UNKNOWN_ISSUER");
  });
});

describe("issuer DID and document loader", () => {
  it("names the node under the gateway's host, port encoded", () => {
    expect(issuerDid("hst", "http://127.0.0.1:4000")).toBe("did:web:127.0.0.1%3A4000:nodes:hst");
    expect(issuerDid("zcu", "https://tandem.example.eu/consortium/")).toBe("did:web:tandem.example.eu:consortium:nodes:zcu");
  });

  it("builds the DID document from the registry's keys alone", async () => {
    const document = await didDocument({ registry: world.registry, publicGatewayUrl: GATEWAY }, "hst");
    expect(document?.verificationMethod.map((method) => method.id)).toEqual([`did:web:127.0.0.1%3A4000:nodes:hst#${KID}`]);
    expect(document?.assertionMethod).toEqual([`did:web:127.0.0.1%3A4000:nodes:hst#${KID}`]);
    expect(document?.verificationMethod[0]?.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(await didDocument({ registry: world.registry, publicGatewayUrl: GATEWAY }, "xyz")).toBeNull();
  });

  it("never fetches: an unknown URL is an error", async () => {
    const loader = credentialDocumentLoader({ registry: world.registry, publicGatewayUrl: GATEWAY });
    await expect(loader("https://www.w3.org/ns/credentials/v2")).resolves.toMatchObject({ documentUrl: "https://www.w3.org/ns/credentials/v2" });
    await expect(loader("https://example.org/contexts/evil.jsonld")).rejects.toBeInstanceOf(UnknownDocumentError);
    await expect(loader("did:web:evil.example:nodes:hst")).rejects.toBeInstanceOf(UnknownDocumentError);
    await expect(loader(`did:web:127.0.0.1%3A4000:nodes:hst#hst-rogue`)).rejects.toBeInstanceOf(UnknownDocumentError);
  });
});
