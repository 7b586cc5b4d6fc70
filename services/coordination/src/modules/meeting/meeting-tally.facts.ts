/**
 * The meeting tallies the office applies (DESIGN.md §9): signed by the
 * mentee's home node (the inbox verified signature and signer), about a
 * tandem whose mentee that is; a higher revision replaces a lower one, an
 * older one delivered late changes nothing.
 */
import { AppError, ErrorCode, MonitoringChangeKind, ProofType, type MeetingTallyProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { publishMonitoringChange } from "../monitoring/monitoring.changes.js";
import { TandemEntity } from "../tandem/tandem.entity.js";
import { TANDEM_KIND } from "../tandem/tandem.type.js";

export function meetingFactHandlers(directory: ConsortiumDirectory): FactHandlers {
  return {
    [ProofType.MEETING_TALLY]: async ({ manager, proof, audit }: FactApplication<MeetingTallyProof>) => {
      const tandemId = directory.parseLocal(proof.tandemId, TANDEM_KIND, "facts.proof.tandemId");
      const tandem = await manager.getRepository(TandemEntity).findOneBy({ id: tandemId });
      if (!tandem) throw new AppError(ErrorCode.NOT_FOUND, `facts.proof: no tandem ${proof.tandemId}`, { field: "facts.proof" });
      if (tandem.menteeId !== proof.menteeId) throw new AppError(ErrorCode.FORBIDDEN, "facts.proof: a tally is signed by the tandem's mentee's home node", { field: "facts.proof" });
      await manager.query(
        `INSERT INTO tandem_meeting_tallies (tandem_id, meetings, confirmed, latest_meeting_on, revision, updated_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (tandem_id) DO UPDATE SET meetings = EXCLUDED.meetings, confirmed = EXCLUDED.confirmed, latest_meeting_on = EXCLUDED.latest_meeting_on,
           revision = EXCLUDED.revision, updated_at = now()
         WHERE tandem_meeting_tallies.revision < EXCLUDED.revision`,
        [tandemId, proof.meetings, Math.min(proof.confirmed, proof.meetings), proof.lastMeetingOn, proof.revision],
      );
      await publishMonitoringChange(manager, directory, MonitoringChangeKind.MEETINGS, tandem);
      audit.changed("meeting-tally", "ok", { targetId: proof.tandemId });
    },
  };
}
