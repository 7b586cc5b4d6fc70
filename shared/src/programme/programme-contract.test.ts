import { describe, expect, it } from "vitest";
import { DEFAULT_ELIGIBILITY_RULES, evaluateEligibility, nextCohortState, type Applicant, type EligibilityRules } from "./programme-contract.js";

const mentee = (degreeLevel: string | null, semester: number | null): Applicant => ({
  applyingAs: "MENTEE",
  participantRole: "MENTEE",
  degreeLevel,
  semester,
  experienceYears: null,
  languages: ["de", "en"],
});
const mentor = (participantRole: string, experienceYears: number | null): Applicant => ({
  applyingAs: "MENTOR",
  participantRole,
  degreeLevel: "PROFESSIONAL",
  semester: null,
  experienceYears,
  languages: ["fr"],
});

describe("eligibility under the default rules (Career International's)", () => {
  it.each([
    ["bachelor, 2nd semester", mentee("BACHELOR", 2), "mentee.minSemester", "bachelor students may apply from their 3rd semester; you are in your 2nd"],
    ["bachelor, 3rd semester", mentee("BACHELOR", 3), null, null],
    ["master, 1st semester", mentee("MASTER", 1), "mentee.minSemester", "master students may apply from their 2nd semester; you are in your 1st"],
    ["master, 2nd semester", mentee("MASTER", 2), null, null],
    ["doctoral, 1st semester", mentee("DOCTORAL", 1), null, null],
    ["doctoral, semester unknown", mentee("DOCTORAL", null), null, null],
    ["bachelor, semester unknown", mentee("BACHELOR", null), "mentee.minSemester", "bachelor students may apply from their 3rd semester; your semester is not recorded"],
    ["mentee without a degree level", mentee(null, 4), "mentee.degreeLevel", "this programme is open to bachelor students, master students, doctoral candidates; your degree level is not recorded"],
    ["a professional mentor (no degree rule)", mentor("MENTOR", null), null, null],
    ["an alumnus mentor", mentor("ALUMNUS", 3), null, null],
    ["a mentee applying as mentor", { ...mentor("MENTEE", null) }, "mentor.background", "mentors are professionals and alumni; you are registered as mentee"],
  ])("%s", (_name, applicant, rule, message) => {
    const verdict = evaluateEligibility(DEFAULT_ELIGIBILITY_RULES, applicant);
    if (rule === null) expect(verdict).toEqual({ eligible: true });
    else expect(verdict).toEqual({ eligible: false, rule, message });
  });
});

describe("eligibility under a programme's own rules", () => {
  const rules: EligibilityRules = {
    mentee: { minSemester: { MASTER: 1, DOCTORAL: 1 } },
    mentor: { backgrounds: ["PROFESSIONAL"], minExperienceYears: 5 },
    languages: ["fr", "lb"],
  };

  it("refuses a degree level the programme does not list, naming the levels it does", () => {
    expect(evaluateEligibility(rules, mentee("BACHELOR", 6))).toEqual({
      eligible: false,
      rule: "mentee.degreeLevel",
      message: "this programme is open to master students, doctoral candidates; your degree level is bachelor",
    });
  });

  it("refuses mentors below the minimum experience and alumni when only professionals mentor", () => {
    expect(evaluateEligibility(rules, mentor("MENTOR", 4))).toMatchObject({ rule: "mentor.minExperienceYears", message: "mentors need at least 5 years of experience; you have 4" });
    expect(evaluateEligibility(rules, mentor("MENTOR", 5))).toEqual({ eligible: true });
    expect(evaluateEligibility(rules, mentor("ALUMNUS", 20))).toMatchObject({ rule: "mentor.background", message: "mentors are professionals; you are registered as alumnus" });
  });

  it("requires one of the programme's languages", () => {
    expect(evaluateEligibility(rules, mentee("MASTER", 1))).toEqual({
      eligible: false,
      rule: "languages",
      message: "applicants must speak one of fr, lb; your profile lists de, en",
    });
  });
});

describe("cohort states", () => {
  it("move on one at a time and end at CLOSED", () => {
    const seen = ["DRAFT"];
    let state = nextCohortState("DRAFT");
    while (state) {
      seen.push(state);
      state = nextCohortState(state);
    }
    expect(seen).toEqual(["DRAFT", "APPLICATIONS_OPEN", "REVIEW", "MATCHING", "RUNNING", "CLOSING", "CLOSED"]);
  });
});

describe("a refusal's wording", () => {
  it("lists the allowed degree levels in the contract's order, whatever order the rules were written in", () => {
    const reordered: EligibilityRules = { ...DEFAULT_ELIGIBILITY_RULES, mentee: { minSemester: { DOCTORAL: 1, BACHELOR: 3 } } };
    expect(evaluateEligibility(reordered, mentee("MASTER", 3))).toMatchObject({ message: "this programme is open to bachelor students, doctoral candidates; your degree level is master" });
  });
});
