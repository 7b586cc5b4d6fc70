import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from "typeorm";
import { EventEntity } from "../event/event.entity.js";

/**
 * How often an event changed in a way a calendar must take over (title,
 * description, times, zone, place, link, status): its iCalendar SEQUENCE.
 * Counted by a database trigger on `events` (migration AddCalendarFeeds), so
 * that no path that changes an event can forget it; no row means 0.
 */
@Entity({ name: "event_calendar_revisions" })
export class EventCalendarRevisionEntity {
  @PrimaryColumn({ name: "event_id", type: "uuid", primaryKeyConstraintName: "PK_event_calendar_revisions" })
  eventId: string;

  @OneToOne(() => EventEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "event_id", foreignKeyConstraintName: "event_calendar_revisions_event_fk" })
  event?: Relation<EventEntity>;

  @Column({ type: "integer" })
  sequence: number;
}
