import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from "typeorm";
import { TandemEntity } from "../tandem/tandem.entity.js";

/**
 * What the office knows of a tandem's meetings (DESIGN.md §8): counts and
 * the last date, as the mentee's home node last signed them. Dates, formats,
 * topics and notes stay at that node.
 */
@Entity({ name: "tandem_meeting_tallies" })
@Check("tandem_meeting_tallies_counts_valid", `"meetings" >= 0 AND "confirmed" >= 0 AND "confirmed" <= "meetings"`)
export class MeetingTallyEntity {
  @PrimaryColumn({ name: "tandem_id", type: "uuid", primaryKeyConstraintName: "PK_tandem_meeting_tallies" })
  tandemId: string;

  @OneToOne(() => TandemEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_meeting_tallies_tandem_fk" })
  tandem?: Relation<TandemEntity>;

  @Column({ type: "integer" })
  meetings: number;

  /** Meetings the mentor confirmed (or added). */
  @Column({ type: "integer" })
  confirmed: number;

  /** `YYYY-MM-DD`. */
  @Column({ name: "latest_meeting_on", type: "date", nullable: true })
  lastMeetingOn: string | null;

  /** The tally's revision at the mentee's home node: only a higher one replaces it. */
  @Column({ type: "integer" })
  revision: number;

  @Column({ name: "updated_at", type: "timestamptz", precision: 3, default: () => "now()" })
  updatedAt: Date;
}
