import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { ProgrammeEntity } from "../programme/programme.entity.js";

/** One run of a programme, typically about nine months. Dates are calendar dates, no time zone. */
@Entity({ name: "cohorts" })
@Index("cohorts_programme_name_unique", ["programmeId", "name"], { unique: true })
@Check("cohorts_date_order", `"ends_on" > "starts_on"`)
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

  /** `YYYY-MM-DD`; TypeORM hands date columns over as strings. */
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Column({ name: "ends_on", type: "date" })
  endsOn: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
