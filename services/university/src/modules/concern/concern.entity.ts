import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from "typeorm";
import type { MediationConcern, MediationMediator } from "@tandem/shared";
import { ParticipantEntity } from "../participant/participant.entity.js";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";

/**
 * A concern a partner raised about their tandem, kept at their home node
 * (DESIGN.md §8): what they wrote, and whether the mediator may read it.
 * The coordination office receives the codes and this record's reference as
 * a signed fact and opens (or adds it to) the tandem's mediation case.
 */
@Entity({ name: "concerns" })
@Index("concerns_participant_idx", ["participantId", "raisedAt"])
@Check("concerns_side_known", `"side" IN ('MENTEE', 'MENTOR')`)
@Check("concerns_concern_known", `"concern" IN ('COMMUNICATION', 'EXPECTATIONS', 'AVAILABILITY', 'CONDUCT', 'OTHER')`)
@Check("concerns_mediator_known", `"mediator" IN ('JOINT_OFFICE', 'HOME_NODE')`)
export class ConcernEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Global id of the tandem at the coordination office. */
  @Column({ name: "tandem_id", type: "varchar", length: 160 })
  tandemId: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "participant_id", foreignKeyConstraintName: "concerns_participant_fk" })
  participant?: Relation<ParticipantEntity>;

  @Column({ type: "varchar", length: 8 })
  side: TandemSide;

  @Column({ type: "varchar", length: 16 })
  concern: MediationConcern;

  @Column({ type: "varchar", length: 12 })
  mediator: MediationMediator;

  /** What the raiser wrote ("" when they wrote nothing). */
  @Column({ type: "text" })
  statement: string;

  /** Whether the mediator may read the statement; the raiser may change it at any time. */
  @Column({ name: "mediator_may_read", type: "boolean" })
  mediatorMayRead: boolean;

  @CreateDateColumn({ name: "raised_at", type: "timestamptz", precision: 3 })
  raisedAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
