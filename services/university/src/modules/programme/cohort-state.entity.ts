import type { CohortState } from "@tandem/shared";
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";

/** Where a cohort of the coordination office stands (a COHORT_STATE fact): the highest revision received wins. */
@Entity({ name: "cohort_states" })
export class CohortStateEntity {
  /** Global id of the cohort at the coordination office, e.g. coord:cohort:…. */
  @PrimaryColumn({ name: "cohort_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_cohort_states" })
  cohortId: string;

  @Column({ name: "programme_id", type: "varchar", length: 160 })
  programmeId: string;

  @Column({ type: "varchar", length: 24 })
  state: CohortState;

  @Column({ name: "applications_open_at", type: "timestamptz", precision: 3, nullable: true })
  applicationsOpenAt: Date | null;

  @Column({ name: "applications_close_at", type: "timestamptz", precision: 3, nullable: true })
  applicationsCloseAt: Date | null;

  @Column({ type: "int" })
  revision: number;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
