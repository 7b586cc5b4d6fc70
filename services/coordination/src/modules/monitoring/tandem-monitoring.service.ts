import type { DataSource } from "typeorm";
import { AppError, ErrorCode } from "@tandem/shared";
import { repositoryOf } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { Visibility } from "../access/access.rules.js";
import { CohortEntity } from "../cohort/cohort.entity.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";

/** Tandems are counted under their mentee's home node. */
export interface MonitoringFigures {
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
    const rows: (MonitoringFigures & { node: string })[] = await repositoryOf(this.dataSource, CohortEntity).query(FIGURES_SQL, [
      localId,
      visibility.all,
      [...visibility.nodes],
      thresholds.unsignedAfterDays,
      thresholds.quietWeeks,
    ]);
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
  };
}

function addFigures(sum: MonitoringFigures, row: MonitoringFigures): MonitoringFigures {
  return Object.fromEntries(Object.entries(sum).map(([key, value]) => [key, value + row[key as keyof MonitoringFigures]])) as unknown as MonitoringFigures;
}
