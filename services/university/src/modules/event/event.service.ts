import { In, type DataSource, type EntityManager, type Repository } from "typeorm";
import { AppError, ErrorCode, EventChangeKind, invalidField, rejectNulls } from "@tandem/shared";
import { emptyConnection, globalIds, inTransaction, keysetPage, repositoryOf, type Page } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { publishEventChange } from "./event.changes.js";
import { EventEntity } from "./event.entity.js";
import { RegistrationEntity } from "../registration/registration.entity.js";
import type { CreateEventInput, UpdateEventInput } from "./event.input.js";
import type { EventsArgs } from "./event.args.js";
import { EVENT_KIND } from "./event.type.js";
import { cohortLinksOf, type EventProgrammeAnnouncer } from "./event-programme.js";
import { peerMeetingOf } from "./event-peer-group.js";
import { assertStillTraining, chosenTraining } from "./event-training.js";
import { eventLanguageOf } from "./event-translations.js";

export interface EventStats {
  confirmed: number;
  waitlisted: number;
}

export interface Viewer {
  /** Home node of the caller (or of the participant acting); node-only events are visible to this node's people only. */
  homeNode: string | null;
}

/** Rule event.node-only: consortium events are for everyone, node-only events for the host node's people. */
export function isEventVisibleTo(event: Pick<EventEntity, "visibility">, viewer: Viewer, hostNodeId: string): boolean {
  return event.visibility === "CONSORTIUM" || viewer.homeNode === hostNodeId;
}

/** Fills freed or added seats from the waitlist, inside the caller's transaction. */
export interface WaitlistPromoter {
  promote(manager: EntityManager, eventId: string, seats: number): Promise<void>;
}

/** Locks an event row for the rest of the transaction (registrations, capacity changes). */
export async function lockEvent(manager: EntityManager, localId: string, field: string): Promise<EventEntity> {
  const event = await manager.getRepository(EventEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
  if (!event) throw new AppError(ErrorCode.NOT_FOUND, `${field}: no such event`, { field });
  return event;
}

type EventShape = Pick<EventEntity, "startsAt" | "endsAt" | "format"> & { location?: string | null; onlineUrl?: string | null };

export class EventService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly waitlist: WaitlistPromoter,
    private readonly programme: EventProgrammeAnnouncer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Bound to the current unit of work (a mutation), if any. */
  private get repository(): Repository<EventEntity> {
    return repositoryOf(this.dataSource, EventEntity);
  }

  async findByIds(ids: readonly string[]): Promise<EventEntity[]> {
    if (ids.length === 0) return [];
    return this.repository.findBy({ id: In([...ids]) });
  }

  async get(id: string, field = "id"): Promise<EventEntity> {
    const localId = this.directory.parseLocal(id, EVENT_KIND, field);
    const event = await this.repository.findOneBy({ id: localId });
    if (!event) throw new AppError(ErrorCode.NOT_FOUND, `${field}: no event ${id} at node ${this.directory.self.id}`, { field });
    return event;
  }

  async stats(ids: readonly string[]): Promise<Map<string, EventStats>> {
    const result = new Map<string, EventStats>(ids.map((id) => [id, { confirmed: 0, waitlisted: 0 }]));
    if (ids.length === 0) return result;
    const rows: { event_id: string; confirmed: string; waitlisted: string }[] = await this.dataSource.query(
      `SELECT event_id,
              count(*) FILTER (WHERE status = 'CONFIRMED') AS confirmed,
              count(*) FILTER (WHERE status = 'WAITLISTED') AS waitlisted
         FROM registrations WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
      [[...ids]],
    );
    for (const row of rows) result.set(row.event_id, { confirmed: Number(row.confirmed), waitlisted: Number(row.waitlisted) });
    return result;
  }

  isVisibleTo(event: EventEntity, viewer: Viewer): boolean {
    return isEventVisibleTo(event, viewer, this.directory.self.id);
  }

  /** Events in start-time order; the cursor key (startsAt, global id) is the consortium-wide order. */
  async list(args: EventsArgs, viewer: Viewer): Promise<Page<EventEntity>> {
    if (args.nodes && !args.nodes.includes(this.directory.self.id)) return emptyConnection();
    const filtered = this.repository.createQueryBuilder("e");
    if (viewer.homeNode !== this.directory.self.id) filtered.andWhere("e.visibility = 'CONSORTIUM'");
    if (!args.includeCancelled) filtered.andWhere("e.status = 'SCHEDULED'");
    if (args.from) filtered.andWhere("e.ends_at >= :from", { from: args.from });
    if (args.to) filtered.andWhere("e.starts_at < :to", { to: args.to });
    if (args.kinds?.length) filtered.andWhere("e.kind IN (:...kinds)", { kinds: args.kinds });
    return keysetPage(filtered, args, { list: "events", timeColumn: "e.starts_at", idColumn: "e.id", timeOf: (event) => event.startsAt, ids: globalIds(this.directory, EVENT_KIND) });
  }

  async create(input: CreateEventInput): Promise<EventEntity> {
    this.checkShape(input);
    if (input.startsAt <= this.now()) throw invalidField("input.startsAt", "must be in the future");
    const links = cohortLinksOf(this.directory, input.cohorts ?? []);
    const texts = eventLanguageOf(input);
    return inTransaction(this.dataSource, async (manager) => {
      const { peerGroupId, cohorts } = await peerMeetingOf(manager, this.directory, input, links);
      const training = input.training ? await chosenTraining(manager, this.directory, input.training, { kind: input.kind, visibility: input.visibility, cohorts }) : null;
      const repository = manager.getRepository(EventEntity);
      const event = await repository.save(
        repository.create({
          kind: input.kind,
          title: input.title.trim(),
          description: input.description,
          ...texts,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          timeZone: input.timeZone,
          format: input.format,
          location: input.location ?? null,
          onlineUrl: input.onlineUrl ?? null,
          capacity: input.capacity,
          visibility: input.visibility,
          tracks: [...new Set(input.tracks)],
          cohorts: training?.cohorts ?? cohorts,
          peerGroupId,
          trainingSurveyId: training?.link.surveyId ?? null,
          trainingTopicCode: training?.link.topicCode ?? null,
        }),
      );
      await publishEventChange(manager, this.directory, EventChangeKind.CREATED, event);
      await this.programme.announce(manager, event);
      return event;
    });
  }

  /**
   * Applies changes under the event's row lock. A lower capacity may not drop
   * below confirmed seats; a higher one promotes people from the waitlist.
   */
  async update(id: string, input: UpdateEventInput): Promise<EventEntity> {
    rejectNulls(input, ["title", "description", "language", "translations", "startsAt", "endsAt", "timeZone", "format", "capacity", "visibility", "tracks", "cohorts"]);
    const localId = this.directory.parseLocal(id, EVENT_KIND, "id");
    const cohorts = input.cohorts ? cohortLinksOf(this.directory, input.cohorts) : undefined;
    return inTransaction(this.dataSource, async (manager) => {
      const event = await lockEvent(manager, localId, "id");
      if (event.status === "CANCELLED") throw new AppError(ErrorCode.EVENT_CANCELLED, "id: a cancelled event cannot be changed", { field: "id" });
      const next: EventEntity = { ...event };
      for (const key of ["title", "description", "startsAt", "endsAt", "timeZone", "format", "location", "onlineUrl", "visibility", "tracks"] as const) {
        if (input[key] !== undefined) Object.assign(next, { [key]: input[key] });
      }
      if (cohorts) next.cohorts = cohorts;
      Object.assign(next, eventLanguageOf(input, event));
      this.checkShape(next);
      await assertStillTraining(manager, event, next);
      if (input.startsAt && input.startsAt.getTime() !== event.startsAt.getTime() && input.startsAt <= this.now()) {
        throw invalidField("input.startsAt", "must be in the future");
      }
      const confirmed = await manager.getRepository(RegistrationEntity).countBy({ eventId: localId, status: "CONFIRMED" });
      if (input.capacity !== undefined) {
        if (input.capacity < confirmed) {
          throw invalidField("input.capacity", `cannot be lower than the ${confirmed} confirmed registrations`);
        }
        next.capacity = input.capacity;
      }
      const saved = await manager.getRepository(EventEntity).save(next);
      await publishEventChange(manager, this.directory, EventChangeKind.UPDATED, saved, event.visibility);
      await this.programme.announce(manager, saved, event);
      if (saved.capacity > confirmed) await this.waitlist.promote(manager, localId, saved.capacity - confirmed);
      return saved;
    });
  }

  async cancel(id: string, reason: string | null): Promise<EventEntity> {
    if (reason !== null && reason.length > 500) throw invalidField("reason", "must be at most 500 characters");
    const localId = this.directory.parseLocal(id, EVENT_KIND, "id");
    return inTransaction(this.dataSource, async (manager) => {
      const event = await lockEvent(manager, localId, "id");
      if (event.status === "CANCELLED") return event;
      if (event.endsAt <= this.now()) throw new AppError(ErrorCode.EVENT_IN_PAST, "id: the event is already over", { field: "id" });
      event.status = "CANCELLED";
      event.cancelledAt = this.now();
      event.cancellationReason = reason;
      const saved = await manager.getRepository(EventEntity).save(event);
      await publishEventChange(manager, this.directory, EventChangeKind.CANCELLED, saved);
      await this.programme.announce(manager, saved, saved);
      return saved;
    });
  }

  private checkShape(event: EventShape): void {
    if (event.endsAt <= event.startsAt) throw invalidField("input.endsAt", "must be after startsAt");
    if (event.endsAt.getTime() - event.startsAt.getTime() > 14 * 24 * 3600_000) throw invalidField("input.endsAt", "an event lasts at most 14 days");
    if (event.format !== "ONLINE" && !event.location) throw invalidField("input.location", `is required for ${event.format.toLowerCase().replace("_", "-")} events`);
    if (event.format !== "IN_PERSON" && !event.onlineUrl) throw invalidField("input.onlineUrl", `is required for ${event.format.toLowerCase()} events`);
  }
}
