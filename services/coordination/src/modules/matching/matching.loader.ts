import DataLoader from "dataloader";
import { createGroupedLoader } from "@tandem/party";
import type { MatchingWeights } from "../../matching/criteria.js";
import type { MatchingPairRuleService } from "./matching-pair-rule.service.js";
import type { MatchingRoundService } from "./matching-round.service.js";
import type { MatchingWeightsService } from "./matching-weights.service.js";

/** Weights per programme local id (the defaults when it set none), one query per batch. */
export function createMatchingWeightsLoader(service: MatchingWeightsService) {
  return new DataLoader<string, MatchingWeights>((ids) => service.ofProgrammes(ids));
}

/** Pins and bans per cohort local id, one query per batch. */
export function createPairRulesByCohortLoader(service: MatchingPairRuleService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.byCohorts(ids),
    (row) => row.cohortId,
  );
}

/** Proposals per round local id, best first, one query per batch. */
export function createProposalsByRoundLoader(service: MatchingRoundService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.proposalsOf(ids),
    (row) => row.roundId,
  );
}

/** Unmatched mentees per round local id, one query per batch. */
export function createUnmatchedByRoundLoader(service: MatchingRoundService) {
  return createGroupedLoader(
    (ids: readonly string[]) => service.unmatchedOf(ids),
    (row) => row.roundId,
  );
}
