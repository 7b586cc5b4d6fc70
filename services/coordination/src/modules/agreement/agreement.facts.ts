/**
 * The agreement facts the coordination office applies (DESIGN.md §9): a new
 * version from the mentee's home node (number, hash, date), a signature from
 * the signer's home node. When both partners signed the current version of
 * an accepted tandem, it starts (ACTIVE), in the same transaction.
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, MonitoringChangeKind, ProofType, type AgreementSignedProof, type AgreementVersionProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { cohortAllows } from "../cohort/cohort-state.rules.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { publishMonitoringChange } from "../monitoring/monitoring.changes.js";
import { TandemEntity } from "../tandem/tandem.entity.js";
import type { TandemService } from "../tandem/tandem.service.js";
import { TANDEM_KIND } from "../tandem/tandem.type.js";
import { TandemAgreementSignatureEntity } from "./agreement.entity.js";
import { agreementStateOf } from "./agreement-state.js";

export function agreementFactHandlers(directory: ConsortiumDirectory, tandems: Pick<TandemService, "startSigned">): FactHandlers {
  const lockTandem = async (manager: EntityManager, tandemId: string): Promise<TandemEntity> => {
    const localId = directory.parseLocal(tandemId, TANDEM_KIND, "tandemId");
    const tandem = await manager.findOne(TandemEntity, { where: { id: localId }, lock: { mode: "pessimistic_write" } });
    if (!tandem) throw new AppError(ErrorCode.NOT_FOUND, `tandemId: no tandem ${tandemId}`);
    return tandem;
  };

  const version = async ({ manager, proof, audit }: FactApplication<AgreementVersionProof>) => {
    const tandem = await lockTandem(manager, proof.tandemId);
    if (tandem.menteeId !== proof.menteeId || tandem.mentorId !== proof.mentorId) throw new AppError(ErrorCode.INVALID_PROOF, "the version names other partners than the tandem");
    await manager.query(
      `INSERT INTO tandem_agreements (tandem_id, version, version_hash, versioned_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tandem_id) DO UPDATE SET version = EXCLUDED.version, version_hash = EXCLUDED.version_hash, versioned_at = EXCLUDED.versioned_at, updated_at = now()
       WHERE tandem_agreements.version < EXCLUDED.version`,
      [tandem.id, proof.version, proof.versionHash, new Date(proof.versionedAt)],
    );
    audit.changed("agreement-version", "ok", { participantId: tandem.menteeId, targetId: proof.tandemId });
    await publishMonitoringChange(manager, directory, MonitoringChangeKind.AGREEMENT, tandem);
    await activateWhenSigned(manager, tandem);
  };

  const signed = async ({ manager, proof, token, audit }: FactApplication<AgreementSignedProof>) => {
    const tandem = await lockTandem(manager, proof.tandemId);
    if ((proof.role === "MENTEE" ? tandem.menteeId : tandem.mentorId) !== proof.signerId) throw new AppError(ErrorCode.INVALID_PROOF, `the signer is not the tandem's ${proof.role.toLowerCase()}`);
    const { role, versionHash, version, signerId } = proof;
    await manager
      .createQueryBuilder()
      .insert()
      .into(TandemAgreementSignatureEntity)
      .values({ tandemId: tandem.id, role, versionHash, version, signerId, signedAt: new Date(proof.signedAt), proof: token })
      .orIgnore()
      .execute();
    audit.changed("agreement-signed", "ok", { participantId: signerId, targetId: proof.tandemId });
    await publishMonitoringChange(manager, directory, MonitoringChangeKind.AGREEMENT, tandem);
    await activateWhenSigned(manager, tandem);
  };

  /** ACCEPTED → ACTIVE once both signed the current version, while the cohort allows starting tandems (else a coordinator starts it later). */
  const activateWhenSigned = async (manager: EntityManager, tandem: TandemEntity) => {
    if (tandem.status !== "ACCEPTED" || !(await agreementStateOf(manager, tandem.id))?.signed) return;
    const cohort = await manager.findOneOrFail(CohortEntity, { where: { id: tandem.cohortId }, lock: { mode: "pessimistic_read" } });
    if (!cohortAllows(cohort.state, "activateTandem")) return;
    await tandems.startSigned(manager, tandem);
  };

  return { [ProofType.AGREEMENT_VERSION]: version, [ProofType.AGREEMENT_SIGNED]: signed };
}
