/** The cohorts of the programmes the coordinator's node takes part in, and a labelled choice among them. */
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import type { CombinedError } from "@urql/core";

const COHORTS = `query NodeCohorts { programmes { id name participatingNodeIds cohorts { id name state } } }`;

interface CohortsData {
  programmes: { id: string; name: string; participatingNodeIds: string[]; cohorts: { id: string; name: string; state: string }[] }[];
}

export interface NodeCohort {
  id: string;
  /** "Programme cohort", as the console names a cohort. */
  label: string;
  state: string;
}

export function useNodeCohorts(node: string): { cohorts: NodeCohort[] | null; error: CombinedError | undefined } {
  const [{ data, error }] = useQuery<CohortsData>({ query: COHORTS });
  const cohorts = data
    ? data.programmes
        .filter((programme) => programme.participatingNodeIds.includes(node))
        .flatMap((programme) => programme.cohorts.map((cohort) => ({ id: cohort.id, label: `${programme.name} ${cohort.name}`, state: cohort.state })))
    : null;
  return { cohorts, error };
}

/** A select of the node's cohorts; with `allLabel`, a first option for every cohort (value ""). */
export function CohortSelect({ cohorts, value, onChange, allLabel }: { cohorts: NodeCohort[]; value: string; onChange: (id: string) => void; allLabel?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="node-cohort">{t("node.cohort")}</label>
      <select id="node-cohort" value={value} onChange={(event) => onChange(event.target.value)}>
        {allLabel && <option value="">{allLabel}</option>}
        {cohorts.map((cohort) => (
          <option key={cohort.id} value={cohort.id}>
            {cohort.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** The name of a person as their home node discloses it to the caller, or "not shared with you". */
export function PersonName({ person }: { person: { displayName: string | null; disclosure?: { withheld: string[] } } | null | undefined }) {
  const { t } = useTranslation();
  if (person?.displayName) return <>{person.displayName}</>;
  return <span className="withheld">{t("errors.NOT_DISCLOSED")}</span>;
}
