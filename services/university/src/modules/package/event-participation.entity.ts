import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from "typeorm";
import type { AttendanceStatus } from "@tandem/shared";
import { ParticipantEntity } from "../participant/participant.entity.js";

/**
 * A registration of one of this node's people, at any node, and what the
 * host recorded of their attendance: from the host's signed facts (or, for
 * this node's own events, written with the registration itself).
 */
@Entity({ name: "event_participations" })
@Index("event_participations_participant_idx", ["participantId"])
@Check("event_participations_attendance_valid", `"attendance" IN ('ATTENDED', 'EXCUSED', 'NO_SHOW')`)
export class EventParticipationEntity {
  /** Global id of the registration at the event's host node. */
  @PrimaryColumn({ name: "registration_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_event_participations" })
  registrationId: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "event_participations_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  @Column({ name: "event_id", type: "varchar", length: 160 })
  eventId: string;

  /** Registered (confirmed or waitlisted) and not cancelled. */
  @Column({ type: "boolean" })
  active: boolean;

  @Column({ type: "varchar", length: 8, nullable: true })
  attendance: AttendanceStatus | null;

  /** The host's attendance revision: a receiver keeps the highest. */
  @Column({ name: "attendance_revision", type: "int", default: 0 })
  attendanceRevision: number;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
