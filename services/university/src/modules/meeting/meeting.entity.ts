import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { ParticipantEntity } from "../participant/participant.entity.js";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";

export const MEETING_FORMATS = ["ONLINE", "IN_PERSON", "VISIT", "JOB_SHADOWING", "PHONE"] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/**
 * A meeting of a tandem, kept at the mentee's home node (DESIGN.md §8):
 * for the pair only. The coordination office learns counts and the last
 * date (meeting.tally.ts). Erasing the mentee erases their meetings.
 */
@Entity({ name: "meetings" })
@Index("meetings_tandem_order_idx", ["tandemId", "createdAt", "id"])
@Check("meetings_format_known", `"format" IN ('ONLINE', 'IN_PERSON', 'VISIT', 'JOB_SHADOWING', 'PHONE')`)
@Check("meetings_duration_range", `"duration_minutes" BETWEEN 5 AND 720`)
@Check("meetings_recorded_by_known", `"recorded_by" IN ('MENTEE', 'MENTOR')`)
@Check("meetings_mentor_added_confirmed", `"recorded_by" = 'MENTEE' OR "mentor_confirmed_at" IS NOT NULL`)
export class MeetingEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Global id of the tandem at the coordination office. */
  @Column({ name: "tandem_id", type: "varchar", length: 160 })
  tandemId: string;

  /** The mentee, a participant of this node. */
  @Column({ name: "mentee_id", type: "uuid" })
  menteeId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "mentee_id", foreignKeyConstraintName: "meetings_mentee_fk" })
  mentee?: Relation<ParticipantEntity>;

  /** `YYYY-MM-DD`. */
  @Column({ name: "held_on", type: "date" })
  heldOn: string;

  @Column({ type: "varchar", length: 16 })
  format: MeetingFormat;

  @Column({ name: "duration_minutes", type: "integer" })
  durationMinutes: number;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  topics: string[];

  /** Private to the pair. */
  @Column({ type: "text", default: "" })
  notes: string;

  @Column({ name: "recorded_by", type: "varchar", length: 8 })
  recordedBy: TandemSide;

  /** When the mentor confirmed it (at once when the mentor added it). */
  @Column({ name: "mentor_confirmed_at", type: "timestamptz", precision: 3, nullable: true })
  mentorConfirmedAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
