/** One cohort at the office: its state and the step to the next one, its places, its application pipeline (live), and its matching. */
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useUniversities } from "../../ui/universities.js";
import { nextState } from "./labels.js";
import { Pipeline } from "./pipeline.js";
import "./office.css";

const COHORT = `query OfficeCohort($id: ID!) {
  cohort(id: $id) {
    id name state startsOn endsOn applicationsOpenAt applicationsCloseAt revision
    programme { id name }
    quotas { nodeId mentees mentors enrolledMentees enrolledMentors }
  }
}`;
const ADVANCE = `mutation OfficeAdvanceCohort($id: ID!, $to: CohortState!) { advanceCohort(id: $id, to: $to) { id state revision } }`;

export interface OfficeCohortData {
  cohort: {
    id: string;
    name: string;
    state: string;
    startsOn: string;
    endsOn: string;
    applicationsOpenAt: string | null;
    applicationsCloseAt: string | null;
    programme: { id: string; name: string };
    quotas: { nodeId: string; mentees: number; mentors: number; enrolledMentees: number; enrolledMentors: number }[];
  } | null;
}

export default function CohortPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const universities = useUniversities();
  const [{ data, error }, refetch] = useQuery<OfficeCohortData>({ query: COHORT, variables: { id: params.id } });
  const [advanced, advance] = useMutation(ADVANCE);
  const cohort = data?.cohort;
  const title = cohort ? `${cohort.programme.name} ${cohort.name}` : "";
  useTitle(t("office.cohort.title", { cohort: title }));
  if (!cohort) return error ? <ApiErrors error={error} /> : data ? <p>{t("office.cohort.notFound")}</p> : <Loading />;
  const next = nextState(cohort.state);
  const moveOn = async () => {
    const result = await advance({ id: cohort.id, to: next });
    if (!result.error) refetch({ requestPolicy: "network-only" });
  };
  return (
    <section className="office">
      <p>
        <Link href="/office/programmes">{t("office.backToProgrammes")}</Link>
      </p>
      <h1>{t("office.cohort.title", { cohort: title })}</h1>
      <ApiErrors error={error} />
      <dl>
        <dt>{t("office.cohort.state")}</dt>
        <dd data-testid="cohort-state">{t(`office.cohortState.${cohort.state}` as "office.cohortState.DRAFT")}</dd>
        <dt>{t("office.cohort.runs")}</dt>
        <dd>
          {cohort.startsOn} – {cohort.endsOn}
        </dd>
        <dt>{t("office.cohort.window")}</dt>
        <dd>
          {cohort.applicationsOpenAt ? `${formatDateTime(cohort.applicationsOpenAt, i18n.language)} – ${formatDateTime(cohort.applicationsCloseAt, i18n.language)}` : t("office.cohort.noWindow")}
        </dd>
      </dl>
      <ApiErrors error={advanced.error} />
      {next && (
        <button type="button" onClick={() => void moveOn()} disabled={advanced.fetching}>
          {t("office.cohort.advance", { state: t(`office.cohortState.${next}` as "office.cohortState.DRAFT") })}
        </button>
      )}
      <p>
        <Link href={`/office/cohorts/${encodeURIComponent(cohort.id)}/matching`}>{t("office.cohort.matching")}</Link>
      </p>
      <h2>{t("office.cohort.places")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("office.node")}</th>
            <th scope="col">{t("office.cohort.menteePlaces")}</th>
            <th scope="col">{t("office.cohort.mentorPlaces")}</th>
          </tr>
        </thead>
        <tbody>
          {cohort.quotas.map((quota) => (
            <tr key={quota.nodeId}>
              <th scope="row">{universities.get(quota.nodeId) ?? quota.nodeId}</th>
              <td>{t("office.cohort.taken", { taken: quota.enrolledMentees, places: quota.mentees })}</td>
              <td>{t("office.cohort.taken", { taken: quota.enrolledMentors, places: quota.mentors })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pipeline cohortId={cohort.id} />
    </section>
  );
}
