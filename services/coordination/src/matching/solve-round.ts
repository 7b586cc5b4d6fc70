/**
 * One matching round, start to finish, on plain data (the solve worker runs
 * it off the service's event loop):
 *  1. mentees and mentors from the profiles (alumni mentor); a mentor's
 *     places are their profile capacity (1 when unset) cut to the office's
 *     per-mentor tandem limit, minus proposals of earlier rounds kept fixed;
 *  2. pins pre-assigned (pins.ts) and removed from the problem;
 *  3. every other pair scored (criteria.ts) or forbidden (null) by the hard
 *     constraints, coordinator bans and pairs who declined each other;
 *  4. solved optimally: the most matched mentees, then the highest total;
 *  5. every mentee left over gets the reason it was.
 */
import { pairBreakdown, pairScore } from "./criteria.js";
import { compatible, conflicted, pairTrack, prepareProfiles, type PreparedProfile } from "./hard-constraints.js";
import { applyPins, pairKey, type PinnedPair } from "./pins.js";
import type { ProposedPair, RoundInput, RoundSolution, UnmatchedMentee, UnmatchedReason } from "./round-input.js";
import { solveAssignment } from "./solver/index.js";

/** Progress of the build, 0..1, reported about every 2 %. */
export type BuildProgress = (fraction: number) => void;

/** A mentor without a capacity in their profile takes one mentee. */
export const DEFAULT_MENTOR_CAPACITY = 1;

export function solveRound(input: RoundInput, onProgress: BuildProgress = () => {}): RoundSolution {
  const { mentees, mentors } = prepareProfiles(input.profiles, input.programmeTracks, input.nodeCountries);
  const mentorIndex = new Map(mentors.map((mentor, index) => [mentor.profile.pseudonym, index]));
  const capacity = Int32Array.from(mentors, (mentor) => Math.min(mentor.profile.mentorCapacity ?? DEFAULT_MENTOR_CAPACITY, input.maxMentorLoad));
  const held = new Set(input.held.map((pair) => pair.menteePseudonym));
  for (const pair of input.held) {
    const index = mentorIndex.get(pair.mentorPseudonym);
    if (index !== undefined) capacity[index] = Math.max(0, capacity[index]! - 1);
  }
  const declined = new Set(input.declined.map((pair) => pairKey(pair.menteePseudonym, pair.mentorPseudonym)));
  const pinned = applyPins(input.pins, {
    rule: input.crossBorderRule,
    menteesByPseudonym: new Map(mentees.map((mentee) => [mentee.profile.pseudonym, mentee])),
    mentorIndex,
    mentors,
    held,
    declined,
    capacity,
  });
  const pinnedMentees = new Set(pinned.map((pair) => pair.mentee.profile.pseudonym));
  const open = mentees.filter((mentee) => !held.has(mentee.profile.pseudonym) && !pinnedMentees.has(mentee.profile.pseudonym));
  const banned = new Set([...declined, ...input.bans.map((pair) => pairKey(pair.menteePseudonym, pair.mentorPseudonym))]);

  const { score, reasonIfUnmatched } = scoreMatrix(input, open, mentors, banned, onProgress);
  const result = solveAssignment({
    mentees: open.map((mentee) => mentee.profile.pseudonym),
    mentors: mentors.map((mentor, j) => ({ id: mentor.profile.pseudonym, capacity: Math.max(0, capacity[j]!) })),
    score,
  });

  const proposals = pinned.map((pair) => propose(input, pair, true));
  const openByPseudonym = new Map(open.map((mentee) => [mentee.profile.pseudonym, mentee]));
  const matched = new Set<string>();
  for (const [menteePseudonym, mentorPseudonym] of result.pairs) {
    matched.add(menteePseudonym);
    proposals.push(propose(input, { mentee: openByPseudonym.get(menteePseudonym)!, mentor: mentors[mentorIndex.get(mentorPseudonym)!]! }, false));
  }
  const unmatched: UnmatchedMentee[] = open.flatMap((mentee, i) =>
    matched.has(mentee.profile.pseudonym) ? [] : [{ menteePseudonym: mentee.profile.pseudonym, menteeNodeId: mentee.profile.nodeId, reason: reasonIfUnmatched[i]! }],
  );
  return {
    menteeCount: open.length + pinned.length,
    mentorCount: mentors.length,
    proposals,
    unmatched,
    // to a millionth, as a total should read (a binary sum of 9.1667, 6.5833… shows 66.16669999999999)
    totalScore: Math.round(proposals.reduce((sum, proposal) => sum + proposal.score, 0) * 1e6) / 1e6,
  };
}

/**
 * The solver's score matrix for the open mentees, and for each the reason it
 * would stay unmatched (judged against every mentor, full ones included):
 * no mentor passes track, language and cross-border rule; those who do all
 * share a conflict token or are banned; or their places went to others.
 */
function scoreMatrix(input: RoundInput, mentees: readonly PreparedProfile[], mentors: readonly PreparedProfile[], banned: ReadonlySet<string>, onProgress: BuildProgress) {
  const score: (number | null)[][] = [];
  const reasonIfUnmatched: UnmatchedReason[] = [];
  const step = Math.max(1, Math.ceil(mentees.length / 50));
  for (let i = 0; i < mentees.length; i++) {
    const mentee = mentees[i]!;
    const row: (number | null)[] = new Array(mentors.length).fill(null);
    let anyCompatible = false;
    let anyFree = false;
    for (let j = 0; j < mentors.length; j++) {
      const mentor = mentors[j]!;
      if (!compatible(input.crossBorderRule, mentee, mentor)) continue;
      anyCompatible = true;
      if (conflicted(mentee, mentor) || banned.has(pairKey(mentee.profile.pseudonym, mentor.profile.pseudonym))) continue;
      anyFree = true;
      row[j] = pairScore(mentee, mentor, input.weights);
    }
    score.push(row);
    reasonIfUnmatched.push(!anyCompatible ? "NO_COMPATIBLE_MENTOR" : !anyFree ? "ONLY_CONFLICTED_MENTORS" : "CAPACITY_EXHAUSTED");
    if ((i + 1) % step === 0) onProgress((i + 1) / mentees.length);
  }
  onProgress(1);
  return { score, reasonIfUnmatched };
}

function propose(input: RoundInput, { mentee, mentor }: PinnedPair, pinned: boolean): ProposedPair {
  const { score, breakdown } = pairBreakdown(mentee, mentor, input.weights);
  return {
    menteePseudonym: mentee.profile.pseudonym,
    menteeNodeId: mentee.profile.nodeId,
    mentorPseudonym: mentor.profile.pseudonym,
    mentorNodeId: mentor.profile.nodeId,
    trackCode: pairTrack(mentee, mentor, input.programmeTracks),
    score,
    breakdown,
    pinned,
  };
}
