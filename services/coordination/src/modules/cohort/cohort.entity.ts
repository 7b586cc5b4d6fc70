import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { LANGUAGE_CHECK, type CohortState, type Language, type StoredTranslations } from "@tandem/shared";
import { ProgrammeEntity } from "../programme/programme.entity.js";

/**
 * One run of a programme, typically about nine months, moving through its
 * states (cohort-state.rules.ts). Dates are calendar dates, no time zone;
 * the application window is two instants.
 */
@Entity({ name: "cohorts" })
@Index("cohorts_programme_name_unique", ["programmeId", "name"], { unique: true })
@Check("cohorts_date_order", `"ends_on" > "starts_on"`)
@Check("cohorts_language_supported", LANGUAGE_CHECK)
@Check("cohorts_translations_object", `jsonb_typeof("translations") = 'object'`)
@Check("cohorts_state_known", `"state" IN ('DRAFT', 'APPLICATIONS_OPEN', 'REVIEW', 'MATCHING', 'RUNNING', 'CLOSING', 'CLOSED')`)
@Check("cohorts_window_consistent", `("applications_open_at" IS NULL) = ("applications_close_at" IS NULL) AND ("applications_open_at" IS NULL OR "applications_open_at" < "applications_close_at")`)
export class CohortEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "programme_id", type: "uuid" })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "programme_id", foreignKeyConstraintName: "cohorts_programme_fk" })
  programme?: Relation<ProgrammeEntity>;

  @Column({ type: "varchar", length: 200 })
  name: string;

  /** The language the name is written in (README: Languages). */
  @Column({ type: "varchar", length: 2, default: "en" })
  language: Language;

  /** The name in other languages, e.g. { "de": { "name": … } }. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  translations: StoredTranslations<"name">;

  /** `YYYY-MM-DD`; TypeORM hands date columns over as strings. */
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Column({ name: "ends_on", type: "date" })
  endsOn: string;

  @Column({ type: "varchar", length: 20, default: "DRAFT" })
  state: CohortState;

  /** When applications open and close (the node refuses applications outside); both set, or neither. */
  @Column({ name: "applications_open_at", type: "timestamptz", precision: 3, nullable: true })
  applicationsOpenAt: Date | null;

  @Column({ name: "applications_close_at", type: "timestamptz", precision: 3, nullable: true })
  applicationsCloseAt: Date | null;

  /** Increases with every change; the nodes keep the cohort-state fact with the highest. 0: never published (a cohort from before states). */
  @Column({ type: "integer", default: 0 })
  revision: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  /** The last change: the cohort-state fact of this revision is dated by it (the same revision, the same proof). */
  @Column({ name: "updated_at", type: "timestamptz", precision: 3, default: () => "now()" })
  updatedAt: Date;
}
