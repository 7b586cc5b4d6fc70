/**
 * The final evaluations the office applies (DESIGN.md §9): codes signed by
 * the author's home node (the inbox verified signature and signer), about a
 * tandem the author is a partner of; the first one of a side is kept.
 */
import { MonitoringChangeKind, ProofType, type TandemEvaluationProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { partnerSide } from "../checkin/check-in.facts.js";
import { publishMonitoringChange } from "../monitoring/monitoring.changes.js";

export function evaluationFactHandlers(directory: ConsortiumDirectory): FactHandlers {
  return {
    [ProofType.TANDEM_EVALUATION]: async ({ manager, proof, audit }: FactApplication<TandemEvaluationProof>) => {
      const { tandemId, side, tandem } = await partnerSide(manager, directory, proof.tandemId, proof.participantId);
      const inserted: unknown[] = await manager.query(`INSERT INTO tandem_evaluations (tandem_id, side, programme_rating) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING tandem_id`, [
        tandemId,
        side,
        proof.programmeRating,
      ]);
      if (inserted.length === 0) return;
      for (const goal of proof.goals) {
        await manager.query(`INSERT INTO tandem_goal_ratings (tandem_id, side, goal_key, achievement) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [tandemId, side, goal.key, goal.achievement]);
      }
      await publishMonitoringChange(manager, directory, MonitoringChangeKind.EVALUATION, tandem);
      audit.changed("evaluation", "ok", { targetId: proof.tandemId });
    },
  };
}
