import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import { LANGUAGE_RULE, NODE_ID_PATTERN, SUPPORTED_LANGUAGES } from "@tandem/shared";

export const MAX_QUOTA = 1000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CohortQuotaInput {
  @Field(() => String, { description: "A participating node of the programme." })
  @Matches(NODE_ID_PATTERN, { message: "must be 2–16 lowercase letters or digits" })
  nodeId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  mentees: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  mentors: number;
}

@InputType({ description: "A cohort's name in another language than its own." })
export class CohortTranslationInput {
  @Field(() => String, { description: `One of ${SUPPORTED_LANGUAGES.join(", ")}.` })
  @IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })
  language: string;

  @Field(() => String)
  @Length(2, 200)
  name: string;
}

@InputType()
export class CreateCohortInput {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  programmeId: string;

  @Field(() => String)
  @Length(2, 200)
  name: string;

  @Field(() => String, { defaultValue: "en", description: `The language the name is written in: one of ${SUPPORTED_LANGUAGES.join(", ")}.` })
  @IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })
  language: string;

  @Field(() => [CohortTranslationInput], { defaultValue: [], description: "The name in other languages (each at most once, not the own language)." })
  @ArrayMaxSize(SUPPORTED_LANGUAGES.length)
  @ValidateNested({ each: true })
  translations: CohortTranslationInput[];

  @Field(() => LocalDateResolver)
  @Matches(LOCAL_DATE, { message: "must be a date such as 2026-10-01" })
  startsOn: string;

  @Field(() => LocalDateResolver)
  @Matches(LOCAL_DATE, { message: "must be a date such as 2026-10-01" })
  endsOn: string;

  @Field(() => [CohortQuotaInput], { description: "Places per participating node; a node left out has none." })
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  quotas: CohortQuotaInput[];

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When applications open (with applicationsCloseAt); required before the cohort opens applications." })
  @IsOptional()
  @IsDate()
  applicationsOpenAt?: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When applications close; after applicationsOpenAt." })
  @IsOptional()
  @IsDate()
  applicationsCloseAt?: Date | null;
}

/**
 * What a joint coordinator changes of a cohort: an omitted field keeps its
 * value. The window may be moved (or, in DRAFT, cleared with two nulls)
 * while the cohort is DRAFT or APPLICATIONS_OPEN; quotas until it runs.
 */
@InputType()
export class UpdateCohortInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: "The language the name is written in." })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })
  language?: string;

  @Field(() => [CohortTranslationInput], { nullable: true, description: "The whole list of translations (an empty list removes them)." })
  @IsOptional()
  @ArrayMaxSize(SUPPORTED_LANGUAGES.length)
  @ValidateNested({ each: true })
  translations?: CohortTranslationInput[];

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: "must be a date such as 2026-10-01" })
  startsOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: "must be a date such as 2026-10-01" })
  endsOn?: string;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @IsOptional()
  @IsDate()
  applicationsOpenAt?: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @IsOptional()
  @IsDate()
  applicationsCloseAt?: Date | null;

  @Field(() => [CohortQuotaInput], { nullable: true, description: "The whole list; no node's places may drop below its active enrolments of the role." })
  @IsOptional()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  quotas?: CohortQuotaInput[];
}

export const NON_NULLABLE_COHORT_FIELDS = ["name", "language", "translations", "startsOn", "endsOn", "quotas"] as const;
