import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LANGUAGE_CHECK, type Language, type StoredTranslations } from "@tandem/shared";

export type CrossBorderRule = "NONE" | "DIFFERENT_NODE" | "DIFFERENT_COUNTRY";

/** A mentoring programme run jointly by some nodes of the consortium. */
@Entity({ name: "programmes" })
@Index("programmes_name_unique", ["name"], { unique: true })
@Check("programmes_cross_border_rule_valid", `"cross_border_rule" IN ('NONE', 'DIFFERENT_NODE', 'DIFFERENT_COUNTRY')`)
@Check("programmes_has_participating_nodes", `cardinality("participating_node_ids") > 0`)
@Check("programmes_language_supported", LANGUAGE_CHECK)
@Check("programmes_translations_object", `jsonb_typeof("translations") = 'object'`)
export class ProgrammeEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "varchar", length: 200 })
  name: string;

  @Column({ type: "text", default: "" })
  description: string;

  /** The language name and description are written in (README: Languages). */
  @Column({ type: "varchar", length: 2, default: "en" })
  language: Language;

  /** Name and description in other languages, e.g. { "de": { "name": …, "description": … } }. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  translations: StoredTranslations<"name" | "description">;

  /** Registry ids of the nodes taking part, e.g. {hst,zcu}. */
  @Column({ name: "participating_node_ids", type: "text", array: true })
  participatingNodeIds: string[];

  @Column({ name: "cross_border_rule", type: "varchar", length: 24 })
  crossBorderRule: CrossBorderRule;

  /** The current version of the rules applications are checked against (programme_rules_versions). */
  @Column({ name: "rules_version", type: "integer", default: 1 })
  rulesVersion: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  /** Weeks between check-ins after a tandem starts, besides the cohort's mid-point; null: the mid-point only. */
  @Column({ name: "check_in_every_weeks", type: "integer", nullable: true })
  checkInEveryWeeks: number | null;

  /** Whether its cohorts' peer groups' meetings count toward the participants' packages. */
  @Column({ name: "peer_meetings_count", type: "boolean", default: false })
  peerMeetingsCount: boolean;
}
