import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import { TandemEntity } from "../tandem/tandem.entity.js";

export type TandemSide = "MENTEE" | "MENTOR";

/**
 * A partner's check-in as the office holds it (DESIGN.md §8): codes only,
 * signed by the author's home node, which keeps the answer itself. One per
 * side and due day.
 */
@Entity({ name: "tandem_check_ins" })
@Check("tandem_check_ins_side_known", `"side" IN ('MENTEE', 'MENTOR')`)
@Check("tandem_check_ins_satisfaction_range", `"satisfaction" BETWEEN 1 AND 5`)
export class CheckInRecordEntity {
  @PrimaryColumn({ name: "tandem_id", type: "uuid", primaryKeyConstraintName: "PK_tandem_check_ins" })
  tandemId: string;

  @ManyToOne(() => TandemEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_check_ins_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  @PrimaryColumn({ type: "varchar", length: 8, primaryKeyConstraintName: "PK_tandem_check_ins" })
  side: TandemSide;

  /** `YYYY-MM-DD`. */
  @PrimaryColumn({ name: "due_on", type: "date", primaryKeyConstraintName: "PK_tandem_check_ins" })
  dueOn: string;

  @Column({ type: "smallint" })
  satisfaction: number;

  @Column({ name: "on_track", type: "boolean" })
  onTrack: boolean;

  @Column({ name: "contact_requested", type: "boolean" })
  contactRequested: boolean;

  @CreateDateColumn({ name: "received_at", type: "timestamptz", precision: 3 })
  receivedAt: Date;
}
