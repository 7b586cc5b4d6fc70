import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import type { MonitoringFigures, MonitoringGroup } from "./tandem-monitoring.service.js";

@ObjectType({ description: "Meetings held in one month by a group's tandems, as the mentees' home nodes last reported them: counts only." })
export class MonthlyMeetingsType {
  @Field(() => String, { description: "`YYYY-MM`." })
  month: string;

  @Field(() => Int)
  meetings: number;

  @Field(() => Int, { description: "Of `meetings`, those the mentor confirmed or added." })
  confirmed: number;
}

@ObjectType({ description: "Tandems of one group in figures. Averages and rates are null when fewer answers than the minimum group size stand behind them." })
export class MonitoringFiguresType {
  @Field(() => Int)
  tandems: number;

  @Field(() => Int)
  proposed: number;

  @Field(() => Int)
  accepted: number;

  @Field(() => Int)
  active: number;

  @Field(() => Int)
  closed: number;

  @Field(() => Int, { description: "Accepted tandems whose agreement is still unsigned more than `unsignedAfterDays` after both accepted." })
  agreementsUnsigned: number;

  @Field(() => Int, { description: "Active tandems without a logged meeting (or start) in the last `quietWeeks` weeks." })
  withoutRecentMeeting: number;

  @Field(() => Int, { description: "Meetings logged by the group's tandems, as the mentees' home nodes last reported them (counts only: dates and topics stay there)." })
  meetings: number;

  @Field(() => Int, { description: "Of `meetings`, those the mentor confirmed or added." })
  meetingsConfirmed: number;

  @Field(() => [MonthlyMeetingsType], {
    description:
      "Meetings over time: per month in which the group's tandems met (ascending), meetings logged and confirmed, summed over the group's tandems. Reported, like every figure, only for a group of at least the minimum group size.",
  })
  meetingsByMonth: MonthlyMeetingsType[];

  @Field(() => Int, { description: "Open mediation cases." })
  openCases: number;

  @Field(() => Int)
  checkInAnswers: number;

  @Field(() => Float, { nullable: true, description: "Mean satisfaction (1–5) of the check-in answers, 2 decimals." })
  satisfactionAverage: number | null;

  @Field(() => Int)
  goalRatings: number;

  @Field(() => Float, { nullable: true, description: "Share of goal ratings FULLY achieved (0..1, 2 decimals)." })
  goalsFullyRate: number | null;

  @Field(() => Float, { nullable: true, description: "Share of goal ratings PARTLY achieved." })
  goalsPartlyRate: number | null;

  @Field(() => Float, { nullable: true, description: "Share of goal ratings NOT achieved." })
  goalsNotRate: number | null;

  static of(figures: MonitoringFigures, minimum: number): MonitoringFiguresType {
    const { checkInAnswers, satisfactionSum, goalsNot, goalsPartly, goalsFully, meetingsByMonth, ...counts } = figures;
    const ratings = goalsNot + goalsPartly + goalsFully;
    const share = (part: number) => (ratings >= minimum ? round(part / ratings) : null);
    return Object.assign(new MonitoringFiguresType(), {
      ...counts,
      meetingsByMonth: meetingsByMonth.map((month) => Object.assign(new MonthlyMeetingsType(), month)),
      checkInAnswers,
      satisfactionAverage: checkInAnswers >= minimum ? round(satisfactionSum / checkInAnswers) : null,
      goalRatings: ratings,
      goalsFullyRate: share(goalsFully),
      goalsPartlyRate: share(goalsPartly),
      goalsNotRate: share(goalsNot),
    });
  }
}

@ObjectType({ description: "One node's tandems (by the mentee's home node), or several small nodes merged." })
export class MonitoringGroupType {
  @Field(() => [String])
  nodeIds: string[];

  @Field(() => Boolean, { description: "Several nodes, each alone smaller than the minimum group size, counted together." })
  merged: boolean;

  @Field(() => Boolean, { description: "Fewer tandems than the minimum group size, even merged: no figure is reported." })
  suppressed: boolean;

  @Field(() => MonitoringFiguresType, { nullable: true })
  figures: MonitoringFiguresType | null;

  static of(group: MonitoringGroup, minimum: number): MonitoringGroupType {
    return Object.assign(new MonitoringGroupType(), {
      nodeIds: group.nodeIds,
      merged: group.merged,
      suppressed: group.figures === null,
      figures: group.figures ? MonitoringFiguresType.of(group.figures, minimum) : null,
    });
  }
}

@ObjectType({ description: "A cohort's programme monitoring: its tandems in figures per node, no group smaller than the minimum reported." })
export class TandemMonitoring {
  @Field(() => ID)
  cohortId: string;

  @Field(() => Int, { description: "Groups (and the answers behind an average or a rate) smaller than this are merged or suppressed (MIN_GROUP_SIZE)." })
  minimumGroupSize: number;

  @Field(() => [MonitoringGroupType], { description: "Every node for joint coordinators; their own node for node coordinators. No total: a suppressed group cannot be worked out by subtraction." })
  groups: MonitoringGroupType[];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
