/**
 * Where a round's profiles come from. In service: the nodes, through the
 * gateway (gateway-profile-source.ts). In tests: profiles given directly.
 */
import type { MatchingProfile } from "./matching-profile.js";

export interface ProfileRequest {
  /** The cohort's global id (coord:cohort:…), which the nodes key pseudonyms to. */
  cohortId: string;
  /** The programme's participating nodes: every one must answer. */
  nodes: readonly string[];
  /** Aborted when the service stops. */
  signal?: AbortSignal;
}

/** `fetched` profiles of `total` so far. */
export type ProfileProgress = (fetched: number, total: number) => void;

export interface MatchingProfileSource {
  /**
   * Every profile of the cohort the nodes hold. Throws RoundFailure naming
   * the node(s) that could not answer: a round never runs without a node.
   */
  fetchProfiles(request: ProfileRequest, onProgress: ProfileProgress): Promise<MatchingProfile[]>;
}
