/**
 * An event the node hosts: its registrations and waitlist, updated live as
 * people register or cancel (`eventRegistrations`) and as attendance is
 * recorded or checked in (`eventAttendance`); recording attendance; the
 * check-in code to show at the event.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useSubscription } from "urql";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { PersonName } from "./cohorts.js";
import "./node.css";

const EVENT = `query NodeEvent($id: ID!) {
  event(id: $id) {
    id nodeId title kind format startsAt endsAt timeZone location onlineUrl capacity status cancellationReason confirmedCount waitlistCount seatsLeft
    registrations(status: [CONFIRMED, WAITLISTED, CANCELLED]) {
      id participantId status registeredAt waitlistPosition cancelledAt attendance attendanceSource attendanceRecordedAt
      participant { id nodeId displayName disclosure { withheld } }
    }
  }
}`;
const REGISTRATIONS_LIVE = `subscription NodeEventRegistrationsLive($id: ID!) { eventRegistrations(eventId: $id) { cursor change } }`;
const ATTENDANCE_LIVE = `subscription NodeEventAttendanceLive($id: ID!) { eventAttendance(eventId: $id) { cursor change } }`;
const RECORD = `mutation NodeRecordAttendance($id: ID!, $attendance: AttendanceStatus!) { recordAttendance(registrationId: $id, attendance: $attendance) { id attendance attendanceSource attendanceRecordedAt } }`;
const CHECK_IN_CODE = `mutation NodeCheckInCode($id: ID!, $rotate: Boolean!) { issueCheckInCode(eventId: $id, rotate: $rotate) }`;

const ATTENDANCE = ["ATTENDED", "EXCUSED", "NO_SHOW"] as const;

interface RegistrationRow {
  id: string;
  participantId: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  registeredAt: string;
  waitlistPosition: number | null;
  cancelledAt: string | null;
  attendance: string | null;
  attendanceSource: string | null;
  attendanceRecordedAt: string | null;
  participant: { id: string; nodeId: string; displayName: string | null; disclosure: { withheld: string[] } } | null;
}

interface EventData {
  event: {
    id: string;
    nodeId: string;
    title: string;
    kind: string;
    format: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    location: string | null;
    onlineUrl: string | null;
    capacity: number;
    status: string;
    cancellationReason: string | null;
    confirmedCount: number;
    waitlistCount: number;
    seatsLeft: number;
    registrations: RegistrationRow[];
  } | null;
}

export default function NodeEventPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery<EventData>({ query: EVENT, variables: { id: params.id } });
  const again = () => refetch({ requestPolicy: "network-only" });
  const [registrations] = useSubscription<{ eventRegistrations: { cursor: string } }>({ query: REGISTRATIONS_LIVE, variables: { id: params.id } });
  const [attendance] = useSubscription<{ eventAttendance: { cursor: string } }>({ query: ATTENDANCE_LIVE, variables: { id: params.id } });
  useEffect(() => {
    if (registrations.data || attendance.data) again();
  }, [registrations.data, attendance.data]);
  const event = data?.event;
  useTitle(event?.title ?? t("node.events.title"));
  const started = useStarted(event?.startsAt);
  if (!event) return error ? <ApiErrors error={error} /> : <Loading />;
  const confirmed = event.registrations.filter((each) => each.status === "CONFIRMED");
  const waiting = event.registrations.filter((each) => each.status === "WAITLISTED").sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const cancelled = event.registrations.filter((each) => each.status === "CANCELLED");
  return (
    <section>
      <p>
        <Link href="/node/events">{t("node.event.back")}</Link>
      </p>
      <h1>{event.title}</h1>
      <ApiErrors error={error} />
      <dl>
        <dt>{t("node.event.kind")}</dt>
        <dd>
          {t(`eventKind.${event.kind}`)}, {t(`eventFormat.${event.format}`)}
        </dd>
        <dt>{t("node.event.startsAt")}</dt>
        <dd>{formatDateTime(event.startsAt, i18n.language)}</dd>
        <dt>{t("node.event.endsAt")}</dt>
        <dd>{formatDateTime(event.endsAt, i18n.language)}</dd>
        <dt>{t("node.event.place")}</dt>
        <dd>{[event.location, event.onlineUrl].filter(Boolean).join(" · ") || "–"}</dd>
        <dt>{t("node.event.status")}</dt>
        <dd>
          {t(`node.eventStatus.${event.status}`)}
          {event.cancellationReason && ` — ${event.cancellationReason}`}
        </dd>
        <dt>{t("node.event.seats")}</dt>
        <dd data-testid="event-counts">{t("node.event.counts", { confirmed: event.confirmedCount, capacity: event.capacity, waiting: event.waitlistCount, left: event.seatsLeft })}</dd>
      </dl>
      {event.status !== "CANCELLED" && <CheckInCode eventId={event.id} />}
      <h2 id="node-registrations">{t("node.event.registrations")}</h2>
      {!started && <p className="notice">{t("node.event.notStarted")}</p>}
      {confirmed.length ? <ConfirmedTable rows={confirmed} onRecorded={again} /> : <p>{t("node.event.noRegistrations")}</p>}
      <h2 id="node-waitlist">{t("node.event.waitlistTitle")}</h2>
      {waiting.length ? (
        <ol data-testid="waitlist">
          {waiting.map((each) => (
            <li key={each.id}>
              <PersonName person={each.participant} /> — {t("node.event.registeredAt", { date: formatDateTime(each.registeredAt, i18n.language) })}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("node.event.noWaitlist")}</p>
      )}
      {cancelled.length > 0 && (
        <>
          <h2>{t("node.event.cancelledTitle")}</h2>
          <ul>
            {cancelled.map((each) => (
              <li key={each.id}>
                <PersonName person={each.participant} /> — {t("node.event.cancelledAt", { date: formatDateTime(each.cancelledAt, i18n.language) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Whether the event has started, turning true a second after its start (attendance is taken from then on; the node's clock decides, this one may differ a little). */
function useStarted(startsAt: string | undefined): boolean {
  const [now, setNow] = useState(Date.now);
  const at = startsAt ? new Date(startsAt).getTime() : Number.POSITIVE_INFINITY;
  useEffect(() => {
    if (at + 1_000 <= now || !Number.isFinite(at) || at - now > 86_400_000) return;
    const timer = setTimeout(() => setNow(Date.now()), at - now + 1_000);
    return () => clearTimeout(timer);
  }, [at, now]);
  return at + 1_000 <= now;
}

function ConfirmedTable({ rows, onRecorded }: { rows: RegistrationRow[]; onRecorded: () => void }) {
  const { t, i18n } = useTranslation();
  const [recorded, record] = useMutation(RECORD);
  return (
    <>
      <ApiErrors error={recorded.error} />
      <table className="node-table" data-testid="registrations" aria-labelledby="node-registrations">
        <thead>
          <tr>
            <th scope="col">{t("node.event.person")}</th>
            <th scope="col">{t("node.event.registeredAtColumn")}</th>
            <th scope="col">{t("node.event.attendance")}</th>
            <th scope="col">{t("node.event.recordColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <AttendanceRow
              key={row.id}
              row={row}
              index={index}
              busy={recorded.fetching}
              onRecord={async (attendance) => !(await record({ id: row.id, attendance })).error && onRecorded()}
              language={i18n.language}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

function AttendanceRow({ row, index, busy, onRecord, language }: { row: RegistrationRow; index: number; busy: boolean; onRecord: (attendance: string) => Promise<unknown>; language: string }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<string>(row.attendance ?? "ATTENDED");
  const who = row.participant?.displayName ?? t("node.event.registrant", { number: index + 1 });
  const selectId = `attendance-${index}`;
  return (
    <tr>
      <td>
        <PersonName person={row.participant} />
      </td>
      <td>{formatDateTime(row.registeredAt, language)}</td>
      <td data-testid="attendance">
        {row.attendance
          ? t("node.event.recorded", { attendance: t(`node.attendance.${row.attendance}`), source: t(`node.attendanceSource.${row.attendanceSource ?? "HOST"}`) })
          : t("node.event.notRecorded")}
      </td>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          {t("node.event.attendanceOf", { name: who })}
        </label>
        <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
          {ATTENDANCE.map((each) => (
            <option key={each} value={each}>
              {t(`node.attendance.${each}`)}
            </option>
          ))}
        </select>{" "}
        <button type="button" disabled={busy} onClick={() => void onRecord(choice)}>
          {t("node.event.record")}
          <span className="visually-hidden"> {t("node.event.forPerson", { name: who })}</span>
        </button>
      </td>
    </tr>
  );
}

/** The check-in code for registrants to enter at the event, shown on demand; a new one stops the old one working. */
function CheckInCode({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [issued, issue] = useMutation<{ issueCheckInCode: string | null }>(CHECK_IN_CODE);
  const code = issued.data?.issueCheckInCode;
  return (
    <section aria-labelledby="node-check-in">
      <h2 id="node-check-in">{t("node.event.checkInTitle")}</h2>
      <ApiErrors error={issued.error} />
      {code && (
        <p className="node-code" data-testid="check-in-code">
          {code}
        </p>
      )}
      <button type="button" disabled={issued.fetching} onClick={() => void issue({ id: eventId, rotate: false })}>
        {t("node.event.showCode")}
      </button>{" "}
      {code && (
        <button type="button" disabled={issued.fetching} onClick={() => void issue({ id: eventId, rotate: true })}>
          {t("node.event.rotateCode")}
        </button>
      )}
    </section>
  );
}
