/** One event: what, when, where, seats and waiting list; my registration (or my place on the waiting list), registering and cancelling (live). */
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useRefetchOn } from "./live.js";
import "./participant.css";

const EVENT = `query ConsoleEvent($id: ID!) {
  event(id: $id) {
    id title description kind startsAt endsAt timeZone format location onlineUrl host { name } capacity confirmedCount waitlistCount seatsLeft status cancellationReason
    registrations(status: [CONFIRMED, WAITLISTED]) { id participantId status waitlistPosition }
  }
}`;
const EVENT_LIVE = `subscription ConsoleEventLive($id: ID!) { eventUpdated(eventId: $id) { cursor change } }`;
const REGISTRATIONS_LIVE = `subscription ConsoleEventRegistrationsLive($id: ID!) { eventRegistrations(eventId: $id) { cursor change } }`;
const REGISTER = `mutation ConsoleRegisterForEvent($me: ID!, $id: ID!) { registerForEvent(participantId: $me, eventId: $id) { id status waitlistPosition } }`;
const CANCEL = `mutation ConsoleCancelRegistration($id: ID!) { cancelRegistration(id: $id) { id status } }`;

interface EventData {
  event: {
    id: string;
    title: string;
    description: string;
    kind: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    format: string;
    location: string | null;
    onlineUrl: string | null;
    host: { name: string };
    capacity: number;
    confirmedCount: number;
    waitlistCount: number;
    seatsLeft: number;
    status: string;
    cancellationReason: string | null;
    registrations: { id: string; participantId: string; status: string; waitlistPosition: number | null }[];
  } | null;
}

export default function EventPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const me = session.user()!.sub;
  const [{ data, error }, refetch] = useQuery<EventData>({ query: EVENT, variables: { id: params.id } });
  const again = () => refetch({ requestPolicy: "network-only" });
  useRefetchOn(EVENT_LIVE, { id: params.id }, again);
  useRefetchOn(REGISTRATIONS_LIVE, { id: params.id }, again);
  const [registered, register] = useMutation(REGISTER);
  const [cancelled, cancel] = useMutation(CANCEL);
  const event = data?.event;
  useTitle(event?.title ?? t("participant.events.title"));
  if (!event) return error ? <ApiErrors error={error} /> : <Loading />;
  const mine = event.registrations.find((registration) => registration.participantId === me);
  const act = async (done: Promise<{ error?: unknown }>) => {
    if (!(await done).error) again();
  };
  return (
    <section>
      <h1>{event.title}</h1>
      <ApiErrors error={error ?? registered.error ?? cancelled.error} />
      {event.status === "CANCELLED" && <p className="alert">{t("participant.event.cancelled", { reason: event.cancellationReason ?? "" })}</p>}
      {event.description && <p>{event.description}</p>}
      <dl>
        <dt>{t("participant.event.kind")}</dt>
        <dd>{t(`eventKind.${event.kind}`)}</dd>
        <dt>{t("participant.events.when")}</dt>
        <dd>
          {formatDateTime(event.startsAt, i18n.language)} – {formatDateTime(event.endsAt, i18n.language)} ({event.timeZone})
        </dd>
        <dt>{t("participant.event.format")}</dt>
        <dd>{t(`eventFormat.${event.format}`)}</dd>
        {event.location && (
          <>
            <dt>{t("participant.event.location")}</dt>
            <dd>{event.location}</dd>
          </>
        )}
        {event.onlineUrl && (
          <>
            <dt>{t("participant.event.onlineUrl")}</dt>
            <dd>
              <a href={event.onlineUrl}>{event.onlineUrl}</a>
            </dd>
          </>
        )}
        <dt>{t("participant.events.host")}</dt>
        <dd>{event.host.name}</dd>
        <dt>{t("participant.events.seats")}</dt>
        <dd data-testid="seats">{t("participant.event.seats", { confirmed: event.confirmedCount, capacity: event.capacity, waiting: event.waitlistCount })}</dd>
      </dl>
      <h2>{t("participant.event.myRegistration")}</h2>
      <p data-testid="my-registration">
        {!mine ? t("participant.event.notRegistered") : mine.status === "CONFIRMED" ? t("participant.event.confirmed") : t("participant.event.waitlisted", { position: mine.waitlistPosition ?? "?" })}
      </p>
      {event.status !== "CANCELLED" && !mine && (
        <button type="button" disabled={registered.fetching} onClick={() => void act(register({ me, id: event.id }))}>
          {event.seatsLeft > 0 ? t("participant.event.register") : t("participant.event.joinWaitlist")}
        </button>
      )}
      {mine && (
        <button type="button" className="secondary" disabled={cancelled.fetching} onClick={() => void act(cancel({ id: mine.id }))}>
          {mine.status === "CONFIRMED" ? t("participant.event.cancel") : t("participant.event.leaveWaitlist")}
        </button>
      )}
      <p>
        <Link href="/events">{t("participant.event.back")}</Link>
      </p>
    </section>
  );
}
