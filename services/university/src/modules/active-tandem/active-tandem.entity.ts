import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A tandem with a partner of this node, as the coordination office's signed
 * facts told it (DESIGN.md §9): who its partners are, when it started, when
 * check-ins are due, and whether it ended. Meetings, check-ins and
 * evaluations of its partners are accepted only while it runs.
 */
@Entity({ name: "active_tandems" })
@Index("active_tandems_mentee_idx", ["menteeId"])
@Index("active_tandems_mentor_idx", ["mentorId"])
export class ActiveTandemEntity {
  /** Global id of the tandem at the coordination office. */
  @PrimaryColumn({ name: "tandem_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_active_tandems" })
  tandemId: string;

  @Column({ name: "cohort_id", type: "varchar", length: 160 })
  cohortId: string;

  /** Global participant ids (one of them, at least, of this node). */
  @Column({ name: "mentee_id", type: "varchar", length: 160 })
  menteeId: string;

  @Column({ name: "mentor_id", type: "varchar", length: 160 })
  mentorId: string;

  /** `YYYY-MM-DD`: no meeting before it. */
  @Column({ name: "started_on", type: "date" })
  startedOn: string;

  /** `YYYY-MM-DD` days from which a check-in is due (as text: the driver would make dates of a date array). */
  @Column({ name: "check_ins_due", type: "varchar", length: 10, array: true })
  checkInsDue: string[];

  @Column({ name: "ended_at", type: "timestamptz", precision: 3, nullable: true })
  endedAt: Date | null;

  /** Revision of the meeting tally this node last signed for the office (the mentee's home node only). */
  @Column({ name: "meeting_revision", type: "integer", default: 0 })
  meetingRevision: number;

  /** Meetings logged, as the mentee's home node's signed tally stated it (kept at the mentor's home node when it is another node); null: none told. */
  @Column({ name: "told_meetings", type: "integer", nullable: true })
  toldMeetings: number | null;

  /** Revision of that tally: a higher one replaces it. */
  @Column({ name: "told_meetings_revision", type: "integer", default: 0 })
  toldMeetingsRevision: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
