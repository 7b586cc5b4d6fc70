import type { ApplicationReviewer, CompletionRules, EligibilityRules } from "@tandem/shared";
import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/**
 * One version of a programme's eligibility rules, as the coordination office
 * signed it (a PROGRAMME_RULES fact). Every version is kept: an application
 * records the version it was checked against.
 */
@Entity({ name: "programme_rules" })
export class ProgrammeRulesEntity {
  /** Global id of the programme at the coordination office, e.g. coord:programme:…. */
  @PrimaryColumn({ name: "programme_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_programme_rules" })
  programmeId: string;

  @PrimaryColumn({ type: "int", primaryKeyConstraintName: "PK_programme_rules" })
  version: number;

  /** As signed (json, not jsonb: the office's order of degree levels is the order a refusal names them in). */
  @Column({ type: "json" })
  rules: EligibilityRules;

  @Column({ type: "varchar", length: 16 })
  reviewer: ApplicationReviewer;

  /** Nodes whose people may apply; empty: every node. */
  @Column({ name: "participating_node_ids", type: "text", array: true })
  participatingNodeIds: string[];

  /** The programme's tracks, which an application's preferred tracks must be among. */
  @Column({ name: "track_codes", type: "text", array: true })
  trackCodes: string[];

  /** The programme's completion rules under this version, as signed; null: none set. */
  @Column({ type: "json", nullable: true })
  completion: CompletionRules | null;

  @CreateDateColumn({ name: "received_at", type: "timestamptz", precision: 3 })
  receivedAt: Date;
}
