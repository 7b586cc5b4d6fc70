/** Subscriptions that tell an oversight page to read its figures again, one per node (the API's live fields are per node). */
import { useEffect } from "react";
import { useSubscription } from "urql";
import { session } from "../../auth/session.js";
import { JOINT_COORDINATOR } from "../../areas.js";

const MONITORING = `subscription OversightMonitoringLive($c: ID!, $n: String!) { tandemMonitoringUpdated(cohortId: $c, nodeId: $n) { cursor change } }`;
const CASES = `subscription OversightCasesLive($c: ID!, $n: String!) { mediationCasesUpdated(cohortId: $c, nodeId: $n) { cursor change caseId } }`;

/** The nodes whose updates the signed-in coordinator may follow: every participating node for joint coordinators, their own for node coordinators. */
export function followedNodes(participatingNodeIds: readonly string[]): string[] {
  const user = session.user();
  if (!user) return [];
  return user.roles.includes(JOINT_COORDINATOR) ? [...participatingNodeIds] : [user.homeNode];
}

function LiveOne({ query, cohortId, nodeId, onChange }: { query: string; cohortId: string; nodeId: string; onChange: () => void }) {
  const [live] = useSubscription<{ cursor: string }>({ query, variables: { c: cohortId, n: nodeId } });
  useEffect(() => {
    if (live.data) onChange();
  }, [live.data]);
  return null;
}

export function LiveMonitoring({ cohortId, nodeIds, onChange }: { cohortId: string; nodeIds: readonly string[]; onChange: () => void }) {
  return (
    <>
      {nodeIds.map((nodeId) => (
        <LiveOne key={`${cohortId}/${nodeId}`} query={MONITORING} cohortId={cohortId} nodeId={nodeId} onChange={onChange} />
      ))}
    </>
  );
}

export function LiveCases({ cohortId, nodeIds, onChange }: { cohortId: string; nodeIds: readonly string[]; onChange: () => void }) {
  return (
    <>
      {nodeIds.map((nodeId) => (
        <LiveOne key={`${cohortId}/${nodeId}`} query={CASES} cohortId={cohortId} nodeId={nodeId} onChange={onChange} />
      ))}
    </>
  );
}
