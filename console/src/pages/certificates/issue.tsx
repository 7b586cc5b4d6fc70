/**
 * For a node's coordinators: a participant's completion rules in a cohort,
 * issuing their certificate once every rule holds (COMPLETION_OPEN shows the
 * open rules in the user's language), and revoking one with a reason.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { PersonCertificates } from "./person-certificates.js";
import "./certificates.css";

const COHORTS = `query ConsoleCertificateCohorts { programmes { id name cohorts { id name state } } }`;
const ENROLMENTS = `query ConsoleCertificateEnrolments($c: ID!) {
  enrolments(cohortId: $c, first: 100) { edges { node { id participantId role participant { id displayName } } } }
}`;

interface CohortsData {
  programmes: { id: string; name: string; cohorts: { id: string; name: string; state: string }[] }[];
}
interface EnrolmentsData {
  enrolments: { edges: { node: { id: string; participantId: string; role: string; participant: { id: string; displayName: string | null } | null } }[] };
}

export default function IssueCertificatesPage() {
  const { t } = useTranslation();
  useTitle(t("certificates.issue.title"));
  const node = session.user()!.homeNode;
  const [cohortId, setCohortId] = useState("");
  const [participantId, setParticipantId] = useState("");
  const [{ data, error, fetching }] = useQuery<CohortsData>({ query: COHORTS });
  const cohorts = (data?.programmes ?? []).flatMap((programme) => programme.cohorts.map((cohort) => ({ id: cohort.id, label: `${programme.name} ${cohort.name}` })));
  useEffect(() => setParticipantId(""), [cohortId]);
  return (
    <section>
      <h1>{t("certificates.issue.title")}</h1>
      <p>{t("certificates.issue.intro")}</p>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <label htmlFor="certificate-cohort">{t("certificates.issue.cohort")}</label>
          <select id="certificate-cohort" value={cohortId} onChange={(event) => setCohortId(event.target.value)}>
            <option value="">{t("certificates.issue.chooseCohort")}</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.label}
              </option>
            ))}
          </select>
        </>
      )}
      {cohortId && <ParticipantChoice cohortId={cohortId} node={node} participantId={participantId} onChoose={setParticipantId} />}
      {cohortId && participantId && <PersonCertificates key={`${cohortId}|${participantId}`} cohortId={cohortId} participantId={participantId} node={node} />}
      <p>
        <Link href="/verify">{t("certificates.mine.verifyOther")}</Link>
      </p>
    </section>
  );
}

function ParticipantChoice({ cohortId, node, participantId, onChoose }: { cohortId: string; node: string; participantId: string; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery<EnrolmentsData>({ query: ENROLMENTS, variables: { c: cohortId } });
  const people = (data?.enrolments.edges ?? []).map((edge) => edge.node).filter((enrolment) => enrolment.participantId.startsWith(`${node}:`));
  if (fetching && !data) return <Loading />;
  return (
    <>
      <ApiErrors error={error} />
      {people.length ? (
        <>
          <label htmlFor="certificate-participant">{t("certificates.issue.participant")}</label>
          <select id="certificate-participant" value={participantId} onChange={(event) => onChoose(event.target.value)}>
            <option value="">{t("certificates.issue.chooseParticipant")}</option>
            {people.map((enrolment) => (
              <option key={enrolment.id} value={enrolment.participantId}>
                {enrolment.participant?.displayName ?? enrolment.participantId} ({t(`role.${enrolment.role}`)})
              </option>
            ))}
          </select>
        </>
      ) : (
        data && <p>{t("certificates.issue.noParticipants")}</p>
      )}
    </>
  );
}
