/** A tandem's agreement as the coordination office knows it: the current version and who signed it. */
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { TandemAgreementEntity, TandemAgreementSignatureEntity } from "./agreement.entity.js";

export interface AgreementState {
  tandemId: string;
  version: number;
  versionHash: string;
  versionedAt: Date;
  menteeSignedAt: Date | null;
  mentorSignedAt: Date | null;
  /** Both partners signed the current version. */
  signed: boolean;
}

/** States of several tandems (local ids), two queries; tandems without a version are absent. */
export async function agreementStates(manager: EntityManager, tandemIds: readonly string[]): Promise<AgreementState[]> {
  if (tandemIds.length === 0) return [];
  const agreements = await manager.findBy(TandemAgreementEntity, { tandemId: In([...tandemIds]) });
  if (agreements.length === 0) return [];
  const signatures = await manager.findBy(TandemAgreementSignatureEntity, { tandemId: In(agreements.map((agreement) => agreement.tandemId)) });
  return agreements.map((agreement) => {
    const current = signatures.filter((signature) => signature.tandemId === agreement.tandemId && signature.versionHash === agreement.versionHash);
    const signedAt = (role: string) => current.find((signature) => signature.role === role)?.signedAt ?? null;
    const menteeSignedAt = signedAt("MENTEE");
    const mentorSignedAt = signedAt("MENTOR");
    return {
      tandemId: agreement.tandemId,
      version: agreement.version,
      versionHash: agreement.versionHash,
      versionedAt: agreement.versionedAt,
      menteeSignedAt,
      mentorSignedAt,
      signed: !!menteeSignedAt && !!mentorSignedAt,
    };
  });
}

export async function agreementStateOf(manager: EntityManager, tandemId: string): Promise<AgreementState | null> {
  return (await agreementStates(manager, [tandemId]))[0] ?? null;
}
