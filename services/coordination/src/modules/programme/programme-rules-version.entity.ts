import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import type { ApplicationReviewer, CompletionRules, EligibilityRules } from "@tandem/shared";
import { ProgrammeEntity } from "./programme.entity.js";

/**
 * One version of a programme's rules for applications, kept for good: an
 * application records the version it was checked against, and anyone can
 * look up what that version said. A new version comes with every change of
 * the eligibility rules, the reviewer, the participating nodes, the tracks or
 * the completion rules.
 */
@Entity({ name: "programme_rules_versions" })
@Check("programme_rules_versions_version_positive", `"version" >= 1`)
@Check("programme_rules_versions_reviewer_known", `"reviewer" IN ('HOME_NODE', 'JOINT_OFFICE')`)
export class ProgrammeRulesVersionEntity {
  @PrimaryColumn({ name: "programme_id", type: "uuid" })
  programmeId: string;

  @PrimaryColumn({ type: "integer" })
  version: number;

  /** EligibilityRules (shared programme contract), as validated against its schema. */
  @Column({ type: "jsonb" })
  eligibility: EligibilityRules;

  @Column({ type: "varchar", length: 16 })
  reviewer: ApplicationReviewer;

  @Column({ name: "participating_node_ids", type: "text", array: true })
  participatingNodeIds: string[];

  @Column({ name: "track_codes", type: "text", array: true })
  trackCodes: string[];

  /** The programme's completion rules under this version (CompletionRules of the shared contract); null: none set. */
  @Column({ type: "jsonb", nullable: true })
  completion: CompletionRules | null;

  /** Also the date of the version's signed programme-rules fact (the same version, the same proof). */
  @Column({ name: "created_at", type: "timestamptz", precision: 3, default: () => "now()" })
  createdAt: Date;

  /** When its fact went to the nodes; null for a version from before facts (published when the office starts). */
  @Column({ name: "published_at", type: "timestamptz", precision: 3, nullable: true })
  publishedAt: Date | null;

  @ManyToOne(() => ProgrammeEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "programme_id", foreignKeyConstraintName: "programme_rules_versions_programme_fk" })
  programme?: Relation<ProgrammeEntity>;
}
