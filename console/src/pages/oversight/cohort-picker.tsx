/**
 * The cohort an oversight page looks at: every programme's cohorts in one
 * labelled select, the choice kept in the address (`?cohort=`) so a page can
 * be bookmarked and reloaded.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { ApiErrors, Loading } from "../../ui/errors.js";

const PROGRAMMES = `query OversightProgrammes { programmes { id name participatingNodeIds cohorts { id name state } } }`;

export interface CohortChoice {
  id: string;
  state: string;
  /** "Programme cohort". */
  label: string;
  participatingNodeIds: string[];
}

interface ProgrammesData {
  programmes: { id: string; name: string; participatingNodeIds: string[]; cohorts: { id: string; name: string; state: string }[] }[];
}

function cohortInAddress(): string | null {
  return new URLSearchParams(window.location.search).get("cohort");
}

/** Which cohort a coordinator most likely came to look at: one that runs, else one being matched or closing, else the last listed. */
const LIKELY_STATES = ["RUNNING", "MATCHING", "CLOSING"];

function likeliest<C extends { state: string }>(cohorts: C[]): C | undefined {
  for (const state of LIKELY_STATES) {
    const found = cohorts.find((cohort) => cohort.state === state);
    if (found) return found;
  }
  return cohorts.at(-1);
}

/** The cohorts, the one chosen (the address's, else a running one) and a select to choose another. */
export function useCohortChoice(): { cohort: CohortChoice | null; picker: React.ReactNode } {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery<ProgrammesData>({ query: PROGRAMMES });
  const [chosen, setChosen] = useState<string | null>(cohortInAddress);
  const cohorts: CohortChoice[] = (data?.programmes ?? []).flatMap((programme) =>
    programme.cohorts.map((cohort) => ({ id: cohort.id, state: cohort.state, label: `${programme.name} ${cohort.name}`, participatingNodeIds: programme.participatingNodeIds })),
  );
  const cohort = cohorts.find((each) => each.id === chosen) ?? likeliest(cohorts) ?? null;
  const choose = (id: string) => {
    setChosen(id);
    window.history.replaceState(null, "", `${window.location.pathname}?cohort=${encodeURIComponent(id)}`);
  };
  const picker = (
    <>
      <ApiErrors error={error} />
      {fetching && !data && <Loading />}
      {data && !cohorts.length && <p>{t("oversight.noCohorts")}</p>}
      {cohort && (
        <p className="oversight-cohort">
          <label htmlFor="oversight-cohort">{t("oversight.cohort")}</label>{" "}
          <select id="oversight-cohort" value={cohort.id} onChange={(event) => choose(event.target.value)}>
            {cohorts.map((each) => (
              <option key={each.id} value={each.id}>
                {each.label}
              </option>
            ))}
          </select>
        </p>
      )}
    </>
  );
  return { cohort, picker };
}
