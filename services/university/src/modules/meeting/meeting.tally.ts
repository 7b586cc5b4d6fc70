/**
 * What the coordination office (and the mentor's home node) learns of a tandem's meetings (DESIGN.md §8):
 * how many, how many the mentor confirmed, the last date — signed by this
 * node (the mentee's home) and delivered as a fact, in the transaction of
 * the change, its revision one higher each time. Never a date but the last,
 * a format, a topic or a note.
 */
import type { EntityManager } from "typeorm";
import { homeNodeOf, ProofType, signProof, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { ActiveTandemEntity } from "../active-tandem/active-tandem.entity.js";

export class MeetingTallies {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
  ) {}

  /** Counts the tandem's meetings (the caller holds the tandem's lock) and publishes the tally for the office. */
  async publish(manager: EntityManager, tandem: ActiveTandemEntity): Promise<void> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS meetings, count(mentor_confirmed_at)::int AS confirmed, to_char(max(held_on), 'YYYY-MM-DD') AS last FROM meetings WHERE tandem_id = $1`,
      [tandem.tandemId],
    )) as { meetings: number; confirmed: number; last: string | null }[];
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
