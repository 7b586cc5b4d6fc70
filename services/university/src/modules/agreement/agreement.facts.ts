/**
 * The facts of other parties the agreement follows (DESIGN.md §9):
 * - the coordination office's acceptance of a tandem: its partners living
 *   here may now draft (the mentee) and sign; its end: nothing changes any more;
 * - the mentee's home node's versions, at the mentor's home node: the hash
 *   the mentor may sign, no text;
 * - the mentor's home node's signatures, at the mentee's home node: the
 *   partner signed (a live update for both).
 */
import {
  AgreementChangeKind,
  AppError,
  ErrorCode,
  ProofType,
  homeNodeOf,
  type AgreementSignedProof,
  type AgreementVersionProof,
  type TandemAcceptedProof,
  type TandemEndedProof,
} from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { AgreementSignatureEntity, AgreementTandemEntity } from "./agreement.entity.js";
import type { AgreementPublisher } from "./agreement.publish.js";

export function agreementFactHandlers(directory: NodeDirectory, publisher: AgreementPublisher): FactHandlers {
  const here = (participantId: string) => homeNodeOf(participantId) === directory.self.id;

  const accepted = async ({ manager, proof }: FactApplication<TandemAcceptedProof>) => {
    if (!here(proof.menteeId) && !here(proof.mentorId)) return;
    await manager.query(`INSERT INTO agreement_tandems (tandem_id, mentee_id, mentor_id) VALUES ($1, $2, $3) ON CONFLICT (tandem_id) DO NOTHING`, [proof.tandemId, proof.menteeId, proof.mentorId]);
  };

  const ended = async ({ manager, proof }: FactApplication<TandemEndedProof>) => {
    await manager.query(`UPDATE agreement_tandems SET ended_at = now() WHERE tandem_id = $1 AND ended_at IS NULL`, [proof.tandemId]);
  };

  const version = async ({ manager, proof }: FactApplication<AgreementVersionProof>) => {
    if (!here(proof.mentorId)) throw new AppError(ErrorCode.WRONG_NODE, `the mentor ${proof.mentorId} does not live at ${directory.self.id}`);
    const known = await manager.findOne(AgreementTandemEntity, { where: { tandemId: proof.tandemId }, lock: { mode: "pessimistic_write" } });
    if (known && (known.menteeId !== proof.menteeId || known.mentorId !== proof.mentorId)) throw new AppError(ErrorCode.INVALID_PROOF, "the version names other partners than the tandem's acceptance");
    if (known && known.version >= proof.version) return;
    const at = new Date(proof.versionedAt);
    await manager.query(
      `INSERT INTO agreement_tandems (tandem_id, mentee_id, mentor_id, version, version_hash, versioned_at, short_goals, long_goals) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tandem_id) DO UPDATE SET version = EXCLUDED.version, version_hash = EXCLUDED.version_hash, versioned_at = EXCLUDED.versioned_at,
         short_goals = EXCLUDED.short_goals, long_goals = EXCLUDED.long_goals`,
      [proof.tandemId, proof.menteeId, proof.mentorId, proof.version, proof.versionHash, at, proof.goalCounts?.short ?? null, proof.goalCounts?.long ?? null],
    );
  };

  const signed = async ({ manager, proof, token }: FactApplication<AgreementSignedProof>) => {
    const tandem = await manager.findOneBy(AgreementTandemEntity, { tandemId: proof.tandemId });
    if (!tandem || !here(tandem.menteeId)) throw new AppError(ErrorCode.NOT_FOUND, `no tandem ${proof.tandemId} whose mentee lives at ${directory.self.id}`);
    if (proof.role !== "MENTOR" || tandem.mentorId !== proof.signerId) throw new AppError(ErrorCode.INVALID_PROOF, "the signer is not the tandem's mentor");
    const { tandemId, role, versionHash, version, signerId } = proof;
    await manager
      .createQueryBuilder()
      .insert()
      .into(AgreementSignatureEntity)
      .values({ tandemId, role, versionHash, version, signerId, signedAt: new Date(proof.signedAt), proof: token })
      .orIgnore()
      .execute();
    await publisher.changed(manager, proof.agreementId, AgreementChangeKind.SIGNED);
  };

  return {
    [ProofType.TANDEM_ACCEPTED]: accepted,
    [ProofType.TANDEM_ENDED]: ended,
    [ProofType.AGREEMENT_VERSION]: version,
    [ProofType.AGREEMENT_SIGNED]: signed,
  };
}
