/**
 * Monitoring of a cohort's tandems per node, as the coordination office
 * counts them: charts (Chart.js, loaded with this page) each with its table
 * of figures. A group the API suppresses (fewer tandems, or answers, than the
 * minimum group size) is shown as "fewer than N": no number, no bar.
 */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useTitle } from "../../router.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { useUniversities } from "../../ui/universities.js";
import { useCohortChoice } from "./cohort-picker.js";
import { FiguresSection, type Column, type Group } from "./figures.js";
import { followedNodes, LiveMonitoring } from "./live.js";
import { AttentionSection } from "./attention.js";
import { MeetingsOverTime } from "./meetings-over-time.js";
import "./oversight.css";

export const UNSIGNED_AFTER_DAYS = 14;
export const QUIET_WEEKS = 4;

const MONITORING = `query OversightMonitoring($c: ID!, $days: Int!, $weeks: Int!) {
  tandemMonitoring(cohortId: $c, unsignedAfterDays: $days, quietWeeks: $weeks) {
    minimumGroupSize
    groups {
      nodeIds merged suppressed
      figures { tandems proposed accepted active closed agreementsUnsigned withoutRecentMeeting meetings meetingsConfirmed meetingsByMonth { month meetings confirmed } openCases checkInAnswers satisfactionAverage goalRatings goalsFullyRate goalsPartlyRate goalsNotRate }
    }
  }
}`;

interface MonitoringData {
  tandemMonitoring: { minimumGroupSize: number; groups: Group[] };
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

export default function MonitoringPage() {
  const { t } = useTranslation();
  useTitle(t("oversight.monitoring.title"));
  const { cohort, picker } = useCohortChoice();
  return (
    <section>
      <h1>{t("oversight.monitoring.title")}</h1>
      <p>{t("oversight.monitoring.intro")}</p>
      {picker}
      {cohort && <CohortMonitoring key={cohort.id} cohortId={cohort.id} participatingNodeIds={cohort.participatingNodeIds} />}
    </section>
  );
}

function CohortMonitoring({ cohortId, participatingNodeIds }: { cohortId: string; participatingNodeIds: string[] }) {
  const { t } = useTranslation();
  const universities = useUniversities();
  const [{ data, error, fetching }, refetch] = useQuery<MonitoringData>({ query: MONITORING, variables: { c: cohortId, days: UNSIGNED_AFTER_DAYS, weeks: QUIET_WEEKS } });
  const reread = () => refetch({ requestPolicy: "network-only" });
  const monitoring = data?.tandemMonitoring;
  const minimum = monitoring?.minimumGroupSize ?? 0;
  const nameOf = (group: Group) => group.nodeIds.map((id) => universities.get(id) ?? id).join(" + ");
  const states: Column[] = (["proposed", "accepted", "active", "closed"] as const).map((key) => ({ label: t(`oversight.monitoring.${key}`), value: (figures) => figures[key] }));
  const attention: Column[] = [
    { label: t("oversight.monitoring.agreementsUnsigned", { days: UNSIGNED_AFTER_DAYS }), value: (figures) => figures.agreementsUnsigned },
    { label: t("oversight.monitoring.withoutRecentMeeting", { weeks: QUIET_WEEKS }), value: (figures) => figures.withoutRecentMeeting },
    { label: t("oversight.monitoring.openCases"), value: (figures) => figures.openCases },
  ];
  const meetings: Column[] = [
    { label: t("oversight.monitoring.meetings"), value: (figures) => figures.meetings },
    { label: t("oversight.monitoring.meetingsConfirmed"), value: (figures) => figures.meetingsConfirmed },
  ];
  const checkIns: Column[] = [{ label: t("oversight.monitoring.satisfactionAverage"), value: (figures) => figures.satisfactionAverage, answers: (figures) => figures.checkInAnswers }];
  const goals: Column[] = (
    [
      ["goalsFully", "goalsFullyRate"],
      ["goalsPartly", "goalsPartlyRate"],
      ["goalsNot", "goalsNotRate"],
    ] as const
  ).map(([label, key]) => ({ label: t(`oversight.monitoring.${label}`), value: (figures) => percent(figures[key]), answers: (figures) => figures.goalRatings, unit: "%" }));
  return (
    <>
      <LiveMonitoring cohortId={cohortId} nodeIds={followedNodes(participatingNodeIds)} onChange={reread} />
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {monitoring && (
        <>
          <p className="notice">{t("oversight.monitoring.minimum", { count: minimum })}</p>
          {monitoring.groups.length === 0 && <p>{t("oversight.monitoring.noTandems")}</p>}
          {monitoring.groups.length > 0 && (
            <>
              <FiguresSection id="states" title={t("oversight.monitoring.byState")} groups={monitoring.groups} columns={states} minimum={minimum} nameOf={nameOf} withTotal />
              <FiguresSection id="attention" title={t("oversight.monitoring.needingALook")} groups={monitoring.groups} columns={attention} minimum={minimum} nameOf={nameOf} />
              <FiguresSection id="meetings" title={t("oversight.monitoring.meetingsTitle")} groups={monitoring.groups} columns={meetings} minimum={minimum} nameOf={nameOf} />
              <MeetingsOverTime groups={monitoring.groups} minimum={minimum} nameOf={nameOf} />
              <FiguresSection id="check-ins" title={t("oversight.monitoring.checkIns")} groups={monitoring.groups} columns={checkIns} minimum={minimum} nameOf={nameOf} max={5} />
              <FiguresSection id="goals" title={t("oversight.monitoring.goals")} groups={monitoring.groups} columns={goals} minimum={minimum} nameOf={nameOf} max={100} />
            </>
          )}
        </>
      )}
      <AttentionSection cohortId={cohortId} />
    </>
  );
}
