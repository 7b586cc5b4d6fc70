/** The re-match pool as the office's rounds show it (pseudonyms only). */

export interface RoundOutcome {
  proposals: { menteePseudonym: string; menteeNodeId: string; status: string; releasedAt: string | null }[];
  unmatched: { menteePseudonym: string; menteeNodeId: string; reason: string }[];
}

const HELD = new Set(["PROPOSED", "ACCEPTED_BY_MENTEE", "ACCEPTED_BY_MENTOR", "ACCEPTED"]);

/** Mentees without an open or accepted proposal whom a round left unmatched or whose proposal was declined or released (`why`: a catalog key): what a REMATCH_POOL round places. */
export function rematchPool(rounds: readonly RoundOutcome[]): { menteePseudonym: string; menteeNodeId: string; why: string }[] {
  const held = new Set(rounds.flatMap((round) => round.proposals.filter((each) => HELD.has(each.status) && !each.releasedAt).map((each) => each.menteePseudonym)));
  const pool = new Map<string, { menteePseudonym: string; menteeNodeId: string; why: string }>();
  // oldest round first, so the newest reason stays
  for (const round of [...rounds].reverse()) {
    for (const each of round.unmatched) pool.set(each.menteePseudonym, { menteePseudonym: each.menteePseudonym, menteeNodeId: each.menteeNodeId, why: `office.reason.${each.reason}` });
    for (const each of round.proposals)
      if (each.status === "DECLINED" || each.releasedAt)
        pool.set(each.menteePseudonym, { menteePseudonym: each.menteePseudonym, menteeNodeId: each.menteeNodeId, why: each.releasedAt ? "office.pool.released" : "office.pool.declined" });
  }
  return [...pool.values()].filter((each) => !held.has(each.menteePseudonym));
}
