/**
 * Reading an agreement: rule agreement.read decides (the mentee; the mentor
 * under the tandem-partner rule), and every read is written to the mentee's
 * node's audit log — it holds what the pair wrote.
 */
import type { NodeContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import type { AgreementSignatureEntity } from "./agreement.entity.js";
import type { AgreementRead } from "./agreement.service.js";
import type { AgreementGoalContent } from "./agreement-content.js";
import { Agreement, AgreementSignature, type AgreementGoal, type AgreementStatus } from "./agreement.type.js";

/** The agreement for a caller the rule lets through; FORBIDDEN naming the rule (or null, `quietly`) for anyone else, null when there is none. */
export async function readAgreement(ctx: NodeContext, agreementId: string, options: { quietly?: boolean } = {}): Promise<Agreement | null> {
  const found = await ctx.services.agreements.find(agreementId);
  if (!found) return null;
  if (options.quietly && !ctx.access.allows(rules.readAgreement, found.view)) return null;
  ctx.access.require(rules.readAgreement, found.view);
  const read = await ctx.services.agreements.read(agreementId, found.tandem);
  ctx.audit.processed("read-agreement", { participantId: found.tandem.menteeId, targetId: agreementId });
  return toAgreement(read);
}

export function toAgreement({ agreementId, tandem, current, versions, signatures }: AgreementRead): Agreement {
  const signedByBoth = signatures.length === 2;
  const status: AgreementStatus = tandem.endedAt ? "ENDED" : !current ? "AWAITING_DRAFT" : signedByBoth ? "SIGNED" : "DRAFT";
  return Object.assign(new Agreement(), {
    id: agreementId,
    tandemId: tandem.tandemId,
    menteeId: tandem.menteeId,
    mentorId: tandem.mentorId,
    status,
    version: tandem.version,
    versionHash: tandem.versionHash,
    authorId: current?.authorId ?? null,
    updatedAt: current?.createdAt ?? null,
    shortTermGoals: keyed("short", current?.content.shortTermGoals ?? []),
    longTermGoals: keyed("long", current?.content.longTermGoals ?? []),
    contactForms: current?.content.contactForms ?? [],
    frequency: current?.content.frequency ?? null,
    feedbackForm: current?.content.feedbackForm ?? null,
    additions: current?.content.additions ?? null,
    signatures: signatures.map((signature) => toSignature(agreementId, signature)),
    versions: versions.map((version) => ({ version: version.version, versionHash: version.hash, authorId: version.authorId, createdAt: version.createdAt })),
  });
}

/** The goals with the keys the evaluation rates them by (agreementGoalKeys gives the same keys from the counts). */
function keyed(prefix: "short" | "long", goals: AgreementGoalContent[]): AgreementGoal[] {
  return goals.map((goal, index) => ({ key: `${prefix}-${index + 1}`, ...goal }));
}

export function toSignature(agreementId: string, entity: AgreementSignatureEntity): AgreementSignature {
  const { signerId, role, version, versionHash, signedAt, proof } = entity;
  return Object.assign(new AgreementSignature(), { agreementId, signerId, role, version, versionHash, signedAt, proof });
}
