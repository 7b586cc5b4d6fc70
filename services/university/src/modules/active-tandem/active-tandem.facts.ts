/**
 * The tandem facts this node keeps beside the disclosure it grants: a tandem
 * became ACTIVE (its partners, start and check-in dates) and it ended. Only
 * tandems with a partner of this node are kept. A coordinator may later
 * record that the pair really started earlier: the office says so again,
 * and the node keeps the earliest start it was told (with that statement's
 * check-in days), whatever order the statements arrive in.
 */
import { AppError, ErrorCode, homeNodeOf, ProofType, tryParseGlobalId, type TandemActivatedProof, type TandemEndedProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";

export function activeTandemFactHandlers(selfId: string): FactHandlers {
  return {
    [ProofType.TANDEM_ACTIVATED]: async ({ manager, proof, audit }: FactApplication<TandemActivatedProof>) => {
      if (homeNodeOf(proof.menteeId) !== selfId && homeNodeOf(proof.mentorId) !== selfId) {
        throw new AppError(ErrorCode.NOT_FOUND, "facts.proof: neither partner of this tandem belongs to this node", { field: "facts.proof" });
      }
      const { tandemId, cohortId, menteeId, mentorId, startedOn, checkInsDue } = proof;
      await manager.query(
        `INSERT INTO active_tandems (tandem_id, cohort_id, mentee_id, mentor_id, started_on, check_ins_due) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tandem_id) DO UPDATE SET started_on = EXCLUDED.started_on, check_ins_due = EXCLUDED.check_ins_due WHERE EXCLUDED.started_on < active_tandems.started_on`,
        [tandemId, cohortId, menteeId, mentorId, startedOn, checkInsDue],
      );
      audit.changed("tandem-activated", "ok", { targetId: tandemId });
    },
    [ProofType.TANDEM_ENDED]: async ({ manager, proof }: FactApplication<TandemEndedProof>) => {
      if (!tryParseGlobalId(proof.tandemId)) return;
      await manager.query(`UPDATE active_tandems SET ended_at = now() WHERE tandem_id = $1 AND ended_at IS NULL`, [proof.tandemId]);
    },
  };
}
