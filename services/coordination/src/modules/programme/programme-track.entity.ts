import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import type { StoredTranslations } from "@tandem/shared";
import { ProgrammeEntity } from "./programme.entity.js";

/** A thematic track of a programme, e.g. health; enrolments name one by code. */
@Entity({ name: "programme_tracks" })
@Check("programme_tracks_code_format", `"code" ~ '^[a-z][a-z0-9-]{1,31}$'`)
@Check("programme_tracks_translations_object", `jsonb_typeof("translations") = 'object'`)
export class ProgrammeTrackEntity {
  @PrimaryColumn({ name: "programme_id", type: "uuid" })
  programmeId: string;

  @PrimaryColumn({ type: "varchar", length: 32 })
  code: string;

  /** In the programme's language. */
  @Column({ type: "varchar", length: 200 })
  name: string;

  /** The name in other languages, e.g. { "cs": { "name": … } }. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  translations: StoredTranslations<"name">;

  /** Order in which the programme lists its tracks. */
  @Column({ type: "smallint" })
  position: number;

  @ManyToOne(() => ProgrammeEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "programme_id", foreignKeyConstraintName: "programme_tracks_programme_fk" })
  programme?: Relation<ProgrammeEntity>;
}
