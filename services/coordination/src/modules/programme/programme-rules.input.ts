/**
 * A programme's eligibility rules as a client sends them, and their check
 * against the shared contract's schema (EligibilityRulesSchema): each
 * problem is BAD_USER_INPUT naming the input field it is about.
 */
import { Field, InputType, Int } from "type-graphql";
import { AppError, EligibilityRulesSchema, ErrorCode, type EligibilityRules, type MentorBackground, type StudentDegreeLevel } from "@tandem/shared";
import { MentorBackgroundEnum, StudentDegreeLevelEnum } from "./programme-rules.type.js";

@InputType()
export class DegreeLevelMinimumInput {
  @Field(() => StudentDegreeLevelEnum)
  degreeLevel: StudentDegreeLevel;

  @Field(() => Int, { description: "1–20; 1: any time." })
  minSemester: number;
}

@InputType()
export class MenteeEligibilityInput {
  @Field(() => [DegreeLevelMinimumInput], { description: "Each degree level that may apply, once, with its minimum semester." })
  minSemester: DegreeLevelMinimumInput[];
}

@InputType()
export class MentorEligibilityInput {
  @Field(() => [MentorBackgroundEnum], { description: "At least one." })
  backgrounds: MentorBackground[];

  @Field(() => Int, { nullable: true, defaultValue: null, description: "0–60 years; null: no minimum." })
  minExperienceYears: number | null;
}

@InputType({ description: "A programme's eligibility rules: the whole set (what is left out is not allowed)." })
export class EligibilityRulesInput {
  @Field(() => MenteeEligibilityInput)
  mentee: MenteeEligibilityInput;

  @Field(() => MentorEligibilityInput)
  mentor: MentorEligibilityInput;

  @Field(() => [String], { defaultValue: [], description: "ISO 639-1 codes, at most 12; empty: no language rule." })
  languages: string[];
}

type Problem = { field: string; reasons: string[] };

/** The rules the input states, checked against the contract's schema; `field` prefixes every path named. */
export function eligibilityRulesFrom(input: EligibilityRulesInput, field: string): EligibilityRules {
  const problems: Problem[] = [];
  const levels = input.mentee.minSemester.map((entry) => entry.degreeLevel);
  levels.forEach((level, index) => {
    if (levels.indexOf(level) !== index) problems.push({ field: `${field}.mentee.minSemester.${index}.degreeLevel`, reasons: [`${level} is listed twice`] });
  });
  const candidate = {
    mentee: { minSemester: Object.fromEntries(input.mentee.minSemester.map((entry) => [entry.degreeLevel, entry.minSemester])) },
    mentor: { backgrounds: input.mentor.backgrounds, minExperienceYears: input.mentor.minExperienceYears ?? null },
    languages: input.languages,
  };
  const parsed = EligibilityRulesSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ field: `${field}.${inputPath(issue.path, levels)}`, reasons: [issue.message] });
  }
  if (problems.length > 0 || !parsed.success) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, problems.map((problem) => `${problem.field}: ${problem.reasons.join(", ")}`).join("; "), { field: problems[0]!.field, fields: problems });
  }
  return parsed.data;
}

/** A schema path as the input names it: a degree level's minimum is an entry of the input's list. */
function inputPath(path: readonly PropertyKey[], levels: readonly string[]): string {
  const [section, key, level] = path.map(String);
  if (section === "mentee" && key === "minSemester" && level !== undefined) return `mentee.minSemester.${levels.indexOf(level)}.minSemester`;
  return path.map(String).join(".");
}
