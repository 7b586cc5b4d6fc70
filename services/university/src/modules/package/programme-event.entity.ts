import { Check, Column, Entity, PrimaryColumn } from "typeorm";
import type { EventCohortLink } from "@tandem/shared";

/**
 * The events of cohorts across the consortium, as their host nodes stated
 * them (this node's own included): what a participant's package is made
 * of. Times, kinds, titles and obligations; never a registrant.
 */
@Entity({ name: "programme_events" })
@Check("programme_events_status_valid", `"status" IN ('SCHEDULED', 'CANCELLED')`)
export class ProgrammeEventEntity {
  /** Global id of the event at its host node. */
  @PrimaryColumn({ name: "event_id", type: "varchar", length: 160, primaryKeyConstraintName: "PK_programme_events" })
  eventId: string;

  @Column({ type: "varchar", length: 32 })
  kind: string;

  @Column({ type: "varchar", length: 200 })
  title: string;

  @Column({ name: "starts_at", type: "timestamptz", precision: 3 })
  startsAt: Date;

  @Column({ name: "ends_at", type: "timestamptz", precision: 3 })
  endsAt: Date;

  @Column({ type: "varchar", length: 16 })
  status: "SCHEDULED" | "CANCELLED";

  @Column({ type: "jsonb" })
  cohorts: EventCohortLink[];

  /** The host's revision: a receiver keeps the highest. */
  @Column({ type: "int" })
  revision: number;
}
