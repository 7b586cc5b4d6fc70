/**
 * Verifying a Tandem credential with the registry's keys only, offline:
 * VALID, INVALID, REVOKED or UNKNOWN_ISSUER, and what the credential says.
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import { nodeIdOfDid, type CredentialTrust } from "./did.js";
import { credentialDocumentLoader, type StatusListLookup } from "./document-loader.js";
import { credentialSummary, issuerIdOf, type CredentialSummary } from "./summary.js";

export type CredentialVerdict = "VALID" | "INVALID" | "REVOKED" | "UNKNOWN_ISSUER";

export interface CredentialVerification {
  verdict: CredentialVerdict;
  /** Why it is not VALID, in English; null when VALID. */
  reason: string | null;
  /** The credential's own content, for VALID and REVOKED only (a forged claim is not shown). */
  credential: CredentialSummary | null;
}

export interface VerifyOptions extends CredentialTrust {
  /** The signed status lists by URL (the gateway serves them; tests hand them over). */
  statusLists?: StatusListLookup;
  /** The moment to verify at; now when omitted. */
  now?: Date;
}

type Json = Record<string, unknown>;

function refuse(verdict: CredentialVerdict, reason: string): CredentialVerification {
  return { verdict, reason, credential: null };
}

function parse(input: unknown): Json | null {
  try {
    const value: unknown = typeof input === "string" ? JSON.parse(input) : input;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

/** Why the registry does not vouch for the issuer and key, or null when it does. */
function unknownIssuer(credential: Json, trust: CredentialTrust): string | null {
  const did = issuerIdOf(credential);
  const nodeId = did ? nodeIdOfDid(did, trust.publicGatewayUrl) : null;
  const node = trust.registry.nodes.find((candidate) => candidate.id === nodeId);
  if (!did || !node) return `the issuer ${did ?? "(none)"} is not a node of the consortium registry`;
  const proof = (Array.isArray(credential.proof) ? credential.proof[0] : credential.proof) as Json | undefined;
  const method = typeof proof?.verificationMethod === "string" ? proof.verificationMethod : "";
  const kid = method.startsWith(`${did}#`) ? method.slice(did.length + 1) : null;
  if (!node.jwks.keys.some((jwk) => jwk.kid === kid)) return `the key ${method || "(none)"} is not published by the registry for node ${node.id}`;
  return null;
}

function firstMessage(error: unknown): string {
  const nested = (error as { errors?: unknown[] } | undefined)?.errors?.[0] ?? error;
  return nested instanceof Error ? nested.message : String(nested ?? "unknown error");
}

/** Verifies a credential (its JSON text or parsed object). Nothing is fetched. */
export async function verifyCredential(input: unknown, options: VerifyOptions): Promise<CredentialVerification> {
  const credential = parse(input);
  if (!credential) return refuse("INVALID", "not a JSON object");
  const issuerProblem = unknownIssuer(credential, options);
  if (issuerProblem) return refuse("UNKNOWN_ISSUER", issuerProblem);
  const result = await vc
    .verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: credentialDocumentLoader(options, options.statusLists),
      checkStatus,
      now: options.now,
    })
    .catch((error: unknown) => ({ verified: false, error, results: undefined, statusResult: undefined }));
  const proofVerified = result.results?.every((proof) => proof.verified) ?? false;
  if (!proofVerified || (!result.verified && !result.statusResult)) return refuse("INVALID", firstMessage(result.error ?? result.results?.[0]?.error));
  if (!result.statusResult?.verified) return refuse("INVALID", `the status list could not be checked: ${firstMessage(result.statusResult?.error)}`);
  const summary = credentialSummary(credential);
  if (result.statusResult.results?.some((status) => status.status === true)) return { verdict: "REVOKED", reason: "revoked by its issuer", credential: summary };
  if (!result.verified) return refuse("INVALID", firstMessage(result.error));
  return { verdict: "VALID", reason: null, credential: summary };
}
