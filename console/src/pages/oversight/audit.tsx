/** The coordination office's audit log, newest first, page by page, optionally about one participant (joint coordinators). */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import "./oversight.css";

const PAGE_SIZE = 25;

const AUDIT = `query OversightAudit($first: Int!, $participantId: ID) {
  coordinationAuditLog(first: $first, participantId: $participantId) {
    totalCount
    pageInfo { hasNextPage }
    edges { node { id at actor actorHome actorRoles via action participantId fieldGroup targetId outcome } }
  }
}`;

interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorHome: string;
  actorRoles: string[];
  via: string;
  action: string;
  participantId: string | null;
  fieldGroup: string | null;
  targetId: string | null;
  outcome: string;
}

interface AuditData {
  coordinationAuditLog: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: AuditEntry }[] } | null;
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("oversight.audit.title"));
  const [participantId, setParticipantId] = useState<string | null>(null);
  const [pages, setPages] = useState(1);
  // one growing page (first: n × 25) keeps the answer a single, cached query
  const [{ data, error, fetching }] = useQuery<AuditData>({ query: AUDIT, variables: { first: Math.min(PAGE_SIZE * pages, 100), participantId }, requestPolicy: "network-only" });
  const log = data?.coordinationAuditLog;
  const entries = log?.edges.map((edge) => edge.node) ?? [];
  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("participantId") ?? "").trim();
    setParticipantId(value || null);
    setPages(1);
  };
  return (
    <section>
      <h1>{t("oversight.audit.title")}</h1>
      <p>{t("oversight.audit.intro")}</p>
      <form onSubmit={filter} className="oversight-filter">
        <label htmlFor="audit-participant">{t("oversight.audit.participant")}</label>
        <input id="audit-participant" name="participantId" defaultValue={participantId ?? ""} placeholder="hst:participant:…" />
        <button type="submit">{t("oversight.audit.filter")}</button>
      </form>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {log && !entries.length && <p>{t("oversight.audit.none")}</p>}
      {entries.length > 0 && (
        <table className="oversight-table" data-testid="audit">
          <caption>{t("oversight.audit.caption", { shown: entries.length, count: log!.totalCount })}</caption>
          <thead>
            <tr>
              {(["at", "action", "actor", "participant", "target", "outcome"] as const).map((column) => (
                <th scope="col" key={column}>
                  {t(`oversight.audit.column.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="oversight-nowrap">{formatDateTime(entry.at, i18n.language)}</td>
                <th scope="row">{entry.fieldGroup ? `${entry.action} (${entry.fieldGroup})` : entry.action}</th>
                <td>{t("oversight.audit.actorLine", { actor: entry.actor, home: entry.actorHome, roles: entry.actorRoles.join(", "), via: entry.via })}</td>
                <td>{entry.participantId ?? "–"}</td>
                <td>{entry.targetId ?? "–"}</td>
                <td>{entry.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log?.pageInfo.hasNextPage && PAGE_SIZE * pages < 100 && (
        <button type="button" onClick={() => setPages(pages + 1)} disabled={fetching}>
          {t("oversight.audit.more")}
        </button>
      )}
    </section>
  );
}
