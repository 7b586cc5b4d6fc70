import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { CohortEntity } from "../cohort/cohort.entity.js";

export type TandemStatus = "PROPOSED" | "ACTIVE" | "CLOSED";

/** A mentee and a mentor of one cohort, both held as global references to their home nodes. */
@Entity({ name: "tandems" })
@Index("tandems_open_mentee_unique", ["cohortId", "menteeId"], { unique: true, where: `status <> 'CLOSED'` })
@Index("tandems_cohort_order_idx", ["cohortId", "createdAt", "id"])
@Index("tandems_mentee_idx", ["menteeId"])
@Index("tandems_mentor_idx", ["mentorId"])
@Check("tandems_distinct_partners", `"mentee_id" <> "mentor_id"`)
@Check("tandems_status_valid", `"status" IN ('PROPOSED', 'ACTIVE', 'CLOSED')`)
@Check(
  "tandems_lifecycle_consistent",
  `("status" = 'PROPOSED' AND "activated_at" IS NULL AND "closed_at" IS NULL) OR ("status" = 'ACTIVE' AND "activated_at" IS NOT NULL AND "closed_at" IS NULL) OR ("status" = 'CLOSED' AND "closed_at" IS NOT NULL AND "close_reason" IS NOT NULL)`,
)
export class TandemEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "tandems_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  /** Global participant id at the mentee's home node. */
  @Column({ name: "mentee_id", type: "varchar", length: 120 })
  menteeId: string;

  /** Global participant id at the mentor's home node. */
  @Column({ name: "mentor_id", type: "varchar", length: 120 })
  mentorId: string;

  @Column({ type: "varchar", length: 16, default: "PROPOSED" })
  status: TandemStatus;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @Column({ name: "activated_at", type: "timestamptz", nullable: true })
  activatedAt: Date | null;

  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt: Date | null;

  @Column({ name: "close_reason", type: "varchar", length: 500, nullable: true })
  closeReason: string | null;
}
