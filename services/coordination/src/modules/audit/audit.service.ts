import type { DataSource, Repository } from "typeorm";
import { AuditEntryEntity, auditLogPage } from "@tandem/party";
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
    return auditLogPage(filtered, args, "coordinationAuditLog");
  }

  /** Every entry about a person: naming them, acted by them, or on one of their records. Oldest first. */
  async about(participantId: string, targetIds: readonly string[]): Promise<AuditEntryEntity[]> {
    const query = this.repository.createQueryBuilder("a").where("a.participant_id = :participantId OR a.actor = :participantId", { participantId }).orderBy("a.at", "ASC").addOrderBy("a.id", "ASC");
    if (targetIds.length) query.orWhere("a.target_id IN (:...targetIds)", { targetIds: [...targetIds] });
    return query.getMany();
  }
}
