/**
 * Meetings over time: per month, meetings logged and confirmed by each
 * reported group's tandems, as a line chart (Chart.js) and, as its text
 * equivalent, a table with a row per group and month. A group the API
 * suppresses reads "fewer than N tandems" as in the other tables: no months,
 * no line.
 */
import { useTranslation } from "react-i18next";
import { Chart, type ChartSeries } from "../../ui/chart.js";
import type { Group, MonthlyMeetings } from "./figures.js";

interface Props {
  groups: Group[];
  minimum: number;
  nameOf: (group: Group) => string;
}

/** Every month from the first to the last in which a reported group met (`YYYY-MM`), gaps included. */
export function monthAxis(groups: Group[]): string[] {
  const months = groups.flatMap((group) => group.figures?.meetingsByMonth.map((each) => each.month) ?? []).sort();
  if (months.length === 0) return [];
  const axis = [months[0]!];
  while (axis.at(-1)! < months.at(-1)!) axis.push(nextMonth(axis.at(-1)!));
  return axis;
}

function nextMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
}

const inMonth = (months: MonthlyMeetings[], month: string) => months.find((each) => each.month === month) ?? { month, meetings: 0, confirmed: 0 };

export function MeetingsOverTime({ groups, minimum, nameOf }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: "long", year: "numeric", timeZone: "UTC" });
  const labelOf = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  const axis = monthAxis(groups);
  const reported = groups.filter((group) => group.figures);
  const title = t("oversight.monitoring.overTime");
  const series: ChartSeries[] = reported.flatMap((group) => {
    const months = axis.map((month) => inMonth(group.figures!.meetingsByMonth, month));
    return [
      { label: t("oversight.monitoring.seriesOf", { group: nameOf(group), series: t("oversight.monitoring.meetings") }), values: months.map((each) => each.meetings) },
      { label: t("oversight.monitoring.seriesOf", { group: nameOf(group), series: t("oversight.monitoring.meetingsConfirmed") }), values: months.map((each) => each.confirmed), dashed: true },
    ];
  });
  return (
    <section aria-labelledby="figures-months" className="oversight-figures">
      <h2 id="figures-months">{title}</h2>
      {reported.length === 0 && <p>{t("oversight.monitoring.nothingToChart")}</p>}
      {reported.length > 0 && axis.length === 0 && <p>{t("oversight.monitoring.noMeetingsYet")}</p>}
      {reported.length > 0 && axis.length > 0 && (
        <Chart type="line" className="oversight-chart" label={t("oversight.monitoring.chartLabel", { title })} categories={axis.map(labelOf)} series={series} />
      )}
      <table className="oversight-table" data-testid="figures-months">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("oversight.monitoring.group")}</th>
            <th scope="col">{t("oversight.monitoring.month")}</th>
            <th scope="col">{t("oversight.monitoring.meetings")}</th>
            <th scope="col">{t("oversight.monitoring.meetingsConfirmed")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const ids = group.nodeIds.join("+");
            const name = (
              <th scope="row">
                {nameOf(group)}
                {group.merged && ` (${t("oversight.monitoring.merged")})`}
              </th>
            );
            if (!group.figures || axis.length === 0)
              return (
                <tr key={ids} data-testid={`figures-months-${ids}`}>
                  {name}
                  <td colSpan={3} className="oversight-suppressed">
                    {group.figures ? t("oversight.monitoring.noMeetingsYet") : t("oversight.monitoring.fewerTandems", { count: minimum })}
                  </td>
                </tr>
              );
            return axis.map((month) => {
              const counted = inMonth(group.figures!.meetingsByMonth, month);
              return (
                <tr key={`${ids}-${month}`} data-testid={`figures-months-${ids}-${month}`}>
                  {name}
                  <td>{labelOf(month)}</td>
                  <td>{number.format(counted.meetings)}</td>
                  <td>{number.format(counted.confirmed)}</td>
                </tr>
              );
            });
          })}
        </tbody>
      </table>
    </section>
  );
}
