/**
 * Accepted applications within the cohort's quotas: an accepted application
 * is enrolled while its node has places for the role, else waitlisted in
 * the order the office learnt of the acceptances; a place that frees (an
 * application withdrawn, an enrolment withdrawn, a quota raised) goes to the
 * first waitlisted of that node and role. Every outcome goes back to the
 * home node as a signed fact in the same transaction. Every method runs
 * inside a transaction holding the cohort's lock (lockCohort).
 */
import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "@tandem/shared";
import { homeNodeOf } from "@tandem/shared";
import { inTransaction, type AuditTrail } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { lockCohort, type QuotaWatcher } from "../cohort/cohort.service.js";
import { cohortAllows } from "../cohort/cohort-state.rules.js";
import { EnrolmentEntity, type EnrolmentRole } from "../enrolment/enrolment.entity.js";
import type { EnrolmentService } from "../enrolment/enrolment.service.js";
import { ENROLMENT_KIND } from "../enrolment/enrolment.type.js";
import { ProgrammeTrackEntity } from "../programme/programme-track.entity.js";
import { ApplicationRecordEntity, type Placement } from "./application-record.entity.js";
import { publishPipelineChange } from "./application.changes.js";
import type { EnrolmentOutcomeFacts } from "./enrolment-outcome.facts.js";

/** Statuses of an application that keep its place (a home node echoes the outcome it was told). */
export const HOLDS_PLACE: readonly string[] = ["ACCEPTED", "WAITLISTED", "ENROLLED"];

export class ApplicationPlacementService implements QuotaWatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    private readonly enrolments: EnrolmentService,
    private readonly outcomes: EnrolmentOutcomeFacts,
    private readonly logger: Logger,
    /** What else ends with an enrolment (the person leaves the cohort's peer groups), in its transaction. */
    private readonly enrolmentEnded: (manager: EntityManager, enrolment: EnrolmentEntity) => Promise<unknown> = async () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** An accepted application without a place: enrolled while its node has places for the role, else waitlisted. */
  async place(manager: EntityManager, cohort: CohortEntity, record: ApplicationRecordEntity, audit: AuditTrail | null): Promise<void> {
    if (!cohortAllows(cohort.state, "enrolFromApplication")) {
      this.logger.warn({ applicationId: record.applicationId, cohortId: cohort.id, state: cohort.state }, "accepted application not enrolled: the cohort no longer enrols from applications");
      return;
    }
    if (!record.eligible) {
      this.logger.warn({ applicationId: record.applicationId }, "accepted application not enrolled: its home node found it ineligible");
      return;
    }
    const active = await manager.getRepository(EnrolmentEntity).findOneBy({ cohortId: cohort.id, participantId: record.participantId, status: "ACTIVE" });
    if (active && (active.role !== record.role || (await this.linkedElsewhere(manager, active, record)))) {
      this.logger.warn({ applicationId: record.applicationId, enrolmentId: active.id }, "accepted application not enrolled: the applicant is enrolled already in another way");
      return;
    }
    if (active) return this.tell(manager, Object.assign(record, { placement: "ENROLLED", enrolmentId: active.id, waitlistPosition: null }), audit);
    const { left } = await this.enrolments.placesLeft(manager, cohort.id, record.nodeId, record.role);
    if (left > 0) return this.enrol(manager, record, audit);
    const waiting = await manager.getRepository(ApplicationRecordEntity).countBy({ cohortId: cohort.id, nodeId: record.nodeId, role: record.role, placement: "WAITLISTED" });
    Object.assign(record, { placement: "WAITLISTED", waitlistPosition: waiting + 1 });
    await manager.getRepository(ApplicationRecordEntity).save(record);
    await this.renumberWaitlist(manager, cohort.id, record.nodeId, record.role, audit, record.applicationId);
  }

  /**
   * An application that no longer holds its place (withdrawn, or decided
   * otherwise): it leaves the waitlist, or its enrolment is withdrawn and
   * the place goes to the next waitlisted. An enrolment with open tandems
   * stays until they are closed and it is withdrawn by hand.
   */
  async release(manager: EntityManager, cohort: CohortEntity, record: ApplicationRecordEntity, audit: AuditTrail | null): Promise<void> {
    if (record.placement === "WAITLISTED") {
      await this.tell(manager, Object.assign(record, { placement: "WITHDRAWN", waitlistPosition: null }), audit);
      return this.renumberWaitlist(manager, cohort.id, record.nodeId, record.role, audit);
    }
    const enrolment = record.enrolmentId ? await manager.getRepository(EnrolmentEntity).findOneBy({ id: record.enrolmentId }) : null;
    if (enrolment?.status === "ACTIVE") {
      if (cohort.state === "CLOSED" || (await this.enrolments.openTandemCount(manager, enrolment)) > 0) {
        this.logger.warn({ applicationId: record.applicationId, enrolmentId: enrolment.id }, "withdrawn application keeps its enrolment: the cohort is closed or the applicant has open tandems");
        return;
      }
      await manager.getRepository(EnrolmentEntity).save(Object.assign(enrolment, { status: "WITHDRAWN", withdrawnAt: this.now() }));
      await this.enrolmentEnded(manager, enrolment);
    }
    await this.tell(manager, Object.assign(record, { placement: "WITHDRAWN", waitlistPosition: null }), audit);
    await this.promote(manager, cohort, record.nodeId, record.role, audit);
  }

  /** `withdrawEnrolment`: the enrolment's application (if any) is told, and the place goes to the next waitlisted. */
  async withdrawEnrolment(id: string, guard: (enrolment: EnrolmentEntity) => void, audit: AuditTrail | null): Promise<EnrolmentEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const enrolment = await this.enrolments.withdraw(id, guard);
      await this.enrolmentEnded(manager, enrolment);
      const cohort = await lockCohort(manager, enrolment.cohortId, "id");
      const record = await manager.getRepository(ApplicationRecordEntity).findOneBy({ enrolmentId: enrolment.id, placement: "ENROLLED" });
      if (record) await this.tell(manager, Object.assign(record, { placement: "WITHDRAWN" }), audit);
      await this.promote(manager, cohort, homeNodeOf(enrolment.participantId) ?? "", enrolment.role, audit);
      return enrolment;
    });
  }

  /** Raised quotas: places go to waitlisted applications of every node and role. */
  async quotasChanged(manager: EntityManager, cohort: CohortEntity): Promise<void> {
    const groups: { node_id: string; role: EnrolmentRole }[] = await manager.query(
      `SELECT DISTINCT node_id, role FROM application_records WHERE cohort_id = $1 AND placement = 'WAITLISTED' ORDER BY 1, 2`,
      [cohort.id],
    );
    for (const group of groups) await this.promote(manager, cohort, group.node_id, group.role, null);
  }

  /**
   * An erased person's applications leave their places (their enrolments
   * were withdrawn with everything else); nothing goes to their home node,
   * which erased them too; the places go to the next waitlisted.
   */
  async erased(manager: EntityManager, participantId: string): Promise<void> {
    const placed = await manager
      .getRepository(ApplicationRecordEntity)
      .createQueryBuilder("r")
      .where("r.participant_id = :participantId AND r.placement IN ('ENROLLED', 'WAITLISTED')", { participantId })
      .orderBy("r.cohort_id")
      .getMany();
    for (const record of placed) {
      const cohort = await lockCohort(manager, record.cohortId, "participantId");
      await manager.getRepository(ApplicationRecordEntity).update({ applicationId: record.applicationId }, { placement: "WITHDRAWN", waitlistPosition: null });
      await this.renumberWaitlist(manager, cohort.id, record.nodeId, record.role, null);
      await this.promote(manager, cohort, record.nodeId, record.role, null);
    }
  }

  /** The first waitlisted of the node and role get the places it has left, while the cohort enrols from applications. */
  private async promote(manager: EntityManager, cohort: CohortEntity, node: string, role: EnrolmentRole, audit: AuditTrail | null): Promise<void> {
    if (!cohortAllows(cohort.state, "enrolFromApplication")) return;
    let { left } = await this.enrolments.placesLeft(manager, cohort.id, node, role);
    if (left === 0) return;
    const waiting = await this.waitlist(manager, cohort.id, node, role);
    for (const record of waiting) {
      if (left === 0) break;
      const active = await manager.getRepository(EnrolmentEntity).existsBy({ cohortId: cohort.id, participantId: record.participantId, status: "ACTIVE" });
      if (active) continue; // enrolled by hand meanwhile: a coordinator's call, not the waitlist's
      await this.enrol(manager, record, audit);
      left--;
    }
    await this.renumberWaitlist(manager, cohort.id, node, role, audit);
  }

  private async enrol(manager: EntityManager, record: ApplicationRecordEntity, audit: AuditTrail | null): Promise<void> {
    const enrolment = await this.enrolments.createActive(manager, { cohortId: record.cohortId, participantId: record.participantId, role: record.role, track: await trackFor(manager, record) });
    await this.tell(manager, Object.assign(record, { placement: "ENROLLED", enrolmentId: enrolment.id, waitlistPosition: null }), audit);
    audit?.changed("enrol-from-application", "ok", { participantId: record.participantId, targetId: this.directory.globalId(ENROLMENT_KIND, enrolment.id) });
  }

  /** Positions 1… in acceptance order; every waitlisted application whose position changed (and `newcomer`) is told. */
  private async renumberWaitlist(manager: EntityManager, cohortId: string, node: string, role: EnrolmentRole, audit: AuditTrail | null, newcomer?: string): Promise<void> {
    const waiting = await this.waitlist(manager, cohortId, node, role);
    for (const [index, record] of waiting.entries()) {
      if (record.waitlistPosition === index + 1 && record.applicationId !== newcomer) continue;
      await this.tell(manager, Object.assign(record, { waitlistPosition: index + 1 }), audit);
    }
  }

  private waitlist(manager: EntityManager, cohortId: string, nodeId: string, role: EnrolmentRole): Promise<ApplicationRecordEntity[]> {
    return manager.getRepository(ApplicationRecordEntity).find({ where: { cohortId, nodeId, role, placement: "WAITLISTED" }, order: { acceptedAt: "ASC", applicationId: "ASC" } });
  }

  /** Saves the record's placement as a new outcome revision and tells its home node and the pipeline's followers. */
  private async tell(manager: EntityManager, record: ApplicationRecordEntity & { placement: Placement | null }, audit: AuditTrail | null): Promise<void> {
    const placement = record.placement!;
    record.outcomeRevision += 1;
    await manager.getRepository(ApplicationRecordEntity).save(record);
    await this.outcomes.send(manager, { ...record, placement }, this.now());
    await publishPipelineChange(manager, this.directory, record, placement);
    audit?.changed(`application-outcome:${placement}`, "ok", { participantId: record.participantId, targetId: record.applicationId });
  }

  /** An enrolment another application of the person holds already. */
  private async linkedElsewhere(manager: EntityManager, enrolment: EnrolmentEntity, record: ApplicationRecordEntity): Promise<boolean> {
    const holder = await manager.getRepository(ApplicationRecordEntity).findOneBy({ enrolmentId: enrolment.id });
    return holder !== null && holder.applicationId !== record.applicationId;
  }
}

/** The first of the applicant's preferred tracks the programme has, else the programme's first track. */
async function trackFor(manager: EntityManager, record: ApplicationRecordEntity): Promise<string> {
  const cohort = await manager.getRepository(CohortEntity).findOneByOrFail({ id: record.cohortId });
  const tracks = await manager.getRepository(ProgrammeTrackEntity).find({ where: { programmeId: cohort.programmeId }, order: { position: "ASC" } });
  return record.trackCodes.find((code) => tracks.some((track) => track.code === code)) ?? tracks[0]!.code;
}
