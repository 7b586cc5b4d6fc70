/** "My programmes": my applications, and the cohorts I may apply to. */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { session } from "../auth/session.js";
import { useTitle } from "../router.js";
import { formatDateTime } from "../ui/dates.js";
import { ApiErrors, Loading } from "../ui/errors.js";
import { Link } from "../ui/link.js";

const HOME = `query ConsoleHome($me: ID!) {
  myApplications(participantId: $me) { id status role cohortId cohort { id name programme { name } } }
  programmes { id name cohorts { id name state applicationsCloseAt } }
}`;

interface HomeData {
  myApplications: { id: string; status: string; role: string; cohortId: string; cohort: { id: string; name: string; programme: { name: string } } | null }[] | null;
  programmes: { id: string; name: string; cohorts: { id: string; name: string; state: string; applicationsCloseAt: string | null }[] }[];
}

export default function HomePage() {
  const { t, i18n } = useTranslation();
  useTitle(t("home.title"));
  const me = session.user()!.sub;
  const [{ data, fetching, error }] = useQuery<HomeData>({ query: HOME, variables: { me } });
  const applied = new Set((data?.myApplications ?? []).map((application) => application.cohortId));
  const open = (data?.programmes ?? []).flatMap((programme) =>
    programme.cohorts.filter((cohort) => cohort.state === "APPLICATIONS_OPEN" && !applied.has(cohort.id)).map((cohort) => ({ programme, cohort })),
  );
  return (
    <section>
      <h1>{t("home.title")}</h1>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <h2>{t("home.applications")}</h2>
          {data.myApplications?.length ? (
            <ul>
              {data.myApplications.map((application) => (
                <li key={application.id}>
                  <Link href={`/applications/${encodeURIComponent(application.id)}`}>
                    {t("home.viewApplication", { cohort: `${application.cohort?.programme.name ?? ""} ${application.cohort?.name ?? application.cohortId}`.trim() })}
                  </Link>{" "}
                  — {t(`role.${application.role}` as "role.MENTEE")}, {t(`applicationStatus.${application.status}` as "applicationStatus.DRAFT")}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("home.noApplications")}</p>
          )}
          <h2>{t("home.openCohorts")}</h2>
          {open.length ? (
            <ul>
              {open.map(({ programme, cohort }) => (
                <li key={cohort.id}>
                  <Link href={`/cohorts/${encodeURIComponent(cohort.id)}/apply`}>{t("home.apply", { cohort: `${programme.name} ${cohort.name}` })}</Link> (
                  {t("home.closesAt", { date: formatDateTime(cohort.applicationsCloseAt, i18n.language) })})
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("home.noOpenCohorts")}</p>
          )}
        </>
      )}
    </section>
  );
}
