import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import type { AttendanceStatus } from "@tandem/shared";
import { EventEntity } from "../event/event.entity.js";

export type AttendanceSource = "HOST" | "CHECK_IN";
export type RegistrationStatus = "CONFIRMED" | "WAITLISTED" | "CANCELLED";

/**
 * A participant of any node registered for an event hosted here. The
 * participant is stored as a global reference id only, never as a copy.
 */
@Entity({ name: "registrations" })
@Index("registrations_active_unique", ["eventId", "participantId"], { unique: true, where: `status <> 'CANCELLED'` })
@Index("registrations_participant_idx", ["participantId"])
@Index("registrations_event_status_idx", ["eventId", "status"])
@Check("registrations_status_valid", `"status" IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')`)
@Check("registrations_attendance_valid", `"attendance" IN ('ATTENDED', 'EXCUSED', 'NO_SHOW')`)
@Check("registrations_attendance_source_valid", `"attendance_source" IN ('HOST', 'CHECK_IN')`)
export class RegistrationEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "event_id", type: "uuid" })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "event_id", foreignKeyConstraintName: "registrations_event_fk" })
  event?: Relation<EventEntity>;

  /** Global id of the participant at their home node, e.g. `zcu:participant:…`. */
  @Column({ name: "participant_id", type: "varchar", length: 120 })
  participantId: string;

  @Column({ type: "varchar", length: 16 })
  status: RegistrationStatus;

  /** Order on the waitlist; positions are ranks among those still waiting. */
  @Column({ name: "waitlist_seq", type: "bigint", nullable: true })
  waitlistSeq: string | null;

  @CreateDateColumn({ name: "registered_at", type: "timestamptz", precision: 3 })
  registeredAt: Date;

  @Column({ name: "promoted_at", type: "timestamptz", precision: 3, nullable: true })
  promotedAt: Date | null;

  @Column({ name: "cancelled_at", type: "timestamptz", precision: 3, nullable: true })
  cancelledAt: Date | null;

  /** What this (host) node recorded: its coordinators, or the registrant with the event's check-in code. */
  @Column({ type: "varchar", length: 8, nullable: true })
  attendance: AttendanceStatus | null;

  @Column({ name: "attendance_source", type: "varchar", length: 8, nullable: true })
  attendanceSource: AttendanceSource | null;

  @Column({ name: "attendance_recorded_at", type: "timestamptz", precision: 3, nullable: true })
  attendanceRecordedAt: Date | null;

  /** Increases with every record: the registrant's home node keeps the highest. */
  @Column({ name: "attendance_revision", type: "int", default: 0 })
  attendanceRevision: number;
}
