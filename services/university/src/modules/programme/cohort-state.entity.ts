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

  /** What a certificate names (the office's facts since issue 15; null from older facts). */
  @Column({ name: "cohort_name", type: "varchar", length: 200, nullable: true })
  cohortName: string | null;

  @Column({ name: "programme_name", type: "varchar", length: 200, nullable: true })
  programmeName: string | null;

  @Column({ name: "programme_language", type: "varchar", length: 2, nullable: true })
  programmeLanguage: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: "starts_on", type: "date", nullable: true })
  startsOn: string | null;

  @Column({ name: "ends_on", type: "date", nullable: true })
  endsOn: string | null;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
