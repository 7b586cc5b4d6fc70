/** Kinds of the global ids of matching records: coord:matching-round:<uuid> and so on. */
export const ROUND_KIND = "matching-round";
export const PROPOSAL_KIND = "matching-proposal";
export const PAIR_RULE_KIND = "matching-rule";
