import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { CohortEntity } from "../cohort/cohort.entity.js";

export type EnrolmentRole = "MENTEE" | "MENTOR";
export type EnrolmentStatus = "ACTIVE" | "WITHDRAWN";

/**
 * A participant of any node taking part in a cohort. The participant is a
 * global reference id only, never a copy of their personal fields.
 */
@Entity({ name: "enrolments" })
@Index("enrolments_active_unique", ["cohortId", "participantId"], { unique: true, where: `status = 'ACTIVE'` })
@Index("enrolments_cohort_order_idx", ["cohortId", "enrolledAt", "id"])
@Index("enrolments_participant_idx", ["participantId"])
@Check("enrolments_role_valid", `"role" IN ('MENTEE', 'MENTOR')`)
@Check("enrolments_status_valid", `"status" IN ('ACTIVE', 'WITHDRAWN')`)
@Check("enrolments_withdrawal_consistent", `("status" = 'WITHDRAWN') = ("withdrawn_at" IS NOT NULL)`)
export class EnrolmentEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "enrolments_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  /** Global id at the participant's home node, e.g. `zcu:participant:…`. */
  @Column({ name: "participant_id", type: "varchar", length: 120 })
  participantId: string;

  @Column({ type: "varchar", length: 8 })
  role: EnrolmentRole;

  /** Code of one of the programme's tracks. */
  @Column({ name: "track_code", type: "varchar", length: 32 })
  trackCode: string;

  @Column({ type: "varchar", length: 16, default: "ACTIVE" })
  status: EnrolmentStatus;

  @CreateDateColumn({ name: "enrolled_at", type: "timestamptz", precision: 3 })
  enrolledAt: Date;

  @Column({ name: "withdrawn_at", type: "timestamptz", nullable: true })
  withdrawnAt: Date | null;
}
