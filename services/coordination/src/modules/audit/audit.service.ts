import type { DataSource, Repository } from "typeorm";
import { AppError, decodeSortCursor, encodeSortCursor, ErrorCode } from "@tandem/shared";
import { AuditEntryEntity, toPage } from "@tandem/party";
import type { AuditLogArgs } from "./audit.args.js";

/** Reads the coordination office's audit log; the audit plugin writes it. */
export class AuditLogService {
  private readonly repository: Repository<AuditEntryEntity>;

  constructor(dataSource: DataSource) {
    this.repository = dataSource.getRepository(AuditEntryEntity);
  }

  /** One page, newest first, optionally about one participant. */
  async page(args: AuditLogArgs) {
    const filtered = this.repository.createQueryBuilder("a");
    if (args.participantId) filtered.where("a.participant_id = :participantId", { participantId: args.participantId });
    const totalCount = await filtered.clone().getCount();
    const page = filtered
      .clone()
      .orderBy("a.at", "DESC")
      .addOrderBy("a.id", "DESC")
      .limit(args.first + 1);
    if (args.after) {
      const { at, id } = decodeAuditCursor(args.after);
      page.andWhere("(a.at, a.id) < (:at, :id)", { at, id });
    }
    const rows = await page.getMany();
    return { ...toPage(rows, args.first, (row) => encodeSortCursor([row.at.getTime(), row.id]), Boolean(args.after)), totalCount };
  }

  /** Every entry about a person: naming them, acted by them, or on one of their records. Oldest first. */
  async about(participantId: string, targetIds: readonly string[]): Promise<AuditEntryEntity[]> {
    const query = this.repository.createQueryBuilder("a").where("a.participant_id = :participantId OR a.actor = :participantId", { participantId }).orderBy("a.at", "ASC").addOrderBy("a.id", "ASC");
    if (targetIds.length) query.orWhere("a.target_id IN (:...targetIds)", { targetIds: [...targetIds] });
    return query.getMany();
  }
}

function decodeAuditCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeSortCursor(cursor);
  if (typeof at !== "number" || typeof id !== "string" || !/^\d{1,19}$/.test(id)) {
    throw new AppError(ErrorCode.BAD_CURSOR, "after: not an audit log cursor", { field: "after" });
  }
  return { at: new Date(at), id };
}
