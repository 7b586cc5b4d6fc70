import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from "typeorm";
import { ParticipantEntity } from "../participant/participant.entity.js";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";

/**
 * A partner's answer to a check-in, kept at their home node (DESIGN.md §8):
 * for the author only. The coordination office receives the codes as a
 * signed fact (check-in.facts.ts). One per tandem, person and due day.
 */
@Entity({ name: "check_ins" })
@Unique("check_ins_once_per_due_day", ["tandemId", "participantId", "dueOn"])
@Check("check_ins_satisfaction_range", `"satisfaction" BETWEEN 1 AND 5`)
@Check("check_ins_side_known", `"side" IN ('MENTEE', 'MENTOR')`)
export class CheckInEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "tandem_id", type: "varchar", length: 160 })
  tandemId: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "check_ins_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  @Column({ type: "varchar", length: 8 })
  side: TandemSide;

  /** `YYYY-MM-DD`: the check-in this answers. */
  @Column({ name: "due_on", type: "date" })
  dueOn: string;

  @Column({ type: "smallint" })
  satisfaction: number;

  @Column({ name: "on_track", type: "boolean" })
  onTrack: boolean;

  @Column({ name: "contact_requested", type: "boolean" })
  contactRequested: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
