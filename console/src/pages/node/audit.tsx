/** The node's audit log, newest first, paged; filtered to one participant as the API offers (`?participant=` opens it so). */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { fieldErrorsOf, Field } from "../../ui/field.js";
import { PagerControls, useCursorPager } from "../../ui/node-pager.js";
import "./node.css";

const AUDIT = `query NodeAuditLog($node: String!, $participantId: ID, $after: String) {
  auditLog(node: $node, participantId: $participantId, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at actor actorHome actorRoles action participantId fieldGroup targetId outcome } }
  }
}`;

interface AuditData {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        at: string;
        actor: string;
        actorHome: string;
        actorRoles: string[];
        action: string;
        participantId: string | null;
        fieldGroup: string | null;
        targetId: string | null;
        outcome: string;
      };
    }[];
  } | null;
}

export default function NodeAuditPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("node.audit.title"));
  const node = session.user()!.homeNode;
  const [participantId, setParticipantId] = useState(() => new URLSearchParams(window.location.search).get("participant") ?? "");
  const pager = useCursorPager(participantId);
  const [{ data, error, fetching }] = useQuery<AuditData>({ query: AUDIT, variables: { node, participantId: participantId || null, after: pager.after } });
  const fieldError = fieldErrorsOf(error).participantId;
  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParticipantId(String(new FormData(event.currentTarget).get("participant") ?? "").trim());
  };
  const log = data?.auditLog;
  return (
    <section>
      <h1>{t("node.audit.title")}</h1>
      <p>{t("node.audit.intro")}</p>
      <form onSubmit={filter} className="node-form" role="search">
        <Field id="node-audit-participant" label={t("node.audit.filter")} error={fieldError ? t("node.form.check", { field: t("node.audit.participant"), message: fieldError }) : null}>
          <input name="participant" defaultValue={participantId} key={participantId} />
        </Field>
        <button type="submit">{t("node.audit.apply")}</button>{" "}
        {participantId && (
          <button type="button" onClick={() => setParticipantId("")}>
            {t("node.audit.clear")}
          </button>
        )}
      </form>
      {!fieldError && <ApiErrors error={error} />}
      {fetching && !data && <Loading />}
      {log &&
        (log.edges.length ? (
          <table className="node-table" data-testid="audit">
            <caption>{t("node.audit.caption", { total: log.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("node.audit.at")}</th>
                <th scope="col">{t("node.audit.actor")}</th>
                <th scope="col">{t("node.audit.action")}</th>
                <th scope="col">{t("node.audit.participant")}</th>
                <th scope="col">{t("node.audit.target")}</th>
                <th scope="col">{t("node.audit.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {log.edges.map(({ node: entry }) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at, i18n.language)}</td>
                  <td>
                    {entry.actor} ({entry.actorHome}; {entry.actorRoles.join(", ")})
                  </td>
                  <td>
                    <code>{entry.action}</code>
                    {entry.fieldGroup && ` (${entry.fieldGroup})`}
                  </td>
                  <td className="node-id">{entry.participantId ?? "–"}</td>
                  <td className="node-id">{entry.targetId ?? "–"}</td>
                  <td>{entry.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("node.audit.none")}</p>
        ))}
      {log && <PagerControls pager={pager} pageInfo={log.pageInfo} total={log.totalCount} label={t("node.audit.pages")} />}
    </section>
  );
}
