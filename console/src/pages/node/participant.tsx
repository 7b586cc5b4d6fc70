/**
 * One of the node's participants, as the API lets their home coordinator see
 * them: the profile, enrolments and tandems in the cohorts of the node's
 * programmes (the coordination office's answer), registrations for events
 * at any node, and a link to the audit log's entries about them.
 */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import "./node.css";

const PARTICIPANT = `query NodeParticipant($id: ID!) {
  participant(id: $id) { id displayName email phone organisation role degreeLevel semester languages tracks createdAt disclosure { withheld } }
  programmes { id name participatingNodeIds cohorts { id name enrolments { id participantId role track status } tandems { id status menteeId mentorId } } }
  participantRegistrations(participantId: $id, includeCancelled: true, first: 50) { edges { node { id status attendance event { id title startsAt nodeId } } } }
}`;

interface ParticipantData {
  participant: {
    id: string;
    displayName: string | null;
    email: string | null;
    phone: string | null;
    organisation: string | null;
    role: string | null;
    degreeLevel: string | null;
    semester: number | null;
    languages: string[] | null;
    tracks: string[] | null;
    createdAt: string;
    disclosure: { withheld: string[] };
  } | null;
  programmes: {
    id: string;
    name: string;
    participatingNodeIds: string[];
    cohorts: {
      id: string;
      name: string;
      enrolments: { id: string; participantId: string; role: string; track: string; status: string }[];
      tandems: { id: string; status: string; menteeId: string; mentorId: string }[];
    }[];
  }[];
  participantRegistrations: { edges: { node: { id: string; status: string; attendance: string | null; event: { id: string; title: string; startsAt: string; nodeId: string } } }[] } | null;
}

export default function NodeParticipantPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const node = session.user()!.homeNode;
  const [{ data, error }] = useQuery<ParticipantData>({ query: PARTICIPANT, variables: { id: params.id } });
  const person = data?.participant;
  const name = person?.displayName ?? t("errors.NOT_DISCLOSED");
  useTitle(t("node.participant.title", { name }));
  if (!person) return error ? <ApiErrors error={error} /> : <Loading />;
  const cohorts = (data.programmes ?? [])
    .filter((programme) => programme.participatingNodeIds.includes(node))
    .flatMap((programme) => programme.cohorts.map((cohort) => ({ ...cohort, label: `${programme.name} ${cohort.name}` })));
  const enrolments = cohorts.flatMap((cohort) => cohort.enrolments.filter((each) => each.participantId === person.id).map((each) => ({ cohort: cohort.label, ...each })));
  const tandems = cohorts.flatMap((cohort) => cohort.tandems.filter((each) => each.menteeId === person.id || each.mentorId === person.id).map((each) => ({ cohort: cohort.label, ...each })));
  const registrations = data.participantRegistrations?.edges.map((edge) => edge.node) ?? [];
  const value = (field: keyof typeof person, shown: string | number | null | undefined) =>
    shown ?? (person.disclosure.withheld.includes(field) ? <span className="withheld">{t("errors.NOT_DISCLOSED")}</span> : "–");
  return (
    <section>
      <p>
        <Link href="/node/participants">{t("node.participant.back")}</Link>
      </p>
      <h1>{t("node.participant.title", { name })}</h1>
      <ApiErrors error={error} />
      <h2>{t("node.participant.profile")}</h2>
      <dl data-testid="profile">
        <dt>{t("node.participants.email")}</dt>
        <dd>{value("email", person.email)}</dd>
        <dt>{t("node.participant.phone")}</dt>
        <dd>{value("phone", person.phone)}</dd>
        <dt>{t("node.participant.organisation")}</dt>
        <dd>{value("organisation", person.organisation)}</dd>
        <dt>{t("node.role")}</dt>
        <dd>{person.role ? t(`node.participantRole.${person.role}`) : "–"}</dd>
        <dt>{t("node.participants.degree")}</dt>
        <dd>
          {person.degreeLevel ? t(`node.degree.${person.degreeLevel}`) : "–"}
          {person.semester != null && `, ${person.semester}.`}
        </dd>
        <dt>{t("node.participant.languages")}</dt>
        <dd>{person.languages?.join(", ") || "–"}</dd>
        <dt>{t("node.participant.tracks")}</dt>
        <dd>{person.tracks?.join(", ") || "–"}</dd>
        <dt>{t("node.participants.createdAt")}</dt>
        <dd>{formatDateTime(person.createdAt, i18n.language)}</dd>
      </dl>
      <h2>{t("node.participant.enrolments")}</h2>
      {enrolments.length ? (
        <ul data-testid="enrolments">
          {enrolments.map((each) => (
            <li key={each.id}>{t("node.participant.enrolmentLine", { cohort: each.cohort, role: t(`role.${each.role}`), track: each.track, status: t(`node.enrolmentStatus.${each.status}`) })}</li>
          ))}
        </ul>
      ) : (
        <p>{t("node.participant.noEnrolments")}</p>
      )}
      <h2>{t("node.participant.tandems")}</h2>
      {tandems.length ? (
        <ul>
          {tandems.map((each) => (
            <li key={each.id}>{t("node.participant.tandemLine", { cohort: each.cohort, status: t(`tandemStatus.${each.status}`) })}</li>
          ))}
        </ul>
      ) : (
        <p>{t("node.participant.noTandems")}</p>
      )}
      <h2>{t("node.participant.registrations")}</h2>
      {registrations.length ? (
        <ul data-testid="registrations">
          {registrations.map((each) => (
            <li key={each.id}>
              {t("node.participant.registrationLine", {
                event: each.event.title,
                date: formatDateTime(each.event.startsAt, i18n.language),
                status: each.attendance ? t(`node.attendance.${each.attendance}`) : t(`node.registrationStatus.${each.status}`),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("node.participant.noRegistrations")}</p>
      )}
      <p>
        <Link href={`/node/audit?participant=${encodeURIComponent(person.id)}`}>{t("node.participant.audit")}</Link>
      </p>
    </section>
  );
}
