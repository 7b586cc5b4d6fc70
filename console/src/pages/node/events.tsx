/** The events the node hosts, newest changes live (`consortiumEvents` of this node), and a form to create one. */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useSubscription } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { PagerControls, useCursorPager } from "../../ui/node-pager.js";
import { CreateEventForm } from "./create-event.js";
import "./node.css";

const EVENTS = `query NodeEvents($nodes: [String!], $after: String) {
  events(nodes: $nodes, includeCancelled: true, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id title kind format startsAt endsAt status capacity confirmedCount waitlistCount } }
  }
}`;
const LIVE = `subscription NodeEventsLive($nodes: [String!]) { consortiumEvents(nodes: $nodes) { cursor change } }`;

interface EventsData {
  events: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; title: string; kind: string; format: string; startsAt: string; endsAt: string; status: string; capacity: number; confirmedCount: number; waitlistCount: number } }[];
  };
}

export default function NodeEventsPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("node.events.title"));
  const node = session.user()!.homeNode;
  const pager = useCursorPager(node);
  const [{ data, error, fetching }, refetch] = useQuery<EventsData>({ query: EVENTS, variables: { nodes: [node], after: pager.after } });
  const [live] = useSubscription<{ consortiumEvents: { cursor: string } }>({ query: LIVE, variables: { nodes: [node] } });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: "network-only" });
  }, [live.data, refetch]);
  const events = data?.events;
  return (
    <section>
      <h1>{t("node.events.title")}</h1>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {events &&
        (events.edges.length ? (
          <table className="node-table" data-testid="events">
            <caption>{t("node.events.caption", { total: events.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("node.event.name")}</th>
                <th scope="col">{t("node.event.kind")}</th>
                <th scope="col">{t("node.event.startsAt")}</th>
                <th scope="col">{t("node.event.confirmed")}</th>
                <th scope="col">{t("node.event.waitlist")}</th>
                <th scope="col">{t("node.event.status")}</th>
              </tr>
            </thead>
            <tbody>
              {events.edges.map(({ node: event }) => (
                <tr key={event.id}>
                  <td>
                    <Link href={`/node/events/${encodeURIComponent(event.id)}`}>{event.title}</Link>
                  </td>
                  <td>{t(`eventKind.${event.kind}`)}</td>
                  <td>{formatDateTime(event.startsAt, i18n.language)}</td>
                  <td>{t("node.event.ofCapacity", { confirmed: event.confirmedCount, capacity: event.capacity })}</td>
                  <td>{event.waitlistCount}</td>
                  <td>{t(`node.eventStatus.${event.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("node.events.none")}</p>
        ))}
      {events && <PagerControls pager={pager} pageInfo={events.pageInfo} total={events.totalCount} label={t("node.events.pages")} />}
      <CreateEventForm node={node} onCreated={() => refetch({ requestPolicy: "network-only" })} />
    </section>
  );
}
