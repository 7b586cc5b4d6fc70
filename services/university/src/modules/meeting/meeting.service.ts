import { In, type DataSource } from "typeorm";
import { AppError, ErrorCode, invalidField, MeetingChangeKind } from "@tandem/shared";
import { globalIds, inTransaction, keysetPage, repositoryOf, type Page } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { ActiveTandemEntity } from "../active-tandem/active-tandem.entity.js";
import { today, type ActiveTandemService, type TandemPartners, type TandemSide } from "../active-tandem/active-tandem.service.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { publishMeetingChange } from "./meeting.changes.js";
import { MeetingEntity } from "./meeting.entity.js";
import type { MeetingsArgs } from "./meeting.args.js";
import type { LogMeetingInput } from "./meeting.input.js";
import type { MeetingTallies } from "./meeting.tally.js";
import { MEETING_KIND } from "./meeting.type.js";

/** Runs on the locked tandem before anything changes (authorisation): answers the caller's side. */
export type PartnerGuard = (tandem: TandemPartners) => TandemSide;

/** A meeting with what the rules judge it by: its tandem's partners. */
export interface MeetingView {
  meeting: MeetingEntity;
  tandem: ActiveTandemEntity;
}

export class MeetingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly tandems: ActiveTandemService,
    private readonly tallies: MeetingTallies,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Logs a meeting of an active tandem whose mentee belongs to this node: by
   * the mentee (unconfirmed) or by the mentor (confirmed by adding it). Not
   * after today, not before the tandem started.
   */
  async log(menteeId: string, tandemId: string, input: LogMeetingInput, guard: PartnerGuard): Promise<MeetingView> {
    const menteeLocalId = this.directory.parseLocal(menteeId, PARTICIPANT_KIND, "menteeId");
    return inTransaction(this.dataSource, async (manager) => {
      const tandem = await this.tandems.lockRunning(manager, tandemId, "tandemId");
      // the rule first: a stranger learns nothing of the tandem
      const side = guard(tandem);
      if (tandem.menteeId !== menteeId) throw invalidField("menteeId", `is not the mentee of tandem ${tandemId}`);
      const now = this.now();
      if (input.heldOn > today(now)) throw invalidField("input.heldOn", "must not be after today");
      if (input.heldOn < tandem.startedOn) throw invalidField("input.heldOn", `must not be before the tandem started (${tandem.startedOn})`);
      const repository = manager.getRepository(MeetingEntity);
      const meeting = await repository.save(
        repository.create({
          tandemId,
          menteeId: menteeLocalId,
          heldOn: input.heldOn,
          format: input.format,
          durationMinutes: input.durationMinutes,
          topics: input.topics.map((topic) => topic.trim()),
          notes: input.notes,
          recordedBy: side,
          mentorConfirmedAt: side === "MENTOR" ? now : null,
        }),
      );
      await this.tallies.publish(manager, tandem);
      await publishMeetingChange(manager, this.directory, MeetingChangeKind.LOGGED, meeting);
      return { meeting, tandem };
    });
  }

  /** The mentor confirms a meeting the mentee logged; confirming it again is harmless. */
  async confirm(id: string, guard: (tandem: TandemPartners) => void): Promise<MeetingView> {
    const localId = this.directory.parseLocal(id, MEETING_KIND, "id");
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(MeetingEntity);
      const found = await repository.findOneBy({ id: localId });
      if (!found) throw new AppError(ErrorCode.NOT_FOUND, `id: no meeting ${id}`, { field: "id" });
      const tandem = await this.tandems.lockRunning(manager, found.tandemId, "id");
      guard(tandem);
      const meeting = await repository.findOneOrFail({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (meeting.mentorConfirmedAt) return { meeting, tandem };
      meeting.mentorConfirmedAt = this.now();
      const saved = await repository.save(meeting);
      await this.tallies.publish(manager, tandem);
      await publishMeetingChange(manager, this.directory, MeetingChangeKind.CONFIRMED, saved);
      return { meeting: saved, tandem };
    });
  }

  /** The tandem's meetings in the order they were logged, one page; `guard` judges the caller against the tandem first. */
  async list(args: MeetingsArgs, guard: (tandem: TandemPartners) => void): Promise<{ page: Page<MeetingEntity>; tandem: ActiveTandemEntity }> {
    this.directory.parseLocal(args.menteeId, PARTICIPANT_KIND, "menteeId");
    const tandem = await this.tandems.get(args.tandemId, "tandemId");
    guard(tandem);
    if (tandem.menteeId !== args.menteeId) throw invalidField("menteeId", `is not the mentee of tandem ${args.tandemId}`);
    const query = repositoryOf(this.dataSource, MeetingEntity).createQueryBuilder("m").where("m.tandem_id = :tandemId", { tandemId: args.tandemId });
    const page = await keysetPage(query, args, { list: "meetings", timeColumn: "m.created_at", idColumn: "m.id", timeOf: (row) => row.createdAt, ids: globalIds(this.directory, MEETING_KIND) });
    return { page, tandem };
  }

  /** Meetings by local id with their tandems (reference resolution), two queries. */
  async views(ids: readonly string[]): Promise<MeetingView[]> {
    if (ids.length === 0) return [];
    const meetings = await repositoryOf(this.dataSource, MeetingEntity).findBy({ id: In([...ids]) });
    const tandems = await this.tandems.byIds([...new Set(meetings.map((meeting) => meeting.tandemId))]);
    const byId = new Map(tandems.map((tandem) => [tandem.tandemId, tandem]));
    return meetings.flatMap((meeting) => {
      const tandem = byId.get(meeting.tandemId);
      return tandem ? [{ meeting, tandem }] : [];
    });
  }
}
