/**
 * The meeting tallies the office applies (DESIGN.md §9): signed by the
 * mentee's home node (the inbox verified signature and signer), about a
 * tandem whose mentee that is; a higher revision replaces a lower one (its
 * months with it: a fact without months, from a node before them, leaves
 * none), an older one delivered late changes nothing.
 */
import type { EntityManager } from "typeorm";
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
      const replaced = (await manager.query(
        `INSERT INTO tandem_meeting_tallies (tandem_id, meetings, confirmed, latest_meeting_on, revision, updated_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (tandem_id) DO UPDATE SET meetings = EXCLUDED.meetings, confirmed = EXCLUDED.confirmed, latest_meeting_on = EXCLUDED.latest_meeting_on,
           revision = EXCLUDED.revision, updated_at = now()
         WHERE tandem_meeting_tallies.revision < EXCLUDED.revision
         RETURNING tandem_id`,
        [tandemId, proof.meetings, Math.min(proof.confirmed, proof.meetings), proof.lastMeetingOn, proof.revision],
      )) as unknown[];
      if (replaced.length > 0) await replaceMonths(manager, tandemId, proof.months ?? []);
      await publishMonitoringChange(manager, directory, MonitoringChangeKind.MEETINGS, tandem);
      audit.changed("meeting-tally", "ok", { targetId: proof.tandemId });
    },
  };
}

/** The tally's months, replacing the previous revision's (the caller holds the tally's row). */
async function replaceMonths(manager: EntityManager, tandemId: string, months: NonNullable<MeetingTallyProof["months"]>): Promise<void> {
  await manager.query(`DELETE FROM tandem_meeting_months WHERE tandem_id = $1`, [tandemId]);
  if (months.length === 0) return;
  await manager.query(
    `INSERT INTO tandem_meeting_months (tandem_id, month, meetings, confirmed)
     SELECT $1, month, meetings, LEAST(confirmed, meetings) FROM unnest($2::varchar[], $3::int[], $4::int[]) AS m(month, meetings, confirmed)
     ON CONFLICT (tandem_id, month) DO NOTHING`,
    [tandemId, months.map((each) => each.month), months.map((each) => each.meetings), months.map((each) => each.confirmed)],
  );
}
