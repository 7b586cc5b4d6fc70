/** A cohort's matching: start a round (full, or the re-match pool), its rounds, the re-match pool, pins and bans. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { navigate, useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useUniversities } from "../../ui/universities.js";
import { PairRules } from "./pair-rules.js";
import { rematchPool } from "./rematch-pool.js";
import "./office.css";

const MATCHING = `query OfficeCohortMatching($id: ID!) {
  cohort(id: $id) { id name state programme { id name } }
  matchingRounds(cohortId: $id) {
    id scope status progress createdAt matchedCount unmatchedCount
    proposals { menteePseudonym menteeNodeId mentorPseudonym status releasedAt }
    unmatched { menteePseudonym menteeNodeId reason }
  }
}`;
const START = `mutation OfficeStartRound($c: ID!, $scope: MatchingRoundScope!) { startMatchingRound(cohortId: $c, scope: $scope) { id status progress } }`;

interface Round {
  id: string;
  scope: string;
  status: string;
  progress: number;
  createdAt: string;
  matchedCount: number | null;
  unmatchedCount: number | null;
  proposals: { menteePseudonym: string; menteeNodeId: string; mentorPseudonym: string; status: string; releasedAt: string | null }[];
  unmatched: { menteePseudonym: string; menteeNodeId: string; reason: string }[];
}

interface MatchingData {
  cohort: { id: string; name: string; state: string; programme: { id: string; name: string } } | null;
  matchingRounds: Round[];
}

export default function CohortMatchingPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const universities = useUniversities();
  const [{ data, error }] = useQuery<MatchingData>({ query: MATCHING, variables: { id: params.id }, requestPolicy: "network-only" });
  const [started, start] = useMutation<{ startMatchingRound: { id: string } }>(START);
  const [scope, setScope] = useState("FULL");
  const cohort = data?.cohort;
  const title = cohort ? `${cohort.programme.name} ${cohort.name}` : "";
  useTitle(t("office.matching.title", { cohort: title }));
  if (!cohort) return error ? <ApiErrors error={error} /> : data ? <p>{t("office.cohort.notFound")}</p> : <Loading />;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await start({ c: cohort.id, scope });
    if (result.data?.startMatchingRound) navigate(`/office/matching/${encodeURIComponent(result.data.startMatchingRound.id)}`);
  };
  const pool = rematchPool(data.matchingRounds);
  return (
    <section className="office">
      <p>
        <Link href={`/office/cohorts/${encodeURIComponent(cohort.id)}`}>{t("office.backToCohort", { cohort: title })}</Link>
      </p>
      <h1>{t("office.matching.title", { cohort: title })}</h1>
      <p>
        {t("office.cohort.state")}: {t(`office.cohortState.${cohort.state}` as "office.cohortState.DRAFT")}
      </p>
      <section aria-labelledby="start-round">
        <h2 id="start-round">{t("office.matching.start")}</h2>
        <ApiErrors error={started.error} />
        <form onSubmit={(event) => void submit(event)}>
          <fieldset>
            <legend>{t("office.matching.scope")}</legend>
            {(["FULL", "REMATCH_POOL"] as const).map((value) => (
              <div key={value}>
                <label className="office-choice">
                  <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} /> {t(`office.scope.${value}`)}
                </label>
                <p className="office-hint">{t(`office.scopeHint.${value}`)}</p>
              </div>
            ))}
          </fieldset>
          <button type="submit" disabled={started.fetching}>
            {t("office.matching.startButton")}
          </button>
        </form>
      </section>
      <section aria-labelledby="rounds">
        <h2 id="rounds">{t("office.matching.rounds")}</h2>
        {data.matchingRounds.length ? (
          <ul>
            {data.matchingRounds.map((round) => (
              <li key={round.id}>
                <Link href={`/office/matching/${encodeURIComponent(round.id)}`}>
                  {t("office.matching.roundOf", { date: formatDateTime(round.createdAt, i18n.language), scope: t(`office.scope.${round.scope}` as "office.scope.FULL") })}
                </Link>{" "}
                — {t(`office.roundStatus.${round.status}` as "office.roundStatus.PENDING")}
                {round.status === "SOLVED" && `, ${t("office.matching.counts", { matched: round.matchedCount ?? 0, unmatched: round.unmatchedCount ?? 0 })}`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("office.matching.noRounds")}</p>
        )}
      </section>
      <section aria-labelledby="rematch-pool">
        <h2 id="rematch-pool">{t("office.matching.pool")}</h2>
        <p>{t("office.matching.poolExplain")}</p>
        {pool.length ? (
          <ul data-testid="rematch-pool">
            {pool.map((each) => (
              <li key={each.menteePseudonym}>
                <code>{each.menteePseudonym}</code> ({universities.get(each.menteeNodeId) ?? each.menteeNodeId}) — {t(each.why as "office.pool.declined")}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("office.matching.poolEmpty")}</p>
        )}
      </section>
      <PairRules cohortId={cohort.id} mentees={pool.map((each) => each.menteePseudonym)} />
    </section>
  );
}
