/** Contracts between parties, defined once. No imports: the coordination's solve worker loads this entry on its own. */
export * from "./matching-pseudonym.js";
export * from "./participant-codes.js";
