import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from "typeorm";
import { ProgrammeEntity } from "../programme/programme.entity.js";

/** A programme's weights of the matching criteria (src/matching/criteria.ts); a programme without a row uses the defaults. */
@Entity({ name: "programme_matching_weights" })
@Check(
  "programme_matching_weights_range",
  `"track" BETWEEN 0 AND 10 AND "discipline" BETWEEN 0 AND 10 AND "goals" BETWEEN 0 AND 10 AND "experience_gap" BETWEEN 0 AND 10 AND "format_region" BETWEEN 0 AND 10 AND "language_depth" BETWEEN 0 AND 10`,
)
export class MatchingWeightsEntity {
  @PrimaryColumn({ name: "programme_id", type: "uuid" })
  programmeId: string;

  @OneToOne(() => ProgrammeEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "programme_id", foreignKeyConstraintName: "programme_matching_weights_programme_fk" })
  programme?: Relation<ProgrammeEntity>;

  @Column({ type: "double precision" })
  track: number;

  @Column({ type: "double precision" })
  discipline: number;

  @Column({ type: "double precision" })
  goals: number;

  @Column({ name: "experience_gap", type: "double precision" })
  experienceGap: number;

  @Column({ name: "format_region", type: "double precision" })
  formatRegion: number;

  @Column({ name: "language_depth", type: "double precision" })
  languageDepth: number;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt: Date;
}
