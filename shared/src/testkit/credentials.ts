/**
 * The independent verifier of the certificate tests: the Digital Credentials
 * Consortium's stack (its own jsonld, canonicaliser and contexts), handed
 * only what any did:web resolver would fetch from the gateway: the DID
 * document built from the registry, and the signed status lists.
 */
import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { securityLoader } from "@digitalcredentials/security-document-loader";
import * as vc from "@digitalcredentials/vc";
import { checkStatus } from "@digitalcredentials/vc-bitstring-status-list";
import { credentialDocumentLoader, type CredentialTrust } from "../credentials/index.js";

export interface IndependentVerdict {
  verified: boolean;
  /** Whether the status list was checked and the bit is clear; null when not reached. */
  statusVerified: boolean | null;
  /** Why the proof was refused, e.g. "Invalid signature."; null when it verified. */
  proofError: string | null;
}

export async function verifyIndependently(credential: unknown, trust: CredentialTrust, statusLists: (url: string) => unknown): Promise<IndependentVerdict> {
  const bundled = securityLoader({ fetchRemoteContexts: false }).build();
  const published = credentialDocumentLoader(trust, statusLists);
  const documentLoader = async (url: string) => (url.startsWith("did:") || (await statusLists(url)) !== undefined ? published(url) : bundled(url));
  const result = await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, checkStatus });
  const proofError = (result.results?.[0]?.error as Error | undefined)?.message ?? (result.results?.[0]?.verified === false ? "refused" : null);
  return { verified: result.verified, statusVerified: result.statusResult ? result.statusResult.verified : null, proofError: result.verified ? null : proofError };
}

/** A certificate PDF as a reader sees it: its pages, its text (whitespace folded) and the names of its attachments. */
export async function readCertificatePdf(pdf: Uint8Array): Promise<{ pages: number; text: string; attachments: string[] }> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  const attachments = ((await document.getAttachments()) ?? {}) as Record<string, { filename: string }>;
  return { pages: document.numPages, text: text.replace(/\s+/g, " "), attachments: Object.values(attachments).map((attachment) => attachment.filename) };
}
