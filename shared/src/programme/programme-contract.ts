/**
 * The programme journey's contract between the coordination office and the
 * nodes (DESIGN.md §8): cohort states, application statuses, review
 * decisions and the eligibility rules a programme sets. Rules are defined at
 * coordination, travel to the nodes as signed facts, and are evaluated by the
 * applicant's home node, which alone knows degree level and semester.
 */
import { z } from "zod";
import { LANGUAGE_CODE } from "../contracts/participant-codes.js";

/** DRAFT → APPLICATIONS_OPEN → REVIEW → MATCHING → RUNNING → CLOSING → CLOSED. */
export const CohortStates = ["DRAFT", "APPLICATIONS_OPEN", "REVIEW", "MATCHING", "RUNNING", "CLOSING", "CLOSED"] as const;
export type CohortState = (typeof CohortStates)[number];

/** The one state each state moves on to. */
export function nextCohortState(state: CohortState): CohortState | null {
  return CohortStates[CohortStates.indexOf(state) + 1] ?? null;
}

/**
 * An application as its applicant and the pipeline see it: a draft only its
 * author sees; submitted until reviewed; the review's verdict; enrolled or
 * waitlisted by the coordination office within the cohort's quota.
 */
export const ApplicationStatuses = ["DRAFT", "SUBMITTED", "ACCEPTED", "WAITLISTED", "ENROLLED", "REJECTED", "WITHDRAWN"] as const;
export type ApplicationStatus = (typeof ApplicationStatuses)[number];

export const ReviewDecisions = ["ACCEPT", "WAITLIST", "REJECT"] as const;
export type ReviewDecision = (typeof ReviewDecisions)[number];

/** Who reviews a programme's applications: each applicant's home node, or the joint office (with the applicant's consent). */
export const ApplicationReviewers = ["HOME_NODE", "JOINT_OFFICE"] as const;
export type ApplicationReviewer = (typeof ApplicationReviewers)[number];

/** Degree levels a mentee's eligibility is decided on (as nodes record them). */
export const StudentDegreeLevels = ["BACHELOR", "MASTER", "DOCTORAL"] as const;
export type StudentDegreeLevel = (typeof StudentDegreeLevels)[number];

/** Backgrounds a mentor may come from: a professional, or an alumnus of a participating university. */
export const MentorBackgrounds = ["PROFESSIONAL", "ALUMNUS"] as const;
export type MentorBackground = (typeof MentorBackgrounds)[number];

const semester = z.number().int().min(1).max(20);

export const EligibilityRulesSchema = z.strictObject({
  mentee: z.strictObject({
    /** Minimum semester per allowed degree level; 1 = any time. A level not listed may not apply. */
    minSemester: z.partialRecord(z.enum(StudentDegreeLevels), semester),
  }),
  mentor: z.strictObject({
    backgrounds: z.array(z.enum(MentorBackgrounds)).min(1),
    minExperienceYears: z.number().int().min(0).max(60).nullable(),
  }),
  /** The applicant must speak at least one of these (ISO 639-1); empty: no language rule. */
  languages: z.array(z.string().regex(LANGUAGE_CODE)).max(12),
});
export type EligibilityRules = z.infer<typeof EligibilityRulesSchema>;

/** As Career International: bachelor from the 3rd semester, master from the 2nd, doctoral candidates any time; mentors professionals and alumni. */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  mentee: { minSemester: { BACHELOR: 3, MASTER: 2, DOCTORAL: 1 } },
  mentor: { backgrounds: ["PROFESSIONAL", "ALUMNUS"], minExperienceYears: null },
  languages: [],
};

/** What the home node knows of an applicant that the rules decide on. */
export interface Applicant {
  applyingAs: "MENTEE" | "MENTOR";
  /** The node's participant role (MENTEE, MENTOR, ALUMNUS). */
  participantRole: string;
  degreeLevel: string | null;
  semester: number | null;
  experienceYears: number | null;
  languages: readonly string[];
}

/** Codes of the rules, as a refusal names them. */
export const EligibilityRuleCodes = ["mentee.degreeLevel", "mentee.minSemester", "mentor.background", "mentor.minExperienceYears", "languages", "role"] as const;
export type EligibilityRuleCode = (typeof EligibilityRuleCodes)[number];

export type EligibilityVerdict = { eligible: true } | { eligible: false; rule: EligibilityRuleCode; message: string };

const LEVEL_NAMES: Record<StudentDegreeLevel, string> = { BACHELOR: "bachelor students", MASTER: "master students", DOCTORAL: "doctoral candidates" };

/** The first rule an applicant fails, with a sentence that names the rule and the applicant's value. */
export function evaluateEligibility(rules: EligibilityRules, applicant: Applicant): EligibilityVerdict {
  const refused = (rule: EligibilityRuleCode, message: string): EligibilityVerdict => ({ eligible: false, rule, message });
  const verdict = applicant.applyingAs === "MENTEE" ? menteeVerdict(rules, applicant, refused) : mentorVerdict(rules, applicant, refused);
  if (!verdict.eligible) return verdict;
  if (rules.languages.length > 0 && !rules.languages.some((language) => applicant.languages.includes(language))) {
    return refused("languages", `applicants must speak one of ${rules.languages.join(", ")}; your profile lists ${applicant.languages.join(", ") || "no language"}`);
  }
  return verdict;
}

type Refuse = (rule: EligibilityRuleCode, message: string) => EligibilityVerdict;

function menteeVerdict(rules: EligibilityRules, applicant: Applicant, refused: Refuse): EligibilityVerdict {
  if (applicant.participantRole !== "MENTEE") return refused("role", `only mentees may apply as a mentee; you are registered as ${applicant.participantRole.toLowerCase()}`);
  const level = applicant.degreeLevel as StudentDegreeLevel | null;
  const minimum = level === null ? undefined : rules.mentee.minSemester[level];
  if (level === null || minimum === undefined) {
    // in the contract's order, whatever order the rules were written in
    const allowed = StudentDegreeLevels.filter((each) => rules.mentee.minSemester[each] !== undefined).map((each) => LEVEL_NAMES[each]);
    return refused("mentee.degreeLevel", `this programme is open to ${allowed.join(", ") || "no degree level"}; your degree level is ${applicant.degreeLevel?.toLowerCase() ?? "not recorded"}`);
  }
  if (minimum > 1 && (applicant.semester ?? 0) < minimum) {
    const yours = applicant.semester === null ? "your semester is not recorded" : `you are in your ${ordinal(applicant.semester)}`;
    return refused("mentee.minSemester", `${LEVEL_NAMES[level]} may apply from their ${ordinal(minimum)} semester; ${yours}`);
  }
  return { eligible: true };
}

function mentorVerdict(rules: EligibilityRules, applicant: Applicant, refused: Refuse): EligibilityVerdict {
  const background: MentorBackground | null = applicant.participantRole === "ALUMNUS" ? "ALUMNUS" : applicant.participantRole === "MENTOR" ? "PROFESSIONAL" : null;
  if (background === null || !rules.mentor.backgrounds.includes(background)) {
    const allowed = rules.mentor.backgrounds.map((each) => (each === "ALUMNUS" ? "alumni" : "professionals")).join(" and ");
    return refused("mentor.background", `mentors are ${allowed}; you are registered as ${applicant.participantRole.toLowerCase()}`);
  }
  const minimum = rules.mentor.minExperienceYears;
  if (minimum !== null && (applicant.experienceYears ?? 0) < minimum) {
    const yours = applicant.experienceYears === null ? "your experience is not recorded" : `you have ${applicant.experienceYears}`;
    return refused("mentor.minExperienceYears", `mentors need at least ${minimum} years of experience; ${yours}`);
  }
  return { eligible: true };
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}
