/**
 * What the coordination office (and the mentor's home node) learns of a tandem's meetings (DESIGN.md §8):
 * how many, how many the mentor confirmed, the last date, and the same two
 * counts per month (for meetings over time) — signed by this
 * node (the mentee's home) and delivered as a fact, in the transaction of
 * the change, its revision one higher each time. Never a date but the last,
 * a format, a topic or a note.
 */
import type { EntityManager } from "typeorm";
import { homeNodeOf, ProofType, signProof, type MeetingMonthCount, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { ActiveTandemEntity } from "../active-tandem/active-tandem.entity.js";

/** The tally and its months in one statement, so both count the same meetings. */
const TALLY_SQL = `
  WITH per_month AS (
    SELECT to_char(held_on, 'YYYY-MM') AS month, count(*)::int AS meetings, count(mentor_confirmed_at)::int AS confirmed, max(held_on) AS last
    FROM meetings WHERE tandem_id = $1 GROUP BY 1
  )
  SELECT COALESCE(sum(meetings), 0)::int AS meetings, COALESCE(sum(confirmed), 0)::int AS confirmed, to_char(max(last), 'YYYY-MM-DD') AS last,
    COALESCE(json_agg(json_build_object('month', month, 'meetings', meetings, 'confirmed', confirmed) ORDER BY month) FILTER (WHERE month IS NOT NULL), '[]') AS months
  FROM per_month`;

export class MeetingTallies {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
  ) {}

  /** Counts the tandem's meetings (the caller holds the tandem's lock) and publishes the tally for the office. */
  async publish(manager: EntityManager, tandem: ActiveTandemEntity): Promise<void> {
    const [row] = (await manager.query(TALLY_SQL, [tandem.tandemId])) as { meetings: number; confirmed: number; last: string | null; months: MeetingMonthCount[] }[];
    const revision = tandem.meetingRevision + 1;
    await manager.query(`UPDATE active_tandems SET meeting_revision = $2 WHERE tandem_id = $1`, [tandem.tandemId, revision]);
    tandem.meetingRevision = revision;
    const claims = {
      type: ProofType.MEETING_TALLY,
      tandemId: tandem.tandemId,
      menteeId: tandem.menteeId,
      meetings: row!.meetings,
      confirmed: row!.confirmed,
      lastMeetingOn: row!.last,
      revision,
      months: row!.months,
    } as const;
    const proof = await signProof(this.key, this.directory.self.id, claims);
    await publishFact(manager, { receiver: this.directory.coordinationId, kind: ProofType.MEETING_TALLY, proof, subjects: [tandem.menteeId] });
    // the mentor's home node decides the mentor's completion rules on the count (README: Completion rules)
    const mentorHome = homeNodeOf(tandem.mentorId);
    if (mentorHome && mentorHome !== this.directory.self.id && this.directory.peerNodeIds.has(mentorHome)) {
      await publishFact(manager, { receiver: mentorHome, kind: ProofType.MEETING_TALLY, proof, subjects: [tandem.menteeId, tandem.mentorId] });
    }
  }
}
