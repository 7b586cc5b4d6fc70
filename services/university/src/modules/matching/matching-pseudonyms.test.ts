import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PSEUDONYM_PATTERN } from "@tandem/shared";
import { MatchingPseudonyms } from "./matching-pseudonyms.js";

const SECRET = "node-pseudonym-key-for-unit-tests-0123456789abcdef";
const COHORT = "coord:cohort:00000000-0000-4000-8000-00000000c001";
const PERSON = "hst:participant:00000000-0000-4000-8000-000000000001";

describe("matching pseudonyms", () => {
  const pseudonyms = new MatchingPseudonyms(SECRET);

  it("are mp1. and 144 bits of HMAC-SHA256(node key, cohort|participant)", () => {
    const expected = createHmac("sha256", SECRET).update(`${COHORT}|${PERSON}`).digest().subarray(0, 18).toString("base64url");
    expect(pseudonyms.of(COHORT, PERSON)).toBe(`mp1.${expected}`);
    expect(pseudonyms.of(COHORT, PERSON)).toMatch(PSEUDONYM_PATTERN);
  });

  it("are stable per cohort, differ across cohorts, people and node keys", () => {
    const other = "coord:cohort:00000000-0000-4000-8000-00000000c002";
    expect(pseudonyms.of(COHORT, PERSON)).toBe(pseudonyms.of(COHORT, PERSON));
    expect(pseudonyms.of(other, PERSON)).not.toBe(pseudonyms.of(COHORT, PERSON));
    expect(pseudonyms.of(COHORT, PERSON.replace(/1$/, "2"))).not.toBe(pseudonyms.of(COHORT, PERSON));
    expect(new MatchingPseudonyms(`${SECRET}-rotated`).of(COHORT, PERSON)).not.toBe(pseudonyms.of(COHORT, PERSON));
  });
});
