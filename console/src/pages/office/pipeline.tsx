/** A cohort's applications in numbers per node, role, track and status (pseudonymous, small groups suppressed), live. */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useSubscription } from "urql";
import { ApiErrors } from "../../ui/errors.js";
import { useUniversities } from "../../ui/universities.js";

const PIPELINE = `query OfficePipeline($id: ID!) {
  applicationPipeline(cohortId: $id) { cohortId minimumGroupSize counts { nodeId role track status count suppressed } }
}`;
/** Every node's applications of the cohort: a record arrived or changed (re-read the counts). */
const LIVE = `subscription OfficePipelineLive($id: ID!) { applicationPipelineUpdated(cohortId: $id) { cursor change } }`;

interface PipelineData {
  applicationPipeline: {
    minimumGroupSize: number;
    counts: { nodeId: string; role: string; track: string | null; status: string; count: number | null; suppressed: boolean }[];
  };
}

export function Pipeline({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const universities = useUniversities();
  const [{ data, error }, refetch] = useQuery<PipelineData>({ query: PIPELINE, variables: { id: cohortId } });
  const [live] = useSubscription<{ applicationPipelineUpdated: { cursor: string } }>({ query: LIVE, variables: { id: cohortId } });
  useEffect(() => {
    if (live.data) refetch({ requestPolicy: "network-only" });
  }, [live.data, refetch]);
  const pipeline = data?.applicationPipeline;
  return (
    <section aria-labelledby="pipeline">
      <h2 id="pipeline">{t("office.pipeline.title")}</h2>
      <ApiErrors error={error ?? live.error} />
      {pipeline && <p>{t("office.pipeline.suppressed", { size: pipeline.minimumGroupSize })}</p>}
      {pipeline &&
        (pipeline.counts.length ? (
          <table data-testid="pipeline">
            <thead>
              <tr>
                <th scope="col">{t("office.node")}</th>
                <th scope="col">{t("office.role")}</th>
                <th scope="col">{t("office.track")}</th>
                <th scope="col">{t("office.pipeline.status")}</th>
                <th scope="col">{t("office.pipeline.count")}</th>
              </tr>
            </thead>
            <tbody>
              {pipeline.counts.map((row) => (
                <tr key={`${row.nodeId}|${row.role}|${row.track ?? ""}|${row.status}`}>
                  <td>{universities.get(row.nodeId) ?? row.nodeId}</td>
                  <td>{t(`role.${row.role}` as "role.MENTEE")}</td>
                  <td>{row.track ?? t("office.pipeline.noTrack")}</td>
                  <td>{t(`applicationStatus.${row.status}` as "applicationStatus.DRAFT")}</td>
                  <td>{row.suppressed ? t("office.pipeline.fewer", { size: pipeline.minimumGroupSize }) : row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("office.pipeline.none")}</p>
        ))}
    </section>
  );
}
