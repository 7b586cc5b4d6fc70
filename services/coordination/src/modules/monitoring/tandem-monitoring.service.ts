import type { DataSource } from "typeorm";
import { AppError, ErrorCode } from "@tandem/shared";
import { repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { Visibility } from "../access/access.rules.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";

/** Meetings held in one month (`YYYY-MM`) by a group's tandems, summed from their tallies' months. */
export interface MonthlyMeetings {
  month: string;
  meetings: number;
  confirmed: number;
}

/** Tandems are counted under their mentee's home node. */
export interface MonitoringCounts {
  tandems: number;
  proposed: number;
  accepted: number;
  active: number;
  closed: number;
  agreementsUnsigned: number;
  withoutRecentMeeting: number;
  /** Meetings logged, as the mentees' home nodes last told the office (their tallies). */
  meetings: number;
  meetingsConfirmed: number;
  openCases: number;
  checkInAnswers: number;
  satisfactionSum: number;
  goalsNot: number;
  goalsPartly: number;
  goalsFully: number;
}

export interface MonitoringFigures extends MonitoringCounts {
  /** Ascending; only months in which the group's tandems met. */
  meetingsByMonth: MonthlyMeetings[];
}

/** A group of the answer: one node, or the nodes merged because each alone was smaller than the minimum. */
export interface MonitoringGroup {
  nodeIds: string[];
  merged: boolean;
  /** null: the group (or what was merged) is still smaller than the minimum: nothing is reported of it. */
  figures: MonitoringFigures | null;
}

export interface MonitoringThresholds {
  unsignedAfterDays: number;
  quietWeeks: number;
}

const FIGURES_SQL = `
  WITH t AS (
    SELECT t.*, split_part(t.mentee_id, ':', 1) AS node FROM tandems t WHERE t.cohort_id = $1 AND ($2::boolean OR split_part(t.mentee_id, ':', 1) = ANY($3))
  )
  SELECT t.node,
    count(*)::int AS tandems,
    count(*) FILTER (WHERE t.status = 'PROPOSED')::int AS proposed,
    count(*) FILTER (WHERE t.status = 'ACCEPTED')::int AS accepted,
    count(*) FILTER (WHERE t.status = 'ACTIVE')::int AS active,
    count(*) FILTER (WHERE t.status = 'CLOSED')::int AS closed,
    count(*) FILTER (WHERE t.status = 'ACCEPTED' AND GREATEST(t.mentee_responded_at, t.mentor_responded_at) < now() - make_interval(days => $4))::int AS "agreementsUnsigned",
    count(*) FILTER (WHERE t.status = 'ACTIVE' AND COALESCE(m.latest_meeting_on, t.started_on) < (now() - make_interval(weeks => $5))::date)::int AS "withoutRecentMeeting",
    COALESCE(sum(m.meetings), 0)::int AS meetings,
    COALESCE(sum(m.confirmed), 0)::int AS "meetingsConfirmed",
    COALESCE(sum((SELECT count(*) FROM mediation_cases c WHERE c.tandem_id = t.id AND c.outcome IS NULL)), 0)::int AS "openCases",
    COALESCE(sum((SELECT count(*) FROM tandem_check_ins ci WHERE ci.tandem_id = t.id)), 0)::int AS "checkInAnswers",
    COALESCE(sum((SELECT sum(ci.satisfaction) FROM tandem_check_ins ci WHERE ci.tandem_id = t.id)), 0)::int AS "satisfactionSum",
    COALESCE(sum((SELECT count(*) FROM tandem_goal_ratings g WHERE g.tandem_id = t.id AND g.achievement = 'NOT')), 0)::int AS "goalsNot",
    COALESCE(sum((SELECT count(*) FROM tandem_goal_ratings g WHERE g.tandem_id = t.id AND g.achievement = 'PARTLY')), 0)::int AS "goalsPartly",
    COALESCE(sum((SELECT count(*) FROM tandem_goal_ratings g WHERE g.tandem_id = t.id AND g.achievement = 'FULLY')), 0)::int AS "goalsFully"
  FROM t LEFT JOIN tandem_meeting_tallies m ON m.tandem_id = t.id
  GROUP BY t.node ORDER BY t.node`;

const MONTHS_SQL = `
  SELECT split_part(t.mentee_id, ':', 1) AS node, mm.month, sum(mm.meetings)::int AS meetings, sum(mm.confirmed)::int AS confirmed
  FROM tandems t JOIN tandem_meeting_months mm ON mm.tandem_id = t.id
  WHERE t.cohort_id = $1 AND ($2::boolean OR split_part(t.mentee_id, ':', 1) = ANY($3))
  GROUP BY 1, 2 ORDER BY 1, 2`;

/**
 * A cohort's tandems in figures per node (the mentee's home node), for
 * coordinators: no figure is reported of a group of fewer tandems than the
 * consortium's minimum group size. Nodes below it are merged into one group;
 * if that is still too small, it is reported as suppressed. There is no
 * total row, so a suppressed group cannot be worked out by subtraction.
 */
export class TandemMonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: ConsortiumDirectory,
    readonly minimumGroupSize: number,
  ) {}

  async groups(cohortId: string, visibility: Visibility, thresholds: MonitoringThresholds): Promise<MonitoringGroup[]> {
    const localId = this.directory.parseLocal(cohortId, COHORT_KIND, "cohortId");
    if (!(await repositoryOf(this.dataSource, CohortEntity).existsBy({ id: localId }))) {
      throw new AppError(ErrorCode.NOT_FOUND, `cohortId: no cohort ${cohortId}`, { field: "cohortId" });
    }
    if (!visibility.all && visibility.nodes.length === 0) return [];
    const repository = repositoryOf(this.dataSource, CohortEntity);
    const [counts, months]: [(MonitoringCounts & { node: string })[], (MonthlyMeetings & { node: string })[]] = await Promise.all([
      repository.query(FIGURES_SQL, [localId, visibility.all, [...visibility.nodes], thresholds.unsignedAfterDays, thresholds.quietWeeks]),
      repository.query(MONTHS_SQL, [localId, visibility.all, [...visibility.nodes]]),
    ]);
    const rows = counts.map((row) => ({ ...row, meetingsByMonth: months.filter((month) => month.node === row.node).map(({ node: _node, ...month }) => month) }));
    const large = rows.filter((row) => row.tandems >= this.minimumGroupSize);
    const small = rows.filter((row) => row.tandems < this.minimumGroupSize);
    const groups: MonitoringGroup[] = large.map(({ node, ...figures }) => ({ nodeIds: [node], merged: false, figures }));
    if (small.length > 0) {
      const merged = small.reduce((sum, { node: _node, ...row }) => addFigures(sum, row), emptyFigures());
      groups.push({ nodeIds: small.map((row) => row.node), merged: small.length > 1, figures: merged.tandems >= this.minimumGroupSize ? merged : null });
    }
    return groups;
  }
}

function emptyFigures(): MonitoringFigures {
  return {
    tandems: 0,
    proposed: 0,
    accepted: 0,
    active: 0,
    closed: 0,
    agreementsUnsigned: 0,
    withoutRecentMeeting: 0,
    meetings: 0,
    meetingsConfirmed: 0,
    openCases: 0,
    checkInAnswers: 0,
    satisfactionSum: 0,
    goalsNot: 0,
    goalsPartly: 0,
    goalsFully: 0,
    meetingsByMonth: [],
  };
}

function addFigures({ meetingsByMonth, ...sum }: MonitoringFigures, { meetingsByMonth: more, ...row }: MonitoringFigures): MonitoringFigures {
  const counts = Object.fromEntries(Object.entries(sum).map(([key, value]) => [key, value + row[key as keyof MonitoringCounts]])) as unknown as MonitoringCounts;
  return { ...counts, meetingsByMonth: addMonths(meetingsByMonth, more) };
}

function addMonths(one: MonthlyMeetings[], other: MonthlyMeetings[]): MonthlyMeetings[] {
  const byMonth = new Map(one.map((month) => [month.month, { ...month }]));
  for (const month of other) {
    const known = byMonth.get(month.month);
    byMonth.set(month.month, known ? { ...known, meetings: known.meetings + month.meetings, confirmed: known.confirmed + month.confirmed } : { ...month });
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
