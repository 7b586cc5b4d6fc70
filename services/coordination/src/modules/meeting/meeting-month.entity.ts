import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import { MeetingTallyEntity } from "./meeting-tally.entity.js";

/**
 * A tandem's meetings in one month, as the mentee's home node signed them
 * with its tally (same revision): counts only. Replaced with the tally,
 * deleted with it.
 */
@Entity({ name: "tandem_meeting_months" })
@Check("tandem_meeting_months_counts_valid", `"meetings" >= 1 AND "confirmed" >= 0 AND "confirmed" <= "meetings"`)
@Check("tandem_meeting_months_month_valid", `"month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class MeetingMonthEntity {
  @PrimaryColumn({ name: "tandem_id", type: "uuid", primaryKeyConstraintName: "PK_tandem_meeting_months" })
  tandemId: string;

  /** `YYYY-MM`. */
  @PrimaryColumn({ type: "varchar", length: 7, primaryKeyConstraintName: "PK_tandem_meeting_months" })
  month: string;

  @ManyToOne(() => MeetingTallyEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "tandem_id", foreignKeyConstraintName: "tandem_meeting_months_tally_fk" })
  tally?: Relation<MeetingTallyEntity>;

  @Column({ type: "integer" })
  meetings: number;

  /** Meetings of the month the mentor confirmed (or added). */
  @Column({ type: "integer" })
  confirmed: number;
}
