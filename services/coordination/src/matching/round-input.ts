/**
 * What a round is solved from and what it yields: plain data, so that it
 * crosses into the solve worker by structured clone.
 */
import type { CriterionScore, MatchingWeights } from "./criteria.js";
import type { CrossBorderRule } from "./hard-constraints.js";
import type { MatchingProfile } from "./matching-profile.js";

/** A mentee and a mentor, by their pseudonyms in the cohort. */
export interface PseudonymPair {
  menteePseudonym: string;
  mentorPseudonym: string;
}

export interface RoundInput {
  /** The programme's track codes, in its order. */
  programmeTracks: string[];
  crossBorderRule: CrossBorderRule;
  /** Country of every registered node. */
  nodeCountries: Record<string, string>;
  weights: MatchingWeights;
  /** Most mentees one mentor may have at once (a profile's capacity is cut to it). */
  maxMentorLoad: number;
  profiles: MatchingProfile[];
  /** Coordinator pins: must pair. */
  pins: PseudonymPair[];
  /** Coordinator bans: must not pair. */
  bans: PseudonymPair[];
  /** Pairs who declined a proposal of an earlier round: must not pair again. */
  declined: PseudonymPair[];
  /**
   * Proposals of earlier rounds still open or accepted: kept fixed. Their
   * mentees stay out of this round; their mentors lose a place each.
   */
  held: PseudonymPair[];
}

export type UnmatchedReason = "NO_COMPATIBLE_MENTOR" | "ONLY_CONFLICTED_MENTORS" | "CAPACITY_EXHAUSTED";

export interface ProposedPair {
  menteePseudonym: string;
  menteeNodeId: string;
  mentorPseudonym: string;
  mentorNodeId: string;
  trackCode: string;
  score: number;
  breakdown: CriterionScore[];
  /** Pre-assigned by a coordinator's pin rather than chosen by the solver. */
  pinned: boolean;
}

export interface UnmatchedMentee {
  menteePseudonym: string;
  menteeNodeId: string;
  reason: UnmatchedReason;
}

export interface RoundSolution {
  /** Mentees this round placed or tried to (held ones excluded). */
  menteeCount: number;
  /** Mentors (and alumni) among the profiles. */
  mentorCount: number;
  proposals: ProposedPair[];
  unmatched: UnmatchedMentee[];
  /** Sum of the proposals' scores. */
  totalScore: number;
}
