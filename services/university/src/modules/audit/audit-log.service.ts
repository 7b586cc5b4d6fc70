import type { DataSource, Repository } from "typeorm";
import { AppError, ErrorCode, encodeSortCursor } from "@tandem/shared";
import { AuditEntryEntity, toPage } from "@tandem/party";
import { decodeTimeCursor } from "../common/time-cursor.js";
import type { AuditLogArgs } from "./audit-log.args.js";

/** Reads this node's audit log (written by the shared audit trail), newest first. */
export class AuditLogService {
  private readonly repository: Repository<AuditEntryEntity>;

  constructor(dataSource: DataSource) {
    this.repository = dataSource.getRepository(AuditEntryEntity);
  }

  async list(args: AuditLogArgs) {
    const filtered = this.repository.createQueryBuilder("a");
    if (args.participantId) filtered.where("(a.participant_id = :participantId OR a.target_id = :participantId)", { participantId: args.participantId });
    const totalCount = await filtered.clone().getCount();
    const page = filtered
      .clone()
      .orderBy("a.at", "DESC")
      .addOrderBy("a.id", "DESC")
      .limit(args.first + 1);
    if (args.after) {
      const { at, id } = decodeTimeCursor(args.after, "audit log");
      if (!/^\d{1,19}$/.test(id)) throw new AppError(ErrorCode.BAD_CURSOR, "after: not an audit log cursor", { field: "after" });
      page.andWhere("(a.at, a.id) < (:at, :id)", { at, id });
    }
    const rows = await page.getMany();
    return { ...toPage(rows, args.first, (row) => encodeSortCursor([row.at.getTime(), String(row.id)]), Boolean(args.after)), totalCount };
  }

  /** Every entry about a participant (as concerned person or as target), oldest first. */
  about(participantId: string): Promise<AuditEntryEntity[]> {
    return this.repository
      .createQueryBuilder("a")
      .where("a.participant_id = :participantId OR a.target_id = :participantId", { participantId })
      .orderBy("a.at", "ASC")
      .addOrderBy("a.id", "ASC")
      .getMany();
  }
}
