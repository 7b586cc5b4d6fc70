/**
 * The agreement of a tandem (DESIGN.md §8): its content lives at the mentee's
 * home node; what crosses parties are two kinds of signed facts (§9), ids,
 * numbers, hashes and dates only. The agreement's id names the mentee's home
 * node and the tandem, so that anyone holding a tandem can address it.
 */
import { z } from "zod";
import { formatGlobalId, homeNodeOf, tryParseGlobalId } from "../ids.js";

export const AGREEMENT_KIND = "agreement";

export const AgreementRoles = ["MENTEE", "MENTOR"] as const;
export type AgreementRole = (typeof AgreementRoles)[number];

/** `<mentee's node>:agreement:<the tandem's local id>`; null when the mentee's reference has no node (never for a live tandem). */
export function agreementIdOf(tandemId: string, menteeId: string): string | null {
  const tandem = tryParseGlobalId(tandemId);
  const menteeNode = homeNodeOf(menteeId);
  return tandem && menteeNode ? formatGlobalId(menteeNode, AGREEMENT_KIND, tandem.localId) : null;
}

/** A version of an agreement was made (signed by the mentee's home node): for the coordination office and the mentor's home node. */
export interface AgreementVersionProof {
  type: "agreement-version";
  issuer: string;
  agreementId: string;
  tandemId: string;
  menteeId: string;
  mentorId: string;
  version: number;
  /** SHA-256 (hex) of the version's canonical content. */
  versionHash: string;
  /** ISO instant the version was made. */
  versionedAt: string;
  /** How many short- and long-term goals the version names (absent from proofs made before goal keys existed): the goals' keys, no text. */
  goalCounts?: GoalCounts;
}

/** The number of goals of each horizon an agreement version names. */
export interface GoalCounts {
  short: number;
  long: number;
}

/** The most goals of one horizon an agreement may name. */
export const MAX_GOALS_PER_HORIZON = 10;

/** The keys a version's goals are rated by in the final evaluation: `short-1`…, `long-1`…, in the agreement's order. */
export function agreementGoalKeys(counts: GoalCounts): string[] {
  const keys = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);
  return [...keys("short", counts.short), ...keys("long", counts.long)];
}

/** A person signed a version of an agreement (signed by the signer's home node): for the coordination office and the partner's home node. */
export interface AgreementSignedProof {
  type: "agreement-signed";
  issuer: string;
  agreementId: string;
  tandemId: string;
  signerId: string;
  role: AgreementRole;
  version: number;
  versionHash: string;
  /** ISO instant of the signature. */
  signedAt: string;
}

export type AgreementProof = AgreementVersionProof | AgreementSignedProof;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ids = { agreementId: z.string().max(200), tandemId: z.string().max(200), version: z.number().int().min(1), versionHash: z.string().regex(SHA256_HEX) };
const instant = z.iso.datetime({ offset: true });

export const AGREEMENT_PROOF_SCHEMAS = {
  "agreement-version": z.object({
    ...ids,
    menteeId: z.string().max(200),
    mentorId: z.string().max(200),
    versionedAt: instant,
    goalCounts: z.object({ short: z.number().int().min(1).max(MAX_GOALS_PER_HORIZON), long: z.number().int().min(1).max(MAX_GOALS_PER_HORIZON) }).optional(),
  }),
  "agreement-signed": z.object({ ...ids, signerId: z.string().max(200), role: z.enum(AgreementRoles), signedAt: instant }),
} as const;

export function isAgreementProofKind(kind: unknown): kind is AgreementProof["type"] {
  return kind === "agreement-version" || kind === "agreement-signed";
}

/**
 * An agreement proof's claims, checked: a version is attested by the
 * mentee's home node, a signature by the signer's; the agreement id names
 * the mentee's node and the tandem. Returns the reason it is refused, or the proof.
 */
export function checkAgreementClaims(kind: AgreementProof["type"], issuer: string, payload: unknown): AgreementProof | string {
  const parsed = AGREEMENT_PROOF_SCHEMAS[kind].safeParse(payload);
  if (!parsed.success) return `malformed ${kind} (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")})`;
  const claims = parsed.data as Omit<AgreementProof, "type" | "issuer">;
  const tandem = tryParseGlobalId(claims.tandemId);
  const agreement = tryParseGlobalId(claims.agreementId);
  if (tandem?.kind !== "tandem" || agreement?.kind !== AGREEMENT_KIND || agreement.localId !== tandem.localId) return `malformed ${kind} (agreement or tandem id)`;
  if (kind === "agreement-version") {
    const { menteeId, mentorId } = claims as AgreementVersionProof;
    if (tryParseGlobalId(menteeId)?.kind !== "participant" || tryParseGlobalId(mentorId)?.kind !== "participant") return "malformed agreement-version (participant ids)";
    if (homeNodeOf(menteeId) !== issuer || agreement.node !== issuer) return "an agreement version is attested by the mentee's home node only";
  } else {
    const { signerId } = claims as AgreementSignedProof;
    if (tryParseGlobalId(signerId)?.kind !== "participant") return "malformed agreement-signed (signer id)";
    if (homeNodeOf(signerId) !== issuer) return "a signature is attested by the signer's home node only";
  }
  return { ...claims, type: kind, issuer } as AgreementProof;
}
