/** One of my applications: where it stands, the node's eligibility answer, the decision and its reason. */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useTitle } from "../router.js";
import { formatDateTime } from "../ui/dates.js";
import { ApiErrors, Loading } from "../ui/errors.js";
import { Link } from "../ui/link.js";

const APPLICATION = `query ConsoleApplication($id: ID!) {
  application(id: $id) { id status role submittedAt decisionReason waitlistPosition eligibility { eligible rule message } cohort { id name programme { name } } }
}`;

interface ApplicationData {
  application: {
    id: string;
    status: string;
    role: string;
    submittedAt: string | null;
    decisionReason: string | null;
    waitlistPosition: number | null;
    eligibility: { eligible: boolean; rule: string | null; message: string | null };
    cohort: { id: string; name: string; programme: { name: string } } | null;
  } | null;
}

export default function ApplicationPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }] = useQuery<ApplicationData>({ query: APPLICATION, variables: { id: params.id } });
  const application = data?.application;
  const cohort = application?.cohort ? `${application.cohort.programme.name} ${application.cohort.name}` : "";
  useTitle(t("application.title", { cohort }));
  if (!application) return error ? <ApiErrors error={error} /> : <Loading />;
  const { eligibility } = application;
  return (
    <section>
      <h1>{t("application.title", { cohort })}</h1>
      <ApiErrors error={error} />
      <dl>
        <dt>{t("application.status")}</dt>
        <dd data-testid="application-status">{t(`applicationStatus.${application.status}` as "applicationStatus.DRAFT")}</dd>
        <dt>{t("apply.role")}</dt>
        <dd>{t(`role.${application.role}` as "role.MENTEE")}</dd>
        <dt>{t("application.submittedAt")}</dt>
        <dd>{formatDateTime(application.submittedAt, i18n.language)}</dd>
        <dt>{t("apply.eligibility")}</dt>
        <dd data-testid="eligibility">
          {eligibility.eligible ? t("application.eligible") : t("application.notEligible")}
          {eligibility.message && ` — ${eligibility.message}`}
        </dd>
        {application.decisionReason && (
          <>
            <dt>{t("application.decisionReason")}</dt>
            <dd>{application.decisionReason}</dd>
          </>
        )}
        {application.waitlistPosition != null && (
          <>
            <dt>{t("application.waitlistPosition")}</dt>
            <dd>{application.waitlistPosition}</dd>
          </>
        )}
      </dl>
      <Link href="/">{t("application.back")}</Link>
    </section>
  );
}
