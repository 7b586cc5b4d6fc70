/**
 * My matching proposals, pseudonymous as the API gives them: per cohort I
 * consented to joint matching in, my home node's proof that my pseudonym is
 * mine opens my proposals; I accept or decline each.
 */
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { session } from "../../auth/session.js";
import { useTitle } from "../../router.js";
import { formatDateTime } from "../../ui/dates.js";
import { ApiErrors, Loading } from "../../ui/errors.js";
import { Link } from "../../ui/link.js";
import { useUniversities } from "../../ui/universities.js";
import "./participant.css";

const CONSENTS = `query ConsoleMatchingConsents($me: ID!) { matchingConsents(participantId: $me) { cohortId consentedAt } }`;
const PSEUDONYM = `query ConsoleMyPseudonym($cohortId: ID!, $me: ID!) {
  myMatchingPseudonym(cohortId: $cohortId, participantId: $me) { pseudonym proof }
  cohort(id: $cohortId) { id name programme { name } }
}`;
const PROPOSALS = `query ConsoleMyProposals($cohortId: ID!, $proof: String!) {
  myMatchingProposals(cohortId: $cohortId, pseudonymProof: $proof) {
    id menteePseudonym menteeNodeId mentorPseudonym mentorNodeId track score status menteeResponse mentorResponse tandemId createdAt
  }
}`;
const RESPOND = `mutation ConsoleRespondToProposal($id: ID!, $accept: Boolean!, $proof: String!) {
  respondToProposal(proposalId: $id, accept: $accept, pseudonymProof: $proof) { id status menteeResponse mentorResponse tandemId }
}`;

interface Proposal {
  id: string;
  menteePseudonym: string;
  menteeNodeId: string;
  mentorPseudonym: string;
  mentorNodeId: string;
  track: string;
  score: number;
  status: string;
  menteeResponse: string;
  mentorResponse: string;
  tandemId: string | null;
  createdAt: string;
}

export default function ProposalsPage() {
  const { t } = useTranslation();
  useTitle(t("participant.proposals.title"));
  const me = session.user()!.sub;
  const [{ data, error }] = useQuery<{ matchingConsents: { cohortId: string; consentedAt: string }[] | null }>({ query: CONSENTS, variables: { me } });
  const consents = data?.matchingConsents ?? [];
  return (
    <section>
      <h1>{t("participant.proposals.title")}</h1>
      <p>{t("participant.proposals.intro")}</p>
      <ApiErrors error={error} />
      {!data && !error && <Loading />}
      {data && !consents.length && <p>{t("participant.proposals.noConsent")}</p>}
      {consents.map((consent) => (
        <CohortProposals key={consent.cohortId} cohortId={consent.cohortId} me={me} />
      ))}
    </section>
  );
}

function CohortProposals({ cohortId, me }: { cohortId: string; me: string }) {
  const { t } = useTranslation();
  const [pseudonym] = useQuery<{ myMatchingPseudonym: { pseudonym: string; proof: string } | null; cohort: { name: string; programme: { name: string } } | null }>({
    query: PSEUDONYM,
    variables: { cohortId, me },
  });
  const mine = pseudonym.data?.myMatchingPseudonym;
  const [{ data, error }, refetch] = useQuery<{ myMatchingProposals: Proposal[] }>({ query: PROPOSALS, variables: { cohortId, proof: mine?.proof ?? "" }, pause: !mine });
  const [responded, respond] = useMutation(RESPOND);
  const cohort = pseudonym.data?.cohort;
  const label = cohort ? `${cohort.programme.name} ${cohort.name}` : cohortId;
  const answer = async (id: string, accept: boolean) => {
    const result = await respond({ id, accept, proof: mine!.proof });
    if (!result.error) refetch({ requestPolicy: "network-only" });
  };
  return (
    <section aria-labelledby={`cohort-${cohortId}`}>
      <h2 id={`cohort-${cohortId}`}>{label}</h2>
      <ApiErrors error={pseudonym.error ?? error ?? responded.error} />
      {mine && <p>{t("participant.proposals.myPseudonym", { pseudonym: mine.pseudonym })}</p>}
      {data &&
        (data.myMatchingProposals.length ? (
          <ul className="cards" data-testid="proposals">
            {data.myMatchingProposals.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} mine={mine!.pseudonym} busy={responded.fetching} onAnswer={(accept) => void answer(proposal.id, accept)} />
            ))}
          </ul>
        ) : (
          <p>{t("participant.proposals.none")}</p>
        ))}
    </section>
  );
}

function ProposalCard({ proposal, mine, busy, onAnswer }: { proposal: Proposal; mine: string; busy: boolean; onAnswer: (accept: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const universities = useUniversities();
  const side = proposal.menteePseudonym === mine ? "MENTEE" : "MENTOR";
  const myResponse = side === "MENTEE" ? proposal.menteeResponse : proposal.mentorResponse;
  const partnerNode = side === "MENTEE" ? proposal.mentorNodeId : proposal.menteeNodeId;
  const partnerPseudonym = side === "MENTEE" ? proposal.mentorPseudonym : proposal.menteePseudonym;
  const open = myResponse === "PENDING" && proposal.status !== "DECLINED";
  return (
    <li className="card">
      <h3>{t("participant.proposals.proposalOf", { date: formatDateTime(proposal.createdAt, i18n.language) })}</h3>
      <dl>
        <dt>{t("participant.proposals.partner")}</dt>
        <dd>
          {t("participant.proposals.partnerLine", {
            side: t(`side.${side === "MENTEE" ? "MENTOR" : "MENTEE"}`),
            pseudonym: partnerPseudonym,
            university: universities.get(partnerNode) ?? partnerNode,
          })}
        </dd>
        <dt>{t("participant.proposals.track")}</dt>
        <dd>{proposal.track}</dd>
        <dt>{t("participant.proposals.score")}</dt>
        <dd>{proposal.score.toFixed(1)}</dd>
        <dt>{t("participant.proposals.status")}</dt>
        <dd data-testid="proposal-status">{t(`participant.proposalStatus.${proposal.status}`)}</dd>
        <dt>{t("participant.proposals.myAnswer")}</dt>
        <dd>{t(`participant.response.${myResponse}`)}</dd>
      </dl>
      {open && (
        <div>
          <button type="button" disabled={busy} onClick={() => onAnswer(true)}>
            {t("participant.proposals.accept")}
          </button>{" "}
          <button type="button" className="secondary" disabled={busy} onClick={() => onAnswer(false)}>
            {t("participant.proposals.decline")}
          </button>
        </div>
      )}
      {proposal.tandemId && <Link href={`/tandems/${encodeURIComponent(proposal.tandemId)}`}>{t("participant.proposals.toTandem")}</Link>}
    </li>
  );
}
