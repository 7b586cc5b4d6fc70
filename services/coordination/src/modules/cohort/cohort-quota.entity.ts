import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import { CohortEntity } from "./cohort.entity.js";

/** Places a participating node has in a cohort, per role. A node without a row has none. */
@Entity({ name: "cohort_quotas" })
@Check("cohort_quotas_non_negative", `"mentees" >= 0 AND "mentors" >= 0`)
export class CohortQuotaEntity {
  @PrimaryColumn({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @PrimaryColumn({ name: "node_id", type: "varchar", length: 16 })
  nodeId: string;

  @Column({ type: "integer" })
  mentees: number;

  @Column({ type: "integer" })
  mentors: number;

  @ManyToOne(() => CohortEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "cohort_quotas_cohort_fk" })
  cohort?: Relation<CohortEntity>;
}
