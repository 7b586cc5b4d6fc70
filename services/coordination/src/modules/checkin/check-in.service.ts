import type { DataSource } from "typeorm";
import { AppError, ErrorCode } from "@tandem/shared";
import { inTransaction, keysetPage, repositoryOf, type Page } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { Visibility } from "../access/access.rules.js";
import { whereVisible } from "../access/access.sql.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import type { SetCheckInIntervalArgs, TandemsNeedingAttentionArgs } from "./check-in.args.js";
import { TandemAttentionEntity } from "./tandem-attention.entity.js";

export class CheckInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
  ) {}

  /** A cohort's tandems needing attention that `visibility` lets the caller see, oldest first. */
  async needingAttention(args: TandemsNeedingAttentionArgs, visibility: Visibility): Promise<Page<TandemAttentionEntity>> {
    const cohortId = this.directory.parseLocal(args.cohortId, COHORT_KIND, "cohortId");
    if (!(await repositoryOf(this.dataSource, CohortEntity).existsBy({ id: cohortId }))) {
      throw new AppError(ErrorCode.NOT_FOUND, `cohortId: no cohort ${args.cohortId}`, { field: "cohortId" });
    }
    const query = repositoryOf(this.dataSource, TandemAttentionEntity).createQueryBuilder("a").innerJoin("tandems", "t", "t.id = a.tandem_id").where("t.cohort_id = :cohortId", { cohortId });
    if (!args.includeHandled) query.andWhere("a.handled_at IS NULL");
    whereVisible(query, ["t.mentee_id", "t.mentor_id"], visibility);
    return keysetPage(query, args, {
      list: "tandemsNeedingAttention",
      timeColumn: "a.raised_at",
      idColumn: "a.id",
      timeOf: (row) => row.raisedAt,
      ids: { of: (row) => row.id, fromCursor: (id) => (/^[0-9a-f-]{36}$/.test(id) ? id : null) },
    });
  }

  /** A programme's check-in interval (tandems activated from now on get its dates); audited like every mutation. */
  async setInterval(args: SetCheckInIntervalArgs): Promise<ProgrammeEntity> {
    const localId = this.directory.parseLocal(args.programmeId, PROGRAMME_KIND, "programmeId");
    return inTransaction(this.dataSource, async (manager) => {
      const programmes = manager.getRepository(ProgrammeEntity);
      const programme = await programmes.findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
      if (!programme) throw new AppError(ErrorCode.NOT_FOUND, `programmeId: no programme ${args.programmeId}`, { field: "programmeId" });
      programme.checkInEveryWeeks = args.everyWeeks ?? null;
      return programmes.save(programme);
    });
  }
}
