/**
 * The tandem facts this node keeps beside the disclosure it grants: a tandem
 * became ACTIVE (its partners, start and check-in dates) and it ended. Only
 * tandems with a partner of this node are kept.
 */
import { AppError, ErrorCode, homeNodeOf, ProofType, tryParseGlobalId, type TandemActivatedProof, type TandemEndedProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import { ActiveTandemEntity } from "./active-tandem.entity.js";

export function activeTandemFactHandlers(selfId: string): FactHandlers {
  return {
    [ProofType.TANDEM_ACTIVATED]: async ({ manager, proof, audit }: FactApplication<TandemActivatedProof>) => {
      if (homeNodeOf(proof.menteeId) !== selfId && homeNodeOf(proof.mentorId) !== selfId) {
        throw new AppError(ErrorCode.NOT_FOUND, "facts.proof: neither partner of this tandem belongs to this node", { field: "facts.proof" });
      }
      const { tandemId, cohortId, menteeId, mentorId, startedOn, checkInsDue } = proof;
      await manager.createQueryBuilder().insert().into(ActiveTandemEntity).values({ tandemId, cohortId, menteeId, mentorId, startedOn, checkInsDue }).orIgnore().execute();
      audit.changed("tandem-activated", "ok", { targetId: tandemId });
    },
    [ProofType.TANDEM_ENDED]: async ({ manager, proof }: FactApplication<TandemEndedProof>) => {
      if (!tryParseGlobalId(proof.tandemId)) return;
      await manager.query(`UPDATE active_tandems SET ended_at = now() WHERE tandem_id = $1 AND ended_at IS NULL`, [proof.tandemId]);
    },
  };
}
