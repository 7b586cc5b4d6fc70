/** The consortium's events (live), my package in each cohort I am enrolled in, and my calendar link. */
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useShowMore, type Connection, type PageReader } from "../../ui/show-more.js";
import { CalendarFeedSection } from "./calendar-feed.js";
import { useRefetchOn } from "./live.js";
import { useMyCohorts } from "./my-cohorts.js";
import { PackageSection } from "./package.js";
import "./participant.css";

const EVENTS = `query ConsoleEvents($from: DateTimeISO, $after: String) {
  events(first: 30, from: $from, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id title kind startsAt endsAt format location host { name } capacity confirmedCount waitlistCount seatsLeft } }
  }
}`;
const LIVE = `subscription ConsoleConsortiumEvents { consortiumEvents { cursor change } }`;

export interface EventSummary {
  id: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  format: string;
  location: string | null;
  host: { name: string };
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  seatsLeft: number;
}

/** From the start of today: events still running or ahead. */
const today = () => `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;

export default function EventsPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("participant.events.title"));
  const me = session.user()!.sub;
  const client = useClient();
  const from = today();
  const readPage: PageReader<EventSummary> = (after) =>
    client
      .query<{ events: Connection<EventSummary> }>(EVENTS, { from, after }, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => ({ connection: result.data?.events ?? null, error: result.error }));
  const list = useShowMore(readPage, from);
  useRefetchOn(LIVE, {}, list.refresh);
  const { cohorts, error: cohortsError } = useMyCohorts(me);
  const data = list.shown;
  const error = list.error;
  const events = data?.nodes ?? [];
  return (
    <section>
      <h1>{t("participant.events.title")}</h1>
      <ApiErrors error={error ?? cohortsError} />
      {!data && !error && <Loading />}
      {data &&
        (events.length ? (
          <table data-testid="events">
            <caption>{t("participant.events.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("participant.events.event")}</th>
                <th scope="col">{t("participant.events.when")}</th>
                <th scope="col">{t("participant.events.host")}</th>
                <th scope="col">{t("participant.events.seats")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <Link href={`/events/${encodeURIComponent(event.id)}`}>{event.title}</Link>
                    <br />
                    <small>
                      {t(`eventKind.${event.kind}`)}, {t(`eventFormat.${event.format}`)}
                    </small>
                  </td>
                  <td>{formatDateTime(event.startsAt, i18n.language)}</td>
                  <td>{event.host.name}</td>
                  <td>
                    {event.seatsLeft > 0 ? t("participant.events.seatsLeft", { seats: event.seatsLeft, capacity: event.capacity }) : t("participant.events.full", { waiting: event.waitlistCount })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("participant.events.none")}</p>
        ))}
      {data?.pageInfo.hasNextPage && (
        <button type="button" onClick={list.showMore} disabled={list.loadingMore}>
          {t("participant.events.showMore")}
        </button>
      )}
      {cohorts.map((cohort) => (
        <PackageSection key={cohort.cohortId} cohort={cohort} me={me} />
      ))}
      <CalendarFeedSection me={me} />
    </section>
  );
}
