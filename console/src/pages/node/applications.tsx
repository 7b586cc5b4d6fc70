/**
 * Applications to review: the node's submitted applications by cohort and
 * status, newest arrivals appearing live (the cohort's pipeline at the node,
 * `applicationPipelineUpdated`), each opened to decide.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useSubscription } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { PagerControls, useCursorPager } from "../../ui/node-pager.js";
import { CohortSelect, PersonName, useNodeCohorts } from "./cohorts.js";
import "./node.css";

export const APPLICATION_STATUSES = ["SUBMITTED", "ACCEPTED", "WAITLISTED", "ENROLLED", "REJECTED", "WITHDRAWN"] as const;

const LIST = `query NodeReviewApplications($node: String!, $cohortId: ID, $status: ApplicationStatus, $after: String) {
  reviewApplications(node: $node, cohortId: $cohortId, status: $status, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id status role submittedAt eligibility { eligible } cohort { id name programme { name } } participant { id displayName disclosure { withheld } } } }
  }
}`;
const PIPELINE = `subscription NodePipelineLive($cohortId: ID!, $node: String!) { applicationPipelineUpdated(cohortId: $cohortId, nodeId: $node) { cursor change } }`;

interface ListData {
  reviewApplications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        status: string;
        role: string;
        submittedAt: string | null;
        eligibility: { eligible: boolean };
        cohort: { id: string; name: string; programme: { name: string } } | null;
        participant: { id: string; displayName: string | null; disclosure: { withheld: string[] } } | null;
      };
    }[];
  } | null;
}

export default function ApplicationsPage() {
  const { t, i18n } = useTranslation();
  useTitle(t("node.applications.title"));
  const node = session.user()!.homeNode;
  const { cohorts, error: cohortsError } = useNodeCohorts(node);
  const [cohortId, setCohortId] = useState("");
  const [status, setStatus] = useState("SUBMITTED");
  const pager = useCursorPager(`${cohortId}|${status}`);
  const [{ data, error, fetching }, refetch] = useQuery<ListData>({
    query: LIST,
    variables: { node, cohortId: cohortId || null, status: status || null, after: pager.after },
    requestPolicy: "cache-and-network",
  });
  const followed = cohortId ? [cohortId] : (cohorts ?? []).filter((cohort) => cohort.state === "APPLICATIONS_OPEN" || cohort.state === "REVIEW").map((cohort) => cohort.id);
  const list = data?.reviewApplications;
  return (
    <section>
      <h1>{t("node.applications.title")}</h1>
      <p>{t("node.applications.intro")}</p>
      <ApiErrors error={cohortsError ?? error} />
      {followed.map((id) => (
        <PipelineListener key={id} cohortId={id} node={node} onChange={() => refetch({ requestPolicy: "network-only" })} />
      ))}
      <div className="node-filters">
        <div>{cohorts && <CohortSelect cohorts={cohorts} value={cohortId} onChange={setCohortId} allLabel={t("node.allCohorts")} />}</div>
        <div>
          <label htmlFor="node-status">{t("node.applications.status")}</label>
          <select id="node-status" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t("node.applications.anyStatus")}</option>
            {APPLICATION_STATUSES.map((each) => (
              <option key={each} value={each}>
                {t(`applicationStatus.${each}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {fetching && !data && <Loading />}
      {list &&
        (list.edges.length ? (
          <table className="node-table" data-testid="applications">
            <caption>{t("node.applications.caption", { total: list.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("node.applicant")}</th>
                <th scope="col">{t("node.cohort")}</th>
                <th scope="col">{t("node.role")}</th>
                <th scope="col">{t("node.applications.eligibility")}</th>
                <th scope="col">{t("node.applications.status")}</th>
                <th scope="col">{t("node.applications.submittedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: application }) => (
                <tr key={application.id}>
                  <td>
                    <Link href={`/node/applications/${encodeURIComponent(application.id)}`}>
                      <PersonName person={application.participant} />
                    </Link>
                  </td>
                  <td>{application.cohort ? `${application.cohort.programme.name} ${application.cohort.name}` : "–"}</td>
                  <td>{t(`role.${application.role}`)}</td>
                  <td>{application.eligibility.eligible ? t("application.eligible") : t("application.notEligible")}</td>
                  <td>{t(`applicationStatus.${application.status}`)}</td>
                  <td>{formatDateTime(application.submittedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("node.applications.none")}</p>
        ))}
      {list && <PagerControls pager={pager} pageInfo={list.pageInfo} total={list.totalCount} label={t("node.applications.pages")} />}
    </section>
  );
}

/** Asks for the list again whenever the cohort's pipeline at this node changes (an application submitted, decided, withdrawn). */
function PipelineListener({ cohortId, node, onChange }: { cohortId: string; node: string; onChange: () => void }) {
  const [live] = useSubscription<{ applicationPipelineUpdated: { cursor: string } }>({ query: PIPELINE, variables: { cohortId, node } });
  const cursor = live.data?.applicationPipelineUpdated.cursor;
  useEffect(() => {
    if (cursor) onChange();
  }, [cursor]);
  return null;
}
