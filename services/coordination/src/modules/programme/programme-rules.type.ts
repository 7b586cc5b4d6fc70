/**
 * A programme's rules for applications in the graph: typed objects (not
 * JSON) mirroring EligibilityRules of the shared programme contract, which
 * the nodes evaluate.
 */
import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { ApplicationReviewers, MentorBackgrounds, StudentDegreeLevels, type ApplicationReviewer, type EligibilityRules as Rules, type MentorBackground, type StudentDegreeLevel } from "@tandem/shared";
import type { ProgrammeRulesVersionEntity } from "./programme-rules-version.entity.js";
import { CompletionRules } from "../completion/completion-rules.type.js";

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const StudentDegreeLevelEnum = enumOf(StudentDegreeLevels);
registerEnumType(StudentDegreeLevelEnum, { name: "StudentDegreeLevel", description: "Degree levels a mentee's eligibility is decided on." });

export const MentorBackgroundEnum = enumOf(MentorBackgrounds);
registerEnumType(MentorBackgroundEnum, {
  name: "MentorBackground",
  description: "Where a mentor may come from.",
  valuesConfig: { PROFESSIONAL: { description: "A professional (registered as a mentor)." }, ALUMNUS: { description: "An alumnus of a participating university." } },
});

export const ApplicationReviewerEnum = enumOf(ApplicationReviewers);
registerEnumType(ApplicationReviewerEnum, {
  name: "ApplicationReviewer",
  description: "Who reviews a programme's applications: the applicant's home node, or the joint office (with the applicant's consent).",
  valuesConfig: {
    HOME_NODE: { description: "Coordinators of each applicant's home node." },
    JOINT_OFFICE: { description: "The joint coordinators, for every application whose applicant consents to show it to them." },
  },
});

@ObjectType({ description: "The lowest semester from which students of a degree level may apply (1: any time)." })
@Directive("@shareable")
export class DegreeLevelMinimum {
  @Field(() => StudentDegreeLevelEnum)
  degreeLevel: StudentDegreeLevel;

  @Field(() => Int)
  minSemester: number;
}

@ObjectType({ description: "Who may apply as a mentee." })
@Directive("@shareable")
export class MenteeEligibility {
  @Field(() => [DegreeLevelMinimum], { description: "The degree levels that may apply, each with its minimum semester; a level not listed may not apply." })
  minSemester: DegreeLevelMinimum[];
}

@ObjectType({ description: "Who may apply as a mentor." })
@Directive("@shareable")
export class MentorEligibility {
  @Field(() => [MentorBackgroundEnum])
  backgrounds: MentorBackground[];

  @Field(() => Int, { nullable: true, description: "Years of professional experience a mentor needs; null: no minimum." })
  minExperienceYears: number | null;
}

@ObjectType({ description: "A programme's eligibility rules per role, which each applicant's home node evaluates (it alone knows degree level and semester)." })
@Directive("@shareable")
export class EligibilityRules {
  @Field(() => MenteeEligibility)
  mentee: MenteeEligibility;

  @Field(() => MentorEligibility)
  mentor: MentorEligibility;

  @Field(() => [String], { description: "The applicant must speak one of these (ISO 639-1); empty: no language rule." })
  languages: string[];

  static of(rules: Rules): EligibilityRules {
    const levels = StudentDegreeLevels.filter((level) => rules.mentee.minSemester[level] !== undefined);
    return Object.assign(new EligibilityRules(), {
      mentee: Object.assign(new MenteeEligibility(), {
        minSemester: levels.map((degreeLevel) => Object.assign(new DegreeLevelMinimum(), { degreeLevel, minSemester: rules.mentee.minSemester[degreeLevel]! })),
      }),
      mentor: Object.assign(new MentorEligibility(), { backgrounds: [...rules.mentor.backgrounds], minExperienceYears: rules.mentor.minExperienceYears }),
      languages: [...rules.languages],
    });
  }
}

@ObjectType({ description: "One version of a programme's rules for applications; an application records the version it was checked against." })
export class ProgrammeRulesVersion {
  @Field(() => Int)
  version: number;

  @Field(() => EligibilityRules)
  eligibility: EligibilityRules;

  @Field(() => ApplicationReviewerEnum)
  reviewer: ApplicationReviewer;

  @Field(() => [String], { description: "Ids of the nodes taking part under this version." })
  participatingNodeIds: string[];

  @Field(() => [String], { description: "Codes of the programme's tracks under this version." })
  trackCodes: string[];

  @Field(() => CompletionRules, { nullable: true, description: "The completion rules under this version; null: none set." })
  completionRules: CompletionRules | null;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  static fromEntity(entity: ProgrammeRulesVersionEntity): ProgrammeRulesVersion {
    return Object.assign(new ProgrammeRulesVersion(), {
      version: entity.version,
      eligibility: EligibilityRules.of(entity.eligibility),
      reviewer: entity.reviewer,
      participatingNodeIds: entity.participatingNodeIds,
      trackCodes: entity.trackCodes,
      completionRules: entity.completion ? CompletionRules.of(entity.completion) : null,
      createdAt: entity.createdAt,
    });
  }
}
