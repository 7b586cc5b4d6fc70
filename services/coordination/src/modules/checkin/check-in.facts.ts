/**
 * The check-ins the office applies (DESIGN.md §9): codes signed by the
 * author's home node (the inbox verified signature and signer), about a
 * tandem the author is a partner of. "Contact me" or a satisfaction of 2 or
 * lower marks the tandem as needing attention and opens a mediation case.
 */
import type { EntityManager } from "typeorm";
import { AppError, ErrorCode, MonitoringChangeKind, ProofType, type CheckInProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { TandemEntity } from "../tandem/tandem.entity.js";
import { TANDEM_KIND } from "../tandem/tandem.type.js";
import type { TandemSide } from "./check-in-record.entity.js";
import type { AttentionReason } from "./tandem-attention.entity.js";
import { openCaseFromCheckIn } from "../mediation/mediation-case.checkin.js";
import { publishMonitoringChange } from "../monitoring/monitoring.changes.js";

/** A satisfaction at or below this needs attention. */
export const LOW_SATISFACTION = 2;

export function checkInFactHandlers(directory: ConsortiumDirectory): FactHandlers {
  return {
    [ProofType.CHECK_IN]: async ({ manager, proof, audit }: FactApplication<CheckInProof>) => {
      const { tandemId, side, tandem } = await partnerSide(manager, directory, proof.tandemId, proof.participantId);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO tandem_check_ins (tandem_id, side, due_on, satisfaction, on_track, contact_requested) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING tandem_id`,
        [tandemId, side, proof.dueOn, proof.satisfaction, proof.onTrack, proof.contactRequested],
      );
      if (inserted.length === 0) return;
      const reasons = attentionReasons(proof);
      if (reasons.length) {
        await manager.query(`INSERT INTO tandem_attention (tandem_id, side, due_on, reasons) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [tandemId, side, proof.dueOn, reasons]);
        await openCaseFromCheckIn(manager, directory, tandem, side, proof.participantId);
      }
      await publishMonitoringChange(manager, directory, MonitoringChangeKind.CHECK_IN, tandem);
      audit.changed(reasons.length ? "check-in:attention" : "check-in", "ok", { targetId: proof.tandemId });
    },
  };
}

export function attentionReasons(answer: { satisfaction: number; contactRequested: boolean }): AttentionReason[] {
  return [...(answer.contactRequested ? (["CONTACT_REQUESTED"] as const) : []), ...(answer.satisfaction <= LOW_SATISFACTION ? (["LOW_SATISFACTION"] as const) : [])];
}

/** The tandem's local id and the author's side in it; a fact about someone who is no partner of it is refused. */
export async function partnerSide(
  manager: EntityManager,
  directory: ConsortiumDirectory,
  tandemGlobalId: string,
  participantId: string,
): Promise<{ tandemId: string; side: TandemSide; tandem: TandemEntity }> {
  const tandemId = directory.parseLocal(tandemGlobalId, TANDEM_KIND, "facts.proof.tandemId");
  const tandem = await manager.getRepository(TandemEntity).findOneBy({ id: tandemId });
  if (!tandem) throw new AppError(ErrorCode.NOT_FOUND, `facts.proof: no tandem ${tandemGlobalId}`, { field: "facts.proof" });
  const side = tandem.menteeId === participantId ? "MENTEE" : tandem.mentorId === participantId ? "MENTOR" : null;
  if (!side) throw new AppError(ErrorCode.FORBIDDEN, "facts.proof: the author is no partner of this tandem", { field: "facts.proof" });
  return { tandemId, side, tandem };
}
