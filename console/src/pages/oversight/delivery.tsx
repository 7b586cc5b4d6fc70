/**
 * The consortium's parties as the gateway sees them (status, why, when
 * checked) and the delivery of signed facts between them, per pair. A party
 * that is down is named plainly; every other party's data stays shown. Read
 * again every few seconds (the gateway checks health continuously; no
 * subscription carries it).
 */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import "./oversight.css";

const REFRESH_MS = 5_000;

const DELIVERY = `query OversightDelivery {
  consortium {
    name
    nodes { id name status statusReason statusCheckedAt }
    coordination { id name status statusReason statusCheckedAt }
    deliveries { source receiver position head pending delivered lastDeliveredAt lastError lastErrorAt }
  }
}`;

interface Party {
  id: string;
  name: string;
  status: "UP" | "DOWN" | "INCOMPATIBLE" | "UNKNOWN";
  statusReason: string | null;
  statusCheckedAt: string | null;
}

interface Delivery {
  source: string;
  receiver: string;
  position: string | null;
  head: string | null;
  pending: number;
  delivered: number;
  lastDeliveredAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

interface DeliveryData {
  consortium: { name: string; nodes: Party[]; coordination: Party; deliveries: Delivery[] | null };
}

export default function DeliveryPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("oversight.delivery.title"));
  const [{ data, error, fetching }, refetch] = useQuery<DeliveryData>({ query: DELIVERY, requestPolicy: "network-only" });
  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: "network-only" }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const consortium = data?.consortium;
  const parties = consortium ? [...consortium.nodes, consortium.coordination] : [];
  const names = new Map(parties.map((party) => [party.id, party.name] as const));
  const unreachable = parties.filter((party) => party.status === "DOWN" || party.status === "INCOMPATIBLE");
  const date = (iso: string | null) => formatDateTime(iso, i18n.language);
  return (
    <section>
      <h1>{t("oversight.delivery.title")}</h1>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {unreachable.length > 0 && (
        <div role="alert" className="alert" data-testid="unreachable">
          <ul>
            {unreachable.map((party) => (
              <li key={party.id}>{t(party.status === "DOWN" ? "oversight.delivery.unreachable" : "oversight.delivery.incompatible", { university: party.name })}</li>
            ))}
          </ul>
        </div>
      )}
      {consortium && (
        <>
          <h2>{t("oversight.delivery.parties", { consortium: consortium.name })}</h2>
          <table className="oversight-table" data-testid="parties">
            <caption>{t("oversight.delivery.partiesCaption")}</caption>
            <thead>
              <tr>
                {(["party", "status", "reason", "checkedAt"] as const).map((column) => (
                  <th scope="col" key={column}>
                    {t(`oversight.delivery.column.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {parties.map((party) => (
                <tr key={party.id} data-testid={`party-${party.id}`}>
                  <th scope="row">{party.name}</th>
                  <td className={`oversight-status oversight-status-${party.status.toLowerCase()}`}>{t(`oversight.status.${party.status}`)}</td>
                  <td>{party.statusReason ?? "–"}</td>
                  <td>{date(party.statusCheckedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t("oversight.delivery.facts")}</h2>
          <p>{t("oversight.delivery.factsIntro")}</p>
          {consortium.deliveries?.length ? (
            <table className="oversight-table" data-testid="deliveries">
              <caption>{t("oversight.delivery.factsCaption")}</caption>
              <thead>
                <tr>
                  {(["from", "to", "state", "delivered", "lastDeliveredAt", "lastError"] as const).map((column) => (
                    <th scope="col" key={column}>
                      {t(`oversight.delivery.column.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {consortium.deliveries.map((delivery) => (
                  <tr key={`${delivery.source}>${delivery.receiver}`} data-testid={`delivery-${delivery.source}-${delivery.receiver}`}>
                    <th scope="row">{names.get(delivery.source) ?? delivery.source}</th>
                    <td>{names.get(delivery.receiver) ?? delivery.receiver}</td>
                    <td>{deliveryState(delivery, t)}</td>
                    <td>{delivery.delivered}</td>
                    <td>{date(delivery.lastDeliveredAt)}</td>
                    <td>{delivery.lastError ? t("oversight.delivery.failedAt", { error: delivery.lastError, date: date(delivery.lastErrorAt) }) : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t("oversight.delivery.noFacts")}</p>
          )}
        </>
      )}
    </section>
  );
}

function deliveryState(delivery: Delivery, t: (key: string, options?: Record<string, unknown>) => string): string {
  const failing = delivery.lastError !== null && (delivery.lastDeliveredAt === null || (delivery.lastErrorAt ?? "") >= delivery.lastDeliveredAt);
  if (failing) return t("oversight.delivery.failing");
  if (delivery.position === null || delivery.head === null) return t("oversight.delivery.notKnownYet");
  if (delivery.pending > 0) return t("oversight.delivery.pending", { count: delivery.pending });
  return t("oversight.delivery.caughtUp");
}
