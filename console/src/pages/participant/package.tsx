/** My package in a cohort, at my home node: what is mandatory for me, what I chose, attended, what is still open (live). */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useRefetchOn } from "./live.js";
import type { MyCohort } from "./my-cohorts.js";

const PACKAGE = `query ConsoleProgrammePackage($cohortId: ID!, $me: ID!) {
  programmePackage(cohortId: $cohortId, participantId: $me) {
    role mandatory chosen attended open complete
    items { eventId kind title startsAt cancelled mandatory registered attendance open }
  }
}`;
const LIVE = `subscription ConsolePackageLive($applicationId: ID!) { programmePackageUpdated(applicationId: $applicationId) { cursor change } }`;

interface PackageData {
  programmePackage: {
    role: string;
    mandatory: number;
    chosen: number;
    attended: number;
    open: number;
    complete: boolean;
    items: { eventId: string; kind: string; title: string; startsAt: string; cancelled: boolean; mandatory: boolean; registered: boolean; attendance: string | null; open: boolean }[];
  } | null;
}

export function PackageSection({ cohort, me }: { cohort: MyCohort; me: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery<PackageData>({ query: PACKAGE, variables: { cohortId: cohort.cohortId, me } });
  useRefetchOn(LIVE, { applicationId: cohort.applicationId }, () => refetch({ requestPolicy: "network-only" }));
  const found = data?.programmePackage;
  const headingId = `package-${cohort.applicationId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t("participant.package.title", { cohort: cohort.label })}</h2>
      <ApiErrors error={error} />
      {!data && !error && <Loading />}
      {found && (
        <>
          <p data-testid="package-summary">
            {t("participant.package.summary", { mandatory: found.mandatory, chosen: found.chosen, attended: found.attended, open: found.open })}{" "}
            <strong>{found.complete ? t("participant.package.complete") : t("participant.package.incomplete")}</strong>
          </p>
          {found.items.length ? (
            <ul data-testid="package">
              {found.items.map((item) => (
                <li key={item.eventId}>
                  <Link href={`/events/${encodeURIComponent(item.eventId)}`}>{item.title}</Link> — {formatDateTime(item.startsAt, i18n.language)}:{" "}
                  {[
                    item.mandatory ? t("participant.package.mandatory") : t("participant.package.voluntary"),
                    item.registered ? t("participant.package.registered") : t("participant.package.notRegistered"),
                    item.attendance ? t(`participant.attendance.${item.attendance}`) : null,
                    item.cancelled ? t("participant.package.cancelled") : null,
                    item.open ? t("participant.package.open") : null,
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("participant.package.empty")}</p>
          )}
        </>
      )}
    </section>
  );
}
