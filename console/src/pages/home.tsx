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
  programmes { id name cohorts { id name state applicationsCloseAt enrolments { id participantId role status } tandems { id status } } }
}`;

interface HomeData {
  myApplications: { id: string; status: string; role: string; cohortId: string; cohort: { id: string; name: string; programme: { name: string } } | null }[] | null;
  programmes: {
    id: string;
    name: string;
    cohorts: {
      id: string;
      name: string;
      state: string;
      applicationsCloseAt: string | null;
      enrolments: { id: string; participantId: string; role: string; status: string }[];
      tandems: { id: string; status: string }[];
    }[];
  }[];
}

export default function HomePage() {
  const { t, i18n } = useTranslation();
  useTitle(t("home.title"));
  const me = session.user()!.sub;
  const [{ data, fetching, error }] = useQuery<HomeData>({ query: HOME, variables: { me } });
  const applied = new Set((data?.myApplications ?? []).map((application) => application.cohortId));
  const cohorts = (data?.programmes ?? []).flatMap((programme) => programme.cohorts.map((cohort) => ({ label: `${programme.name} ${cohort.name}`, cohort })));
  const enrolments = cohorts.flatMap(({ label, cohort }) =>
    cohort.enrolments.filter((enrolment) => enrolment.participantId === me && enrolment.status !== "WITHDRAWN").map((enrolment) => ({ label, enrolment })),
  );
  const tandems = cohorts.flatMap(({ label, cohort }) => cohort.tandems.map((tandem) => ({ label, tandem })));
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
          <h2>{t("myTandems.title")}</h2>
          {enrolments.length > 0 && (
            <ul>
              {enrolments.map(({ label, enrolment }) => (
                <li key={enrolment.id}>{t("myTandems.enrolledIn", { cohort: label, role: t(`role.${enrolment.role}` as "role.MENTEE") })}</li>
              ))}
            </ul>
          )}
          {tandems.length ? (
            <ul>
              {tandems.map(({ label, tandem }) => (
                <li key={tandem.id}>
                  <Link href={`/tandems/${encodeURIComponent(tandem.id)}`}>{t("myTandems.tandemIn", { cohort: label })}</Link> — {t(`tandemStatus.${tandem.status}` as "tandemStatus.ACTIVE")}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("myTandems.none")}</p>
          )}
          <p>
            <Link href="/proposals">{t("participant.home.proposals")}</Link> · <Link href="/events">{t("participant.home.events")}</Link> ·{" "}
            <Link href="/peer-groups">{t("participant.home.peerGroups")}</Link>
          </p>
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
