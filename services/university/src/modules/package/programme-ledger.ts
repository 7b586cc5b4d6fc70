/**
 * What a node keeps of programme events and of its people's part in them,
 * whichever node hosts them: written from the hosts' signed facts, or
 * directly by this node for its own events and people. Every change tells
 * the change feed (ids only, never the person's): the package of each
 * enrolment it touches, by the enrolled application's id, and the cohorts'
 * completion counts at this node.
 */
import type { EntityManager } from "typeorm";
import { PackageChangeKind, programmeCompletionTopic, programmePackageTopic, type AttendanceStatus, type EventCohortLink } from "@tandem/shared";
import { publishChange } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { APPLICATION_KIND } from "../application/application.type.js";
import { ProgrammeEventEntity } from "./programme-event.entity.js";

export type ProgrammeEventRecord = Omit<ProgrammeEventEntity, never>;

export interface ParticipationChange {
  registrationId: string;
  /** Local id of this node's participant. */
  participantId: string;
  eventId: string;
  active?: boolean;
  attendance?: { status: AttendanceStatus; revision: number };
}

export class ProgrammeLedger {
  constructor(private readonly directory: NodeDirectory) {}

  /** Keeps the event at the highest revision seen; false when it was stale. */
  async keepEvent(manager: EntityManager, record: ProgrammeEventRecord): Promise<boolean> {
    const before = await manager.findOneBy(ProgrammeEventEntity, { eventId: record.eventId });
    if (before && before.revision >= record.revision) return false;
    await manager.upsert(ProgrammeEventEntity, record, ["eventId"]);
    const cohortIds = [...new Set([...(before?.cohorts ?? []), ...record.cohorts].map((link) => link.cohortId))];
    if (cohortIds.length === 0) return true;
    const enrolments: { id: string }[] = await manager.query(`SELECT id FROM applications WHERE status = 'ENROLLED' AND cohort_id = ANY($1) ORDER BY id`, [cohortIds]);
    await this.tellPackages(manager, enrolments, record.eventId, PackageChangeKind.EVENT);
    await this.tellCompletion(manager, cohortIds, record.eventId, PackageChangeKind.EVENT);
    return true;
  }

  /** Records a registration's start or end, or a newer attendance, of one of this node's people. */
  async keepParticipation(manager: EntityManager, change: ParticipationChange): Promise<void> {
    const existing: { active: boolean; attendance_revision: number }[] = await manager.query(`SELECT active, attendance_revision FROM event_participations WHERE registration_id = $1 FOR UPDATE`, [
      change.registrationId,
    ]);
    const attendance = change.attendance && change.attendance.revision > (existing[0]?.attendance_revision ?? 0) ? change.attendance : undefined;
    if (change.active === undefined && !attendance) return;
    await manager.query(
      `INSERT INTO event_participations (registration_id, participant_id, event_id, active, attendance, attendance_revision)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (registration_id) DO UPDATE SET active = coalesce($7, event_participations.active),
         attendance = CASE WHEN $6 > event_participations.attendance_revision THEN $5 ELSE event_participations.attendance END,
         attendance_revision = greatest($6, event_participations.attendance_revision), updated_at = now()`,
      [change.registrationId, change.participantId, change.eventId, change.active ?? true, attendance?.status ?? null, attendance?.revision ?? 0, change.active ?? null],
    );
    const kind = attendance ? PackageChangeKind.ATTENDANCE : PackageChangeKind.REGISTRATION;
    const event = await manager.findOneBy(ProgrammeEventEntity, { eventId: change.eventId });
    if (!event || event.cohorts.length === 0) return;
    const cohortIds = event.cohorts.map((link: EventCohortLink) => link.cohortId);
    const enrolments: { id: string }[] = await manager.query(`SELECT id FROM applications WHERE status = 'ENROLLED' AND participant_id = $1 AND cohort_id = ANY($2) ORDER BY id`, [
      change.participantId,
      cohortIds,
    ]);
    await this.tellPackages(manager, enrolments, change.eventId, kind);
    await this.tellCompletion(manager, cohortIds, change.eventId, kind);
  }

  private async tellPackages(manager: EntityManager, enrolments: { id: string }[], eventId: string, kind: PackageChangeKind): Promise<void> {
    for (const enrolment of enrolments) {
      const applicationId = this.directory.globalId(APPLICATION_KIND, enrolment.id);
      await publishChange(manager, { topics: [programmePackageTopic(applicationId)], kind, refs: { applicationId, eventId } });
    }
  }

  private tellCompletion(manager: EntityManager, cohortIds: string[], eventId: string, kind: PackageChangeKind): Promise<void> {
    const topics = [...new Set(cohortIds)].map((cohortId) => programmeCompletionTopic(cohortId, this.directory.self.id));
    return publishChange(manager, { topics, kind, refs: { eventId } });
  }
}
