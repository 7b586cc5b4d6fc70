import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { PSEUDONYM_MAX_LENGTH } from "@tandem/shared";

/** PIN: must pair; BAN: must not pair. */
export type PairRuleKind = "PIN" | "BAN";

/**
 * A coordinator's pin or ban between a mentee and a mentor of a cohort, by
 * their matching pseudonyms: the office never learns who they are. One
 * rule per pair; one pin per mentee.
 */
@Entity({ name: "matching_pair_rules" })
@Index("matching_pair_rules_pair_unique", ["cohortId", "menteePseudonym", "mentorPseudonym"], { unique: true })
@Index("matching_pair_rules_one_pin_per_mentee", ["cohortId", "menteePseudonym"], { unique: true, where: `"kind" = 'PIN'` })
@Check("matching_pair_rules_kind_known", `"kind" IN ('PIN', 'BAN')`)
@Check("matching_pair_rules_distinct", `"mentee_pseudonym" <> "mentor_pseudonym"`)
export class MatchingPairRuleEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cohort_id", type: "uuid" })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "cohort_id", foreignKeyConstraintName: "matching_pair_rules_cohort_fk" })
  cohort?: Relation<CohortEntity>;

  @Column({ type: "varchar", length: 4 })
  kind: PairRuleKind;

  @Column({ name: "mentee_pseudonym", type: "varchar", length: PSEUDONYM_MAX_LENGTH })
  menteePseudonym: string;

  @Column({ name: "mentor_pseudonym", type: "varchar", length: PSEUDONYM_MAX_LENGTH })
  mentorPseudonym: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
