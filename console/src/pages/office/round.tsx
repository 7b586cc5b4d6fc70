/**
 * One matching round, live: every change the coordination office publishes
 * (started, fetching profiles, scoring, each step of progress, solved or
 * failed) arrives through `matchingRoundUpdated` with the round as the
 * subscriber may read it, so the page moves on and shows the proposals
 * without a reload. Proposals carry each criterion's points; unmatched
 * mentees their reason; pairs can be pinned or banned. Pseudonyms only.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useSubscription } from "urql";
import { useTitle } from "../../router.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useUniversities } from "../../ui/universities.js";
import { formatPoints } from "./labels.js";
import { PairRules, usePairRule } from "./pair-rules.js";
import "./office.css";

const ROUND_FIELDS = `id cohortId scope status progress profileCount menteeCount mentorCount matchedCount unmatchedCount totalScore error
  proposals { id menteePseudonym menteeNodeId mentorPseudonym mentorNodeId track score pinned status breakdown { criterion subScore weight points } }
  unmatched { menteePseudonym menteeNodeId reason }`;
const ROUND = `query OfficeRound($id: ID!) { matchingRound(id: $id) { ${ROUND_FIELDS} cohort { id name programme { name } } } }`;
const LIVE = `subscription OfficeRoundLive($id: ID!) { matchingRoundUpdated(id: $id) { cursor change matchingRound { ${ROUND_FIELDS} } } }`;

interface Proposal {
  id: string;
  menteePseudonym: string;
  menteeNodeId: string;
  mentorPseudonym: string;
  mentorNodeId: string;
  track: string;
  score: number;
  pinned: boolean;
  status: string;
  breakdown: { criterion: string; subScore: number; weight: number; points: number }[];
}

interface Round {
  id: string;
  cohortId: string;
  scope: string;
  status: string;
  progress: number;
  profileCount: number | null;
  menteeCount: number | null;
  mentorCount: number | null;
  matchedCount: number | null;
  unmatchedCount: number | null;
  totalScore: number | null;
  error: string | null;
  proposals: Proposal[];
  unmatched: { menteePseudonym: string; menteeNodeId: string; reason: string }[];
}

interface Update {
  cursor: string;
  change: string;
  matchingRound: Round | null;
}

/** How far a round is: an ended round beats any progress. */
const reached = (round: Round) => (round.status === "SOLVED" || round.status === "FAILED" ? 1000 : round.progress);

/** How long a running round may stay silent before the page reads it once more. */
const CATCH_UP_MS = 5_000;

/**
 * The subscription starts a moment after the first read: a round that ended
 * in between would never be heard of. If a running round says nothing for a
 * while, read it once more (one read, not polling: changes keep arriving
 * through the subscription).
 */
function useCatchUp(queried: Round | null | undefined, heardAny: boolean, read: () => void) {
  const running = !!queried && reached(queried) < 1000;
  useEffect(() => {
    if (!running || heardAny) return;
    const timer = setTimeout(read, CATCH_UP_MS);
    return () => clearTimeout(timer);
  }, [running, heardAny]);
}

export default function RoundPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, readAgain] = useQuery<{ matchingRound: (Round & { cohort: { id: string; name: string; programme: { name: string } } }) | null }>({
    query: ROUND,
    variables: { id: params.roundId },
    requestPolicy: "network-only",
  });
  const [live] = useSubscription<{ matchingRoundUpdated: Update }, Update[]>({ query: LIVE, variables: { id: params.roundId } }, (previous = [], update) => [...previous, update.matchingRoundUpdated]);
  const [rulesVersion, setRulesVersion] = useState(0);
  const queried = data?.matchingRound;
  const heard = (live.data ?? []).map((update) => update.matchingRound).filter((round): round is Round => round !== null);
  const newest = heard.at(-1);
  const round = newest && (!queried || reached(newest) >= reached(queried)) ? newest : queried;
  useCatchUp(queried, heard.length > 0, () => readAgain({ requestPolicy: "network-only" }));
  const title = queried ? `${queried.cohort.programme.name} ${queried.cohort.name}` : "";
  useTitle(t("office.round.title", { cohort: title }));
  if (!round || !queried) return error ? <ApiErrors error={error} /> : data ? <p>{t("office.round.notFound")}</p> : <Loading />;
  const status = t(`office.roundStatus.${round.status}` as "office.roundStatus.PENDING");
  return (
    <section className="office">
      <p>
        <Link href={`/office/cohorts/${encodeURIComponent(queried.cohort.id)}/matching`}>{t("office.backToMatching", { cohort: title })}</Link>
      </p>
      <h1>{t("office.round.title", { cohort: title })}</h1>
      <ApiErrors error={error ?? live.error} />
      <p>
        {t(`office.scope.${round.scope}` as "office.scope.FULL")} —{" "}
        <strong role="status" aria-live="polite" data-testid="round-status">
          {t("office.round.statusLine", { status, progress: round.progress })}
        </strong>
      </p>
      <progress className="office-progress" max={100} value={round.progress} aria-label={t("office.round.progress")} />
      <LiveLog updates={live.data ?? []} />
      {round.status === "FAILED" && <p className="alert">{t("office.round.failed", { error: round.error ?? "" })}</p>}
      {round.status === "SOLVED" && (
        <>
          <dl data-testid="round-counts">
            <dt>{t("office.round.profiles")}</dt>
            <dd>{round.profileCount}</dd>
            <dt>{t("office.round.mentees")}</dt>
            <dd>{round.menteeCount}</dd>
            <dt>{t("office.round.mentors")}</dt>
            <dd>{round.mentorCount}</dd>
            <dt>{t("office.round.matched")}</dt>
            <dd>{round.matchedCount}</dd>
            <dt>{t("office.round.unmatchedCount")}</dt>
            <dd>{round.unmatchedCount}</dd>
            <dt>{t("office.round.totalScore")}</dt>
            <dd>{formatPoints(round.totalScore ?? 0, i18n.language)}</dd>
          </dl>
          <Proposals cohortId={round.cohortId} proposals={round.proposals} onRule={() => setRulesVersion((version) => version + 1)} />
          <Unmatched unmatched={round.unmatched} />
          <PairRules
            cohortId={round.cohortId}
            version={rulesVersion}
            mentees={[...round.proposals.map((each) => each.menteePseudonym), ...round.unmatched.map((each) => each.menteePseudonym)]}
            mentors={round.proposals.map((each) => each.mentorPseudonym)}
          />
        </>
      )}
    </section>
  );
}

/** Every update as it arrived: what changed, and the round's status and progress then. */
function LiveLog({ updates }: { updates: readonly Update[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="round-live">
      <h2 id="round-live">{t("office.round.live")}</h2>
      {updates.length ? (
        <ol data-testid="round-live">
          {updates.map((update) => (
            <li key={update.cursor}>
              {t(`office.roundChange.${update.change}` as "office.roundChange.STARTED")}
              {update.matchingRound &&
                ` — ${t("office.round.statusLine", { status: t(`office.roundStatus.${update.matchingRound.status}` as "office.roundStatus.PENDING"), progress: update.matchingRound.progress })}`}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("office.round.waiting")}</p>
      )}
    </section>
  );
}

function Proposals({ cohortId, proposals, onRule }: { cohortId: string; proposals: Proposal[]; onRule: () => void }) {
  const { t, i18n } = useTranslation();
  const universities = useUniversities();
  const rule = usePairRule(cohortId);
  const [done, setDone] = useState<string | null>(null);
  const add = async (kind: "PIN" | "BAN", proposal: Proposal) => {
    const result = await rule.add(kind, proposal.menteePseudonym, proposal.mentorPseudonym);
    if (!result.error) {
      setDone(t(kind === "PIN" ? "office.round.pinnedPair" : "office.round.bannedPair", { number: proposals.indexOf(proposal) + 1 }));
      onRule();
    }
  };
  return (
    <section aria-labelledby="proposals">
      <h2 id="proposals">{t("office.round.proposals", { count: proposals.length })}</h2>
      <ApiErrors error={rule.error} />
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {proposals.length === 0 && <p>{t("office.round.noProposals")}</p>}
      {proposals.map((proposal, index) => {
        const headingId = `proposal-${index + 1}`;
        return (
          <article key={proposal.id} className="office-card" aria-labelledby={headingId} data-testid="proposal">
            <h3 id={headingId}>{t("office.round.proposal", { number: index + 1, score: formatPoints(proposal.score, i18n.language) })}</h3>
            <dl>
              <dt>{t("role.MENTEE")}</dt>
              <dd>
                <code>{proposal.menteePseudonym}</code> ({universities.get(proposal.menteeNodeId) ?? proposal.menteeNodeId})
              </dd>
              <dt>{t("role.MENTOR")}</dt>
              <dd>
                <code>{proposal.mentorPseudonym}</code> ({universities.get(proposal.mentorNodeId) ?? proposal.mentorNodeId})
              </dd>
              <dt>{t("office.track")}</dt>
              <dd>{proposal.track}</dd>
              <dt>{t("office.round.proposalStatus")}</dt>
              <dd>
                {t(`office.proposalStatus.${proposal.status}` as "office.proposalStatus.PROPOSED")}
                {proposal.pinned && ` (${t("office.round.pinned")})`}
              </dd>
            </dl>
            <table>
              <caption>{t("office.round.breakdown", { number: index + 1 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("office.round.criterion")}</th>
                  <th scope="col">{t("office.round.subScore")}</th>
                  <th scope="col">{t("office.round.weight")}</th>
                  <th scope="col">{t("office.round.points")}</th>
                </tr>
              </thead>
              <tbody>
                {proposal.breakdown.map((part) => (
                  <tr key={part.criterion}>
                    <th scope="row">{t(`office.criterion.${part.criterion}` as "office.criterion.TRACK")}</th>
                    <td>{formatPoints(part.subScore, i18n.language)}</td>
                    <td>{formatPoints(part.weight, i18n.language)}</td>
                    <td>{formatPoints(part.points, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => void add("PIN", proposal)} disabled={rule.fetching}>
              {t("office.round.pin", { number: index + 1 })}
            </button>{" "}
            <button type="button" onClick={() => void add("BAN", proposal)} disabled={rule.fetching}>
              {t("office.round.ban", { number: index + 1 })}
            </button>
          </article>
        );
      })}
    </section>
  );
}

function Unmatched({ unmatched }: { unmatched: Round["unmatched"] }) {
  const { t } = useTranslation();
  const universities = useUniversities();
  return (
    <section aria-labelledby="unmatched">
      <h2 id="unmatched">{t("office.round.unmatched", { count: unmatched.length })}</h2>
      {unmatched.length ? (
        <table data-testid="unmatched">
          <thead>
            <tr>
              <th scope="col">{t("role.MENTEE")}</th>
              <th scope="col">{t("office.node")}</th>
              <th scope="col">{t("office.round.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {unmatched.map((each) => (
              <tr key={each.menteePseudonym}>
                <td>
                  <code>{each.menteePseudonym}</code>
                </td>
                <td>{universities.get(each.menteeNodeId) ?? each.menteeNodeId}</td>
                <td>{t(`office.reason.${each.reason}` as "office.reason.CAPACITY_EXHAUSTED")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("office.round.allMatched")}</p>
      )}
    </section>
  );
}
