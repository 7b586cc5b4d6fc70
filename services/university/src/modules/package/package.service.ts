import type { DataSource, EntityManager } from "typeorm";
import { AppError, audienceIncludes, ErrorCode, type AttendanceStatus, type CohortMembership, type EventCohortLink } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";

export interface PackageItemView {
  eventId: string;
  kind: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  obligation: EventCohortLink["obligation"];
  audience: EventCohortLink["audience"];
  /** Mandatory for this person: a MANDATORY event of the cohort whose audience includes their role. */
  mandatory: boolean;
  registered: boolean;
  attendance: AttendanceStatus | null;
  /** Mandatory, not cancelled, and neither attended nor excused yet. */
  open: boolean;
}

export interface PackageView {
  participantId: string;
  cohortId: string;
  role: CohortMembership["role"];
  /** Events of the cohort that are mandatory for them, that they registered for, or that they attended, in start order. */
  items: PackageItemView[];
  mandatory: number;
  /** Voluntary events they registered for. */
  chosen: number;
  attended: number;
  open: number;
  complete: boolean;
}

export interface CompletionView {
  cohortId: string;
  nodeId: string;
  /** This node's people enrolled in the cohort. */
  enrolled: number;
  /** … with no mandatory event open. */
  complete: number;
  withOpenMandatory: number;
  /** Attendances of this node's people at the cohort's events. */
  attendances: number;
}

export interface LedgerRow {
  participant_id: string;
  event_id: string;
  kind: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  cohorts: EventCohortLink[];
  active: boolean | null;
  attendance: AttendanceStatus | null;
}

/**
 * A person's programme package, at their home node: per cohort, what is
 * mandatory for them, what they chose, what they attended, what is open.
 * Built from the programme ledger (hosts' facts and this node's own events)
 * and their enrolments; nothing of it leaves this node but counts.
 */
export class PackageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
  ) {}

  async packageOf(participantId: string, cohortId: string): Promise<PackageView> {
    const localId = this.directory.parseLocal(participantId, PARTICIPANT_KIND, "participantId");
    this.directory.parseCohortId(cohortId);
    const [enrolment] = await this.enrolments(cohortId, localId);
    if (!enrolment) throw new AppError(ErrorCode.NOT_IN_COHORT, `cohortId: ${participantId} is not enrolled in ${cohortId}`, { field: "cohortId" });
    return summarise(participantId, cohortId, enrolment.role, await this.ledgerOf(cohortId, [localId]));
  }

  /** Per-cohort completion of this node's people: counts only. Two statements, whatever the number of people. */
  async completion(cohortId: string): Promise<CompletionView> {
    this.directory.parseCohortId(cohortId);
    const enrolled = await this.enrolments(cohortId);
    const rows = await this.ledgerOf(
      cohortId,
      enrolled.map((enrolment) => enrolment.participantId),
    );
    const rowsOf = new Map<string, LedgerRow[]>(enrolled.map((enrolment) => [enrolment.participantId, []]));
    for (const row of rows) rowsOf.get(row.participant_id)?.push(row);
    const packages = enrolled.map((enrolment) => summarise(this.directory.globalId(PARTICIPANT_KIND, enrolment.participantId), cohortId, enrolment.role, rowsOf.get(enrolment.participantId) ?? []));
    return {
      cohortId,
      nodeId: this.directory.self.id,
      enrolled: packages.length,
      complete: packages.filter((item) => item.complete).length,
      withOpenMandatory: packages.filter((item) => !item.complete).length,
      attendances: packages.reduce((sum, item) => sum + item.attended, 0),
    };
  }

  private ledgerOf(cohortId: string, participantLocalIds: string[]): Promise<LedgerRow[]> {
    return programmeLedgerRows(this.dataSource, cohortId, participantLocalIds);
  }

  private async enrolments(cohortId: string, participantLocalId?: string): Promise<{ participantId: string; role: CohortMembership["role"] }[]> {
    const rows: { participant_id: string; role: CohortMembership["role"] }[] = await this.dataSource.query(
      `SELECT participant_id, role FROM applications WHERE status = 'ENROLLED' AND cohort_id = $1 AND ($2::uuid IS NULL OR participant_id = $2) ORDER BY participant_id`,
      [cohortId, participantLocalId ?? null],
    );
    return rows.map((row) => ({ participantId: row.participant_id, role: row.role }));
  }
}

/** The cohort's events in start order, each with each person's registration and attendance (people × events rows). */
export function programmeLedgerRows(db: DataSource | EntityManager, cohortId: string, participantLocalIds: string[]): Promise<LedgerRow[]> {
  return db.query(
    `SELECT person.participant_id, e.event_id, e.kind, e.title, e.starts_at, e.ends_at, e.status, e.cohorts, p.active, p.attendance
       FROM unnest($2::uuid[]) AS person(participant_id)
      CROSS JOIN programme_events e
       LEFT JOIN event_participations p ON p.event_id = e.event_id AND p.participant_id = person.participant_id
      WHERE e.cohorts @> jsonb_build_array(jsonb_build_object('cohortId', $1::text))
      ORDER BY e.starts_at, e.event_id`,
    [cohortId, participantLocalIds],
  );
}

/** One person's package in a cohort from their ledger rows. */
export function summarise(participantId: string, cohortId: string, role: CohortMembership["role"], rows: LedgerRow[]): PackageView {
  const items = rows.flatMap((row): PackageItemView[] => {
    const link = row.cohorts.find((candidate) => candidate.cohortId === cohortId)!;
    const cancelled = row.status === "CANCELLED";
    const mandatory = link.obligation === "MANDATORY" && audienceIncludes(link.audience, role);
    const registered = row.active === true;
    if (!mandatory && !registered && !row.attendance) return [];
    const settled = row.attendance === "ATTENDED" || row.attendance === "EXCUSED";
    const { obligation, audience } = link;
    return [
      {
        eventId: row.event_id,
        kind: row.kind,
        title: row.title,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        cancelled,
        obligation,
        audience,
        mandatory,
        registered,
        attendance: row.attendance,
        open: mandatory && !cancelled && !settled,
      },
    ];
  });
  const open = items.filter((item) => item.open).length;
  return {
    participantId,
    cohortId,
    role,
    items,
    mandatory: items.filter((item) => item.mandatory && !item.cancelled).length,
    chosen: items.filter((item) => !item.mandatory && item.registered).length,
    attended: items.filter((item) => item.attendance === "ATTENDED").length,
    open,
    complete: open === 0,
  };
}
