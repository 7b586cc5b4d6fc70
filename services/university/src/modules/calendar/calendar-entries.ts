import { In, type DataSource } from "typeorm";
import { nextDay, type CalendarEntry } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";
import { ActiveTandemEntity } from "../active-tandem/active-tandem.entity.js";
import { DisclosureGrantEntity } from "../disclosure/disclosure-grant.entity.js";
import { EventEntity } from "../event/event.entity.js";
import { EVENT_KIND } from "../event/event.type.js";
import { MeetingEntity } from "../meeting/meeting.entity.js";
import { MEETING_KIND } from "../meeting/meeting.type.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { RegistrationEntity } from "../registration/registration.entity.js";
import { EventCalendarRevisionEntity } from "./event-revision.entity.js";

/** A feed lists at most this many entries of one node (the latest first kept). */
const MAX_ENTRIES = 2000;

/**
 * What this node puts into calendars: its events (publicly: those visible to
 * the consortium) and, for one participant, the events they registered for
 * here and the meetings of their tandems kept here. Reads the event,
 * registration and meeting tables; changes none.
 */
export class CalendarEntries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
  ) {}

  /** Consortium-visible events, cancelled ones too (so calendars drop them): no online link, no registrations. */
  async publicEvents(): Promise<CalendarEntry[]> {
    const events = await this.dataSource.getRepository(EventEntity).find({ where: { visibility: "CONSORTIUM" }, order: { startsAt: "DESC", id: "ASC" }, take: MAX_ENTRIES });
    const sequences = await this.sequencesOf(events.map((event) => event.id));
    return events.map((event) => this.eventEntry(event, sequences.get(event.id) ?? 0, { withLink: false }));
  }

  /** The participant's registrations here (not the ones they cancelled) and their tandems' meetings kept here. */
  async forParticipant(participantId: string): Promise<CalendarEntry[]> {
    return [...(await this.registeredEvents(participantId)), ...(await this.meetings(participantId))];
  }

  /**
   * Other nodes that may hold part of this node's participant's calendar:
   * hosts of events they registered for (as their signed registration facts
   * told this node) and home nodes of their mentees (meetings live there).
   */
  async otherNodesOf(participantId: string): Promise<string[]> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    const grants = await this.dataSource.getRepository(DisclosureGrantEntity).find({ where: { participantId: localId, basis: "EVENT_REGISTRATION" }, select: { grantee: true } });
    const tandems = await this.dataSource.getRepository(ActiveTandemEntity).find({ where: { mentorId: participantId }, select: { menteeId: true } });
    const nodes = [...grants.map((grant) => grant.grantee.replace(/^node:/, "")), ...tandems.map((tandem) => tandem.menteeId.split(":")[0]!)];
    return [...new Set(nodes)].filter((node) => node !== this.directory.self.id && this.directory.isReferenceNode(node)).sort();
  }

  private async registeredEvents(participantId: string): Promise<CalendarEntry[]> {
    const registrations = await this.dataSource.getRepository(RegistrationEntity).find({
      where: { participantId, status: In(["CONFIRMED", "WAITLISTED"]) },
      relations: { event: true },
      order: { registeredAt: "DESC" },
      take: MAX_ENTRIES,
    });
    const sequences = await this.sequencesOf(registrations.map((registration) => registration.eventId));
    return registrations.map((registration) => {
      const event = registration.event!;
      // a seat given from the waitlist is a change the calendar must take over too
      const sequence = (sequences.get(event.id) ?? 0) + (registration.promotedAt ? 1 : 0);
      const entry = this.eventEntry(event, sequence, { withLink: true });
      const modified = [event.updatedAt, registration.registeredAt, registration.promotedAt].filter((date): date is Date => date !== null);
      const lastModified = new Date(Math.max(...modified.map((date) => date.getTime()))).toISOString();
      if (registration.status !== "WAITLISTED" || entry.status === "CANCELLED") return { ...entry, lastModified };
      return { ...entry, status: "TENTATIVE" as const, summary: `${event.title} (waitlist)`, lastModified };
    });
  }

  private async meetings(participantId: string): Promise<CalendarEntry[]> {
    const tandems = await this.dataSource.getRepository(ActiveTandemEntity).find({ where: [{ menteeId: participantId }, { mentorId: participantId }], select: { tandemId: true } });
    if (tandems.length === 0) return [];
    const meetings = await this.dataSource.getRepository(MeetingEntity).find({
      where: { tandemId: In(tandems.map((tandem) => tandem.tandemId)) },
      order: { heldOn: "DESC", id: "ASC" },
      take: MAX_ENTRIES,
    });
    return meetings.map((meeting) => ({
      uid: uidOf(this.directory.globalId(MEETING_KIND, meeting.id)),
      sequence: meeting.mentorConfirmedAt ? 1 : 0,
      status: "CONFIRMED" as const,
      summary: `Tandem meeting (${meeting.format.toLowerCase().replace("_", " ")}, ${meeting.durationMinutes} min)`,
      description: null,
      location: null,
      url: null,
      start: meeting.heldOn,
      end: nextDay(meeting.heldOn),
      timeZone: null,
      allDay: true,
      lastModified: (meeting.mentorConfirmedAt ?? meeting.createdAt).toISOString(),
    }));
  }

  private eventEntry(event: EventEntity, sequence: number, options: { withLink: boolean }): CalendarEntry {
    return {
      uid: uidOf(this.directory.globalId(EVENT_KIND, event.id)),
      sequence,
      status: event.status === "CANCELLED" ? "CANCELLED" : "CONFIRMED",
      summary: event.title,
      description: event.description || null,
      location: event.location ?? (event.format === "ONLINE" ? "Online" : null),
      url: options.withLink ? event.onlineUrl : null,
      start: event.startsAt.toISOString(),
      end: event.endsAt.toISOString(),
      timeZone: event.timeZone,
      allDay: false,
      lastModified: event.updatedAt.toISOString(),
    };
  }

  private async sequencesOf(eventIds: readonly string[]): Promise<Map<string, number>> {
    if (eventIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(EventCalendarRevisionEntity).findBy({ eventId: In([...new Set(eventIds)]) });
    return new Map(rows.map((row) => [row.eventId, row.sequence]));
  }
}

/** Stable across feeds and changes: the entity's global id, made an RFC 5545 UID. */
function uidOf(globalId: string): string {
  return `${globalId}@tandem-federation`;
}
