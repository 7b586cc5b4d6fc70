/**
 * Mediation and re-matching (DESIGN.md §8), as the people involved go
 * through it: the mentee of a tandem in trouble opens a mediation case at
 * the coordination office; the joint office, mediating, resolves it RE_MATCH,
 * which closes the tandem; the mentee and a mentor with a free place consent
 * to joint matching for the cohort, each at home; a REMATCH_POOL round
 * proposes them; both accept, each with their home node's pseudonym proof,
 * and the new tandem exists.
 *
 * The demo's tandems were proposed by hand, not by a round, so the RE_MATCH
 * releases no proposal: nothing bans the old pair from a round. The old
 * mentor does not consent, so the round cannot propose them.
 */
import type { SeedActors } from "./actors.js";
import type { DirectoryEntry } from "./node-seeder.js";
import type { SeedTandem } from "./tandem-journey.js";
import type { RematchSeed } from "./types.js";
import { until } from "./waiting.js";

const OPEN_CASE = `mutation SeedMediationCase($input: OpenMediationCaseInput!) { openMediationCase(input: $input) { id } }`;
const RESOLVE_CASE = `mutation SeedMediationOutcome($id: ID!) { resolveMediationCase(id: $id, outcome: RE_MATCH) { outcome } }`;
const CONSENT = `mutation SeedRematchConsent($cohortId: ID!, $participantId: ID!) { consentToMatching(cohortId: $cohortId, participantId: $participantId) { cohortId } }`;
const START_ROUND = `mutation SeedRematchRound($cohortId: ID!) { startMatchingRound(cohortId: $cohortId, scope: REMATCH_POOL) { id } }`;
const ROUND = `query SeedRematchRoundState($id: ID!) { matchingRound(id: $id) { status error proposals { id } unmatched { reason } } }`;
const PSEUDONYM = `query SeedPseudonym($cohortId: ID!, $participantId: ID!) { myMatchingPseudonym(cohortId: $cohortId, participantId: $participantId) { proof } }`;
const RESPOND = `mutation SeedProposalAnswer($proposalId: ID!, $proof: String!) { respondToProposal(proposalId: $proposalId, accept: true, pseudonymProof: $proof) { status tandemId } }`;

type Round = { status: string; error: string | null; proposals: { id: string }[]; unmatched: { reason: string }[] };

/** The mentee's case, resolved RE_MATCH (the tandem closes DISSOLVED_BY_MEDIATION). */
export async function mediateToRematch(actors: SeedActors, tandem: SeedTandem, rematch: RematchSeed): Promise<void> {
  const { openMediationCase } = await as(actors, tandem.mentee)<{ openMediationCase: { id: string } }>(OPEN_CASE, {
    input: { tandemId: tandem.id, concern: rematch.concern, mediator: "JOINT_OFFICE" },
  });
  await actors.jointCoordinator()(RESOLVE_CASE, { id: openMediationCase.id });
}

/** The mentee and the new mentor consent, a REMATCH_POOL round proposes them, both accept: the new tandem (ACCEPTED). */
export async function rematch(actors: SeedActors, cohortId: string, mentee: DirectoryEntry, mentor: DirectoryEntry): Promise<SeedTandem> {
  for (const person of [mentee, mentor]) await as(actors, person)(CONSENT, { cohortId, participantId: person.id });
  const joint = actors.jointCoordinator();
  const { startMatchingRound } = await joint<{ startMatchingRound: { id: string } }>(START_ROUND, { cohortId });
  const round = await until(
    `re-match round ${startMatchingRound.id} to end`,
    async () => (await joint<{ matchingRound: Round }>(ROUND, { id: startMatchingRound.id })).matchingRound,
    (state) => state.status === "SOLVED" || state.status === "FAILED",
  );
  if (round.status !== "SOLVED" || round.proposals.length !== 1) {
    throw new Error(`The re-match round was to propose ${mentee.displayName} and ${mentor.displayName} only; it ended ${JSON.stringify(round)}`);
  }
  let tandemId: string | null = null;
  for (const person of [mentee, mentor]) {
    const self = as(actors, person);
    const { myMatchingPseudonym } = await self<{ myMatchingPseudonym: { proof: string } }>(PSEUDONYM, { cohortId, participantId: person.id });
    const answer = await self<{ respondToProposal: { status: string; tandemId: string | null } }>(RESPOND, { proposalId: round.proposals[0]!.id, proof: myMatchingPseudonym.proof });
    tandemId = answer.respondToProposal.tandemId;
  }
  if (!tandemId) throw new Error(`${mentee.displayName} and ${mentor.displayName} both accepted the re-match proposal, yet no tandem came of it`);
  return { id: tandemId, mentee, mentor };
}

function as(actors: SeedActors, person: DirectoryEntry) {
  return actors.participant(person.id, person.role);
}
