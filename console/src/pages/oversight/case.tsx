/** One mediation case: what it is about, its history (opened, the partners' statements by reference, resolved) and resolving it. Live through mediationCaseUpdated. */
import { useEffect, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useSubscription } from "urql";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useUniversities } from "../../ui/universities.js";
import { shortId } from "./attention.js";
import { raiserOf, type CaseSummary } from "./cases.js";
import "./oversight.css";

const OUTCOMES = ["RESOLVED", "RE_MATCH", "DISSOLVED"] as const;

const CASE = `query OversightCase($id: ID!) {
  mediationCase(id: $id) {
    id tandemId cohortId raisedBy raiserNodeId concern mediator outcome openedAt closedAt
    statements { id side concern raisedAt mediatorMayRead statement }
  }
}`;
const LIVE = `subscription OversightCaseLive($id: ID!) { mediationCaseUpdated(caseId: $id) { cursor change } }`;
const RESOLVE = `mutation OversightResolveCase($id: ID!, $outcome: MediationOutcome!) { resolveMediationCase(id: $id, outcome: $outcome) { id outcome closedAt } }`;

interface Statement {
  id: string;
  side: "MENTEE" | "MENTOR";
  concern: string;
  raisedAt: string;
  mediatorMayRead: boolean;
  statement: string | null;
}

interface CaseData {
  mediationCase: (CaseSummary & { cohortId: string; statements: (Statement | null)[] }) | null;
}

export default function CasePage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const universities = useUniversities();
  const [{ data, error }, refetch] = useQuery<CaseData>({ query: CASE, variables: { id: params.id } });
  const [live] = useSubscription<{ mediationCaseUpdated: { cursor: string } }>({ query: LIVE, variables: { id: params.id } });
  const [resolved, resolve] = useMutation(RESOLVE);
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: "network-only" });
  }, [live.data, refetch]);
  const found = data?.mediationCase;
  useTitle(t("oversight.case.title", { id: found ? shortId(found.id) : "" }));
  if (!found) return error ? <ApiErrors error={error} /> : <Loading />;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = new FormData(event.currentTarget).get("outcome");
    const result = await resolve({ id: found.id, outcome });
    if (!result.error) refetch({ requestPolicy: "network-only" });
  };
  const date = (iso: string | null) => formatDateTime(iso, i18n.language);
  return (
    <section>
      <h1>{t("oversight.case.title", { id: shortId(found.id) })}</h1>
      <p>
        <Link href={`/oversight/cases?cohort=${encodeURIComponent(found.cohortId)}`}>{t("oversight.case.back")}</Link>
      </p>
      <ApiErrors error={error} />
      <dl>
        <dt>{t("oversight.case.state")}</dt>
        <dd data-testid="case-state">{found.outcome ? t(`oversight.outcome.${found.outcome}` as "oversight.outcome.RESOLVED") : t("oversight.cases.stillOpen")}</dd>
        <dt>{t("oversight.cases.column.tandem")}</dt>
        <dd>{shortId(found.tandemId)}</dd>
        <dt>{t("oversight.cases.column.concern")}</dt>
        <dd>{t(`oversight.concern.${found.concern}` as "oversight.concern.OTHER")}</dd>
        <dt>{t("oversight.cases.column.mediator")}</dt>
        <dd>{t(`oversight.mediator.${found.mediator}` as "oversight.mediator.JOINT_OFFICE")}</dd>
        <dt>{t("oversight.cases.column.raisedBy")}</dt>
        <dd>{raiserOf(found, t, universities)}</dd>
      </dl>
      <h2>{t("oversight.case.history")}</h2>
      <ol data-testid="case-history">
        <li>{t("oversight.case.opened", { date: date(found.openedAt), by: raiserOf(found, t, universities) })}</li>
        {found.statements.map((statement, index) =>
          statement ? (
            <li key={statement.id}>
              {t("oversight.case.statement", {
                date: date(statement.raisedAt),
                side: t(`oversight.side.${statement.side}`),
                concern: t(`oversight.concern.${statement.concern}` as "oversight.concern.OTHER"),
              })}{" "}
              {statement.statement ? <q>{statement.statement}</q> : <span className="withheld">{t("oversight.case.statementWithheld")}</span>}
            </li>
          ) : (
            <li key={index} className="withheld">
              {t("oversight.case.statementUnavailable")}
            </li>
          ),
        )}
        {found.closedAt && <li>{t("oversight.case.closed", { date: date(found.closedAt), outcome: t(`oversight.outcome.${found.outcome}` as "oversight.outcome.RESOLVED") })}</li>}
      </ol>
      {!found.outcome && (
        <form onSubmit={(event) => void submit(event)}>
          <h2>{t("oversight.case.resolveTitle")}</h2>
          <ApiErrors error={resolved.error} />
          <fieldset>
            <legend>{t("oversight.case.outcome")}</legend>
            {OUTCOMES.map((outcome) => (
              <div key={outcome}>
                <label>
                  <input type="radio" name="outcome" value={outcome} defaultChecked={outcome === "RESOLVED"} required /> {t(`oversight.outcome.${outcome}`)}
                </label>{" "}
                <span className="oversight-hint">{t(`oversight.outcomeHint.${outcome}`)}</span>
              </div>
            ))}
          </fieldset>
          <button type="submit" disabled={resolved.fetching}>
            {t("oversight.case.resolve")}
          </button>
        </form>
      )}
    </section>
  );
}
