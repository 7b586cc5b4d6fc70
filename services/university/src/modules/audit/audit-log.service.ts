import type { DataSource, Repository } from "typeorm";
import { AuditEntryEntity, auditLogPage } from "@tandem/party";
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
    return auditLogPage(filtered, args, "auditLog");
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
