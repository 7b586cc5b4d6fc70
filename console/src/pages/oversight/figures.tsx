/**
 * One monitoring figure set: a chart of the groups the API reports and, as
 * its text equivalent, a table of every group. A suppressed group (or a
 * figure with too few answers behind it) reads "fewer than N" and has no bar.
 */
import { useTranslation } from "react-i18next";
import { Chart } from "../../ui/chart.js";

/** Meetings held in one month (`YYYY-MM`) by a group's tandems. */
export interface MonthlyMeetings {
  month: string;
  meetings: number;
  confirmed: number;
}

export interface Figures {
  tandems: number;
  proposed: number;
  accepted: number;
  active: number;
  closed: number;
  agreementsUnsigned: number;
  withoutRecentMeeting: number;
  meetings: number;
  meetingsConfirmed: number;
  meetingsByMonth: MonthlyMeetings[];
  openCases: number;
  checkInAnswers: number;
  satisfactionAverage: number | null;
  goalRatings: number;
  goalsFullyRate: number | null;
  goalsPartlyRate: number | null;
  goalsNotRate: number | null;
}

export interface Group {
  nodeIds: string[];
  merged: boolean;
  suppressed: boolean;
  figures: Figures | null;
}

export interface Column {
  label: string;
  /** null: the API withheld it (too few answers behind it). */
  value: (figures: Figures) => number | null;
  /** How many answers stand behind the figure, when it is an average or a rate. */
  answers?: (figures: Figures) => number;
  unit?: string;
}

interface Props {
  id: string;
  title: string;
  groups: Group[];
  columns: Column[];
  minimum: number;
  nameOf: (group: Group) => string;
  /** Also a column with the group's number of tandems. */
  withTotal?: boolean;
  max?: number;
}

export function FiguresSection({ id, title, groups, columns, minimum, nameOf, withTotal, max }: Props) {
  const { t, i18n } = useTranslation();
  const format = (value: number, unit = "") => `${new Intl.NumberFormat(i18n.language).format(value)}${unit ? `\u00a0${unit}` : ""}`;
  const charted = groups.filter((group) => group.figures && columns.every((column) => column.value(group.figures!) !== null));
  const span = columns.length + (withTotal ? 1 : 0);
  return (
    <section aria-labelledby={`figures-${id}`} className="oversight-figures">
      <h2 id={`figures-${id}`}>{title}</h2>
      {charted.length > 0 ? (
        <Chart
          type="bar"
          className="oversight-chart"
          label={t("oversight.monitoring.chartLabel", { title })}
          categories={charted.map(nameOf)}
          series={columns.map((column) => ({ label: column.label, values: charted.map((group) => column.value(group.figures!)!) }))}
          max={max}
        />
      ) : (
        <p>{t("oversight.monitoring.nothingToChart")}</p>
      )}
      <table className="oversight-table" data-testid={`figures-${id}`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("oversight.monitoring.group")}</th>
            {withTotal && <th scope="col">{t("oversight.monitoring.tandems")}</th>}
            {columns.map((column) => (
              <th scope="col" key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.nodeIds.join("+")} data-testid={`figures-${id}-${group.nodeIds.join("+")}`}>
              <th scope="row">
                {nameOf(group)}
                {group.merged && ` (${t("oversight.monitoring.merged")})`}
              </th>
              {group.figures ? (
                <>
                  {withTotal && <td>{format(group.figures.tandems)}</td>}
                  {columns.map((column) => {
                    const value = column.value(group.figures!);
                    return <td key={column.label}>{value === null ? t("oversight.monitoring.fewerAnswers", { count: minimum }) : format(value, column.unit)}</td>;
                  })}
                </>
              ) : (
                <td colSpan={span} className="oversight-suppressed">
                  {t("oversight.monitoring.fewerTandems", { count: minimum })}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
