/**
 * The office's view of applications: the pseudonymous records the home
 * nodes attest (application-record facts), kept at their highest revision;
 * the pipeline's counts with small groups suppressed; the records' list.
 */
import type { DataSource, EntityManager } from "typeorm";
import { AppError, ErrorCode, tryParseGlobalId, type ApplicationRecordProof, type ApplicationStatus, type Logger } from "@tandem/shared";
import { keysetPage, repositoryOf, type AuditTrail, type Page } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { Visibility } from "../access/access.rules.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { EnrolmentRole } from "../enrolment/enrolment.entity.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { ApplicationRecordEntity } from "./application-record.entity.js";
import { HOLDS_PLACE, type ApplicationPlacementService } from "./application-placement.service.js";
import { changeKindOf, publishPipelineChange } from "./application.changes.js";
import type { ApplicationRecordsArgs } from "./application-record.args.js";

/** A status as the pipeline counts it: an accepted application's placement once the office placed it, else its home node's word. */
export const EFFECTIVE_STATUS_SQL = (alias: string) =>
  `CASE WHEN ${alias}.placement IS NOT NULL AND ${alias}.status IN ('ACCEPTED', 'WAITLISTED', 'ENROLLED') THEN ${alias}.placement ELSE ${alias}.status END`;

export function effectiveStatus(record: Pick<ApplicationRecordEntity, "status" | "placement">): ApplicationStatus {
  return record.placement && HOLDS_PLACE.includes(record.status) ? record.placement : record.status;
}

/** One cell of the pipeline: null `count` when the group is smaller than the minimum group size. */
export interface PipelineCell {
  nodeId: string;
  role: EnrolmentRole;
  track: string | null;
  status: ApplicationStatus;
  count: number | null;
}

export class ApplicationRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly placements: ApplicationPlacementService,
    private readonly logger: Logger,
    /** The consortium's minimum group size: smaller counts are not shown. */
    readonly minimumGroupSize: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Keeps a home node's record of an application if it is newer than the
   * one held (a higher revision), then places or releases it. A record for
   * no cohort of this office, or from a node that does not take part in the
   * cohort's programme, is refused (recorded by the inbox, logged) without
   * stopping the delivery.
   */
  async apply(manager: EntityManager, proof: ApplicationRecordProof, audit: AuditTrail): Promise<void> {
    const cohortLocalId = this.directory.tryLocal(proof.cohortId, COHORT_KIND);
    const cohort = cohortLocalId ? await manager.getRepository(CohortEntity).findOne({ where: { id: cohortLocalId }, lock: { mode: "pessimistic_write" } }) : null;
    if (!cohort) throw this.ignored(ErrorCode.NOT_FOUND, proof, `names ${proof.cohortId}, no cohort of this office`);
    const programme = await manager.getRepository(ProgrammeEntity).findOneByOrFail({ id: cohort.programmeId });
    if (!programme.participatingNodeIds.includes(proof.issuer)) throw this.ignored(ErrorCode.FORBIDDEN, proof, `node ${proof.issuer} does not take part in programme "${programme.name}"`);
    const records = manager.getRepository(ApplicationRecordEntity);
    const held = await records.findOneBy({ applicationId: proof.applicationId });
    if (held && held.revision >= proof.revision) return;
    if (held && (held.cohortId !== cohort.id || held.participantId !== proof.participantId)) throw this.ignored(ErrorCode.CONFLICT, proof, "an application keeps its cohort and applicant");
    const now = this.now();
    const record =
      held ??
      records.create({
        applicationId: proof.applicationId,
        cohortId: cohort.id,
        nodeId: proof.issuer,
        participantId: proof.participantId,
        receivedAt: now,
        acceptedAt: null,
        placement: null,
        enrolmentId: null,
        waitlistPosition: null,
        outcomeRevision: 0,
      });
    Object.assign(record, {
      role: proof.role,
      trackCodes: proof.trackCodes,
      eligible: proof.eligible,
      ruleVersion: proof.ruleVersion,
      status: proof.status,
      sharedWithJointOffice: proof.sharedWithJointOffice,
      submittedAt: proof.submittedAt ? new Date(proof.submittedAt) : null,
      revision: proof.revision,
      updatedAt: now,
      acceptedAt: record.acceptedAt ?? (proof.status === "ACCEPTED" ? now : null),
    });
    await records.save(record);
    audit.changed("application-record", "ok", { participantId: record.participantId, targetId: record.applicationId });
    await publishPipelineChange(manager, this.directory, record, changeKindOf(record.status));
    if (record.placement === null && record.status === "ACCEPTED") await this.placements.place(manager, cohort, record, audit);
    else if ((record.placement === "ENROLLED" || record.placement === "WAITLISTED") && !HOLDS_PLACE.includes(record.status)) await this.placements.release(manager, cohort, record, audit);
  }

  /**
   * Counts per node, role, preferred track (an application with several
   * counts once under each; null: none given) and status, of the nodes
   * `visibility` lets the caller see; counts below the minimum group size
   * are null.
   */
  async pipeline(cohortId: string, visibility: Visibility): Promise<PipelineCell[]> {
    const localId = await this.existingCohort(cohortId);
    if (!visibility.all && visibility.nodes.length === 0) return [];
    const rows: { node_id: string; role: EnrolmentRole; track: string | null; status: ApplicationStatus; count: number }[] = await repositoryOf(this.dataSource, ApplicationRecordEntity).query(
      `SELECT r.node_id, r.role, t.track, ${EFFECTIVE_STATUS_SQL("r")} AS status, count(*)::int AS count
         FROM application_records r
         LEFT JOIN LATERAL unnest(CASE WHEN cardinality(r.track_codes) = 0 THEN ARRAY[NULL]::text[] ELSE r.track_codes END) AS t(track) ON true
        WHERE r.cohort_id = $1 AND ($2::boolean OR r.node_id = ANY($3))
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3 NULLS LAST, 4`,
      [localId, visibility.all, [...visibility.nodes]],
    );
    return rows.map((row) => ({ nodeId: row.node_id, role: row.role, track: row.track, status: row.status, count: row.count >= this.minimumGroupSize ? row.count : null }));
  }

  /** A cohort's records, in the order they arrived, one page. */
  async list(args: ApplicationRecordsArgs): Promise<Page<ApplicationRecordEntity>> {
    const localId = await this.existingCohort(args.cohortId);
    const query = repositoryOf(this.dataSource, ApplicationRecordEntity).createQueryBuilder("r").where("r.cohort_id = :localId", { localId });
    if (args.nodeId) query.andWhere("r.node_id = :nodeId", { nodeId: args.nodeId });
    if (args.role) query.andWhere("r.role = :role", { role: args.role });
    if (args.status) query.andWhere(`${EFFECTIVE_STATUS_SQL("r")} = :status`, { status: args.status });
    return keysetPage(query, args, {
      list: "applicationRecords",
      timeColumn: "r.received_at",
      idColumn: "r.application_id",
      timeOf: (row) => row.receivedAt,
      ids: { of: (row) => row.applicationId, fromCursor: (id) => (tryParseGlobalId(id) ? id : null) },
    });
  }

  private async existingCohort(cohortId: string): Promise<string> {
    const localId = this.directory.parseLocal(cohortId, COHORT_KIND, "cohortId");
    if (!(await repositoryOf(this.dataSource, CohortEntity).existsBy({ id: localId }))) throw new AppError(ErrorCode.NOT_FOUND, `cohortId: no cohort ${cohortId}`, { field: "cohortId" });
    return localId;
  }

  /** Why a record is not kept: logged, and recorded by the inbox as the fact's outcome. */
  private ignored(code: ErrorCode, proof: ApplicationRecordProof, reason: string): AppError {
    this.logger.warn({ applicationId: proof.applicationId, cohortId: proof.cohortId, source: proof.issuer, reason }, "application record not kept");
    return new AppError(code, `application record ${proof.applicationId}: ${reason}`);
  }
}
