/**
 * A node's per-cohort matching pseudonym: `mp1.` + 24 base64url characters.
 * The node derives it (its matching-pseudonyms.ts); every other party only
 * checks its shape and stores it.
 */
export const PSEUDONYM_PREFIX = "mp1.";
export const PSEUDONYM_PATTERN = /^mp1\.[A-Za-z0-9_-]{24}$/;
/** Column width for pseudonyms (28 characters today; room for a longer future version). */
export const PSEUDONYM_MAX_LENGTH = 40;
