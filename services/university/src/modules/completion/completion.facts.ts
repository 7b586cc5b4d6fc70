/**
 * What the mentor's home node needs to decide MEETINGS_LOGGED for its
 * mentor: the mentee's home node's signed meeting tally (counts only),
 * kept at the highest revision on the tandem it already knows.
 */
import { homeNodeOf, ProofType, type MeetingTallyProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";

export function completionFactHandlers(selfId: string): FactHandlers {
  return {
    [ProofType.MEETING_TALLY]: async ({ manager, proof, audit }: FactApplication<MeetingTallyProof>) => {
      const kept: unknown[] = await manager.query(
        `UPDATE active_tandems SET told_meetings = $2, told_meetings_revision = $3
          WHERE tandem_id = $1 AND mentee_id = $4 AND split_part(mentor_id, ':', 1) = $5 AND told_meetings_revision < $3 RETURNING tandem_id`,
        [proof.tandemId, proof.meetings, proof.revision, proof.menteeId, selfId],
      );
      audit.changed("meeting-tally", kept.length > 0 ? "ok" : homeNodeOf(proof.menteeId) === selfId ? "own" : "stale", { targetId: proof.tandemId });
    },
  };
}
