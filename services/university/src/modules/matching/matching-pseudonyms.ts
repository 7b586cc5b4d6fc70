/**
 * Per-cohort matching pseudonyms: `mp1.` + base64url of the first 144 bits
 * of HMAC-SHA256(this node's MATCHING_PSEUDONYM_SECRET, cohortId|participantId).
 * Keyed per cohort, so a person's pseudonyms cannot be linked across
 * cohorts; keyed with a secret only this node holds, so nobody else can
 * reverse or recompute them. They are derived on demand and never stored,
 * so not even a copy of this node's database links them to anyone.
 */
import { createHmac } from "node:crypto";
import { PSEUDONYM_PREFIX } from "@tandem/shared";

/** 18 bytes = 144 bits = 24 base64url characters. */
const PSEUDONYM_BYTES = 18;

export class MatchingPseudonyms {
  constructor(private readonly secret: string) {}

  /** The pseudonym of a participant (global id) in a cohort (global id). */
  of(cohortId: string, participantId: string): string {
    const digest = createHmac("sha256", this.secret).update(`${cohortId}|${participantId}`, "utf8").digest();
    return PSEUDONYM_PREFIX + digest.subarray(0, PSEUDONYM_BYTES).toString("base64url");
  }
}
