import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { EventEntity } from "../event/event.entity.js";

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
}
