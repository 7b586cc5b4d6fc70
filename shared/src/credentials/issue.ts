/**
 * Issuing an Open Badges 3.0 credential (W3C VC data model 2.0) for a
 * mentee's achievement or a mentor's participation, signed by the home node
 * with a Data Integrity proof (eddsa-rdfc-2022).
 */
import { randomUUID } from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { certificateText, type CertificateLanguage } from "./certificate-messages.js";
import { OPEN_BADGES_CONTEXT, VC_V2_CONTEXT } from "./contexts.js";
import { issuerDid } from "./did.js";
import { bundledContextLoader } from "./document-loader.js";
import type { CredentialSigner } from "./signer.js";

export type CredentialRole = "mentee" | "mentor";

/** A signed credential as JSON. */
export type SignedCredential = Record<string, unknown>;

export interface CredentialRequest {
  /** `urn:uuid:…`; a fresh one when omitted. */
  id?: string;
  issuer: { nodeId: string; name: string };
  holder: { name: string; language: CertificateLanguage };
  role: CredentialRole;
  programme: { id: string; name: string };
  cohort: { name: string; startsOn: string; endsOn: string };
  /** The completion rules the holder met, in the holder's language. */
  criteria: string;
  validFrom: Date;
  /** The holder's bit in the issuing node's revocation list. */
  status: { listUrl: string; index: number };
}

export interface IssueContext {
  publicGatewayUrl: string;
  signer: CredentialSigner;
}

function calendarDay(day: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw new Error(`${field} must be a day YYYY-MM-DD (got "${day}")`);
  return `${day}T00:00:00Z`;
}

function achievement(request: CredentialRequest, publicGatewayUrl: string): Record<string, unknown> {
  const language = request.holder.language;
  const values = { role: request.role, programme: request.programme.name, cohort: request.cohort.name };
  return {
    id: `${publicGatewayUrl.replace(/\/$/, "")}/programmes/${encodeURIComponent(request.programme.id)}/achievements/${request.role}`,
    type: ["Achievement"],
    achievementType: request.role === "mentee" ? "Certificate" : "Achievement",
    name: request.programme.name,
    description: certificateText(language, "achievementDescription", values),
    criteria: { narrative: request.criteria },
    inLanguage: language,
  };
}

/** The unsigned OpenBadgeCredential of a request. */
export function openBadgeCredential(request: CredentialRequest, publicGatewayUrl: string): SignedCredential {
  const did = issuerDid(request.issuer.nodeId, publicGatewayUrl);
  const { listUrl, index } = request.status;
  return {
    "@context": [VC_V2_CONTEXT, OPEN_BADGES_CONTEXT],
    id: request.id ?? `urn:uuid:${randomUUID()}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: certificateText(request.holder.language, "title", { role: request.role }),
    issuer: { id: did, type: ["Profile"], name: request.issuer.name },
    validFrom: request.validFrom.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      name: request.holder.name,
      identifier: [{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: request.holder.name }],
      role: request.role,
      term: request.cohort.name,
      activityStartDate: calendarDay(request.cohort.startsOn, "cohort.startsOn"),
      activityEndDate: calendarDay(request.cohort.endsOn, "cohort.endsOn"),
      achievement: achievement(request, publicGatewayUrl),
    },
    credentialStatus: {
      id: `${listUrl}#${index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(index),
      statusListCredential: listUrl,
    },
  };
}

/** Signs any credential of this issuer (a certificate or a status list) with the node's key. */
export async function signCredential(credential: object, context: IssueContext): Promise<SignedCredential> {
  const suite = new DataIntegrityProof({ signer: context.signer, cryptosuite: eddsaRdfc2022 });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: bundledContextLoader });
}

/** Builds and signs the OpenBadgeCredential of a request. */
export async function issueCredential(request: CredentialRequest, context: IssueContext): Promise<SignedCredential> {
  return signCredential(openBadgeCredential(request, context.publicGatewayUrl), context);
}
