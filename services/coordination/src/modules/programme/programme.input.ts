import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LANGUAGE_RULE, NODE_ID_PATTERN, SUPPORTED_LANGUAGES, TRACK_CODE, type ApplicationReviewer } from "@tandem/shared";
import { CrossBorderRuleEnum } from "./programme.type.js";
import type { CrossBorderRule } from "./programme.entity.js";
import { EligibilityRulesInput } from "./programme-rules.input.js";
import { ApplicationReviewerEnum } from "./programme-rules.type.js";

export const MAX_TRACKS = 20;

@InputType({ description: "A track's name in another language than the programme's own." })
export class TrackTranslationInput {
  @Field(() => String, { description: `One of ${SUPPORTED_LANGUAGES.join(", ")}.` })
  @IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })
  language: string;

  @Field(() => String)
  @Length(2, 200)
  name: string;
}

@InputType({ description: "A programme's name and description in another language than its own." })
export class ProgrammeTranslationInput {
  @Field(() => String, { description: `One of ${SUPPORTED_LANGUAGES.join(", ")}.` })
  @IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })
  language: string;

  @Field(() => String)
  @Length(3, 200)
  name: string;

  @Field(() => String, { defaultValue: "" })
  @MaxLength(5000)
  description: string;
}

@InputType()
export class TrackInput {
  @Field(() => String, { description: "Lowercase code, e.g. health." })
  @Matches(TRACK_CODE, { message: "must be a lowercase code such as health" })
  code: string;

  @Field(() => String, { description: "In the programme's language." })
  @Length(2, 200)
  name: string;

  @Field(() => [TrackTranslationInput], { defaultValue: [], description: "The name in other languages (each at most once, not the programme's own)." })
  @ArrayMaxSize(SUPPORTED_LANGUAGES.length)
  @ValidateNested({ each: true })
  translations: TrackTranslationInput[];
}

@InputType()
export class CreateProgrammeInput {
  @Field(() => String)
  @Length(3, 200)
  name: string;

  @Field(() => String, { defaultValue: "" })
  @MaxLength(5000)
  description: string;

  @Field(() => String, { defaultValue: "en", description: `The language name, description and track names are written in: one of ${SUPPORTED_LANGUAGES.join(", ")}.` })
  @IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })
  language: string;

  @Field(() => [ProgrammeTranslationInput], { defaultValue: [], description: "Name and description in other languages (each at most once, not the own language)." })
  @ArrayMaxSize(SUPPORTED_LANGUAGES.length)
  @ValidateNested({ each: true })
  translations: ProgrammeTranslationInput[];

  @Field(() => [TrackInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TRACKS)
  @ValidateNested({ each: true })
  tracks: TrackInput[];

  @Field(() => [String], { description: "Registry ids of the participating nodes." })
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @Matches(NODE_ID_PATTERN, { each: true, message: "each node id must be 2–16 lowercase letters or digits" })
  participatingNodeIds: string[];

  @Field(() => CrossBorderRuleEnum, { defaultValue: CrossBorderRuleEnum.NONE })
  @IsIn(Object.values(CrossBorderRuleEnum))
  crossBorderRule: CrossBorderRule;

  @Field(() => EligibilityRulesInput, {
    nullable: true,
    description: "Who may apply; omitted: bachelor students from their 3rd semester, master students from their 2nd, doctoral candidates any time; professionals and alumni as mentors.",
  })
  eligibility?: EligibilityRulesInput | null;

  @Field(() => ApplicationReviewerEnum, { defaultValue: ApplicationReviewerEnum.HOME_NODE })
  @IsIn(Object.values(ApplicationReviewerEnum))
  reviewer: ApplicationReviewer;
}

/** What a joint coordinator changes of a programme: an omitted field keeps its value (none may be null). */
@InputType()
export class UpdateProgrammeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string;

  @Field(() => String, { nullable: true, description: "The language name, description and track names are written in." })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })
  language?: string;

  @Field(() => [ProgrammeTranslationInput], { nullable: true, description: "The whole list of translations (an empty list removes them)." })
  @IsOptional()
  @ArrayMaxSize(SUPPORTED_LANGUAGES.length)
  @ValidateNested({ each: true })
  translations?: ProgrammeTranslationInput[];

  @Field(() => [TrackInput], { nullable: true, description: "The whole list, in order; a track still named by an active enrolment cannot be left out." })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TRACKS)
  @ValidateNested({ each: true })
  tracks?: TrackInput[];

  @Field(() => [String], { nullable: true, description: "The whole list; a node with active enrolments in an open cohort cannot be left out. Removed nodes are told they are out." })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @Matches(NODE_ID_PATTERN, { each: true, message: "each node id must be 2–16 lowercase letters or digits" })
  participatingNodeIds?: string[];

  @Field(() => CrossBorderRuleEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CrossBorderRuleEnum))
  crossBorderRule?: CrossBorderRule;

  @Field(() => EligibilityRulesInput, { nullable: true, description: "The whole set of rules (see EligibilityRulesInput)." })
  eligibility?: EligibilityRulesInput;

  @Field(() => ApplicationReviewerEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ApplicationReviewerEnum))
  reviewer?: ApplicationReviewer;
}

export const UPDATABLE_PROGRAMME_FIELDS = ["name", "description", "language", "translations", "tracks", "participatingNodeIds", "crossBorderRule", "eligibility", "reviewer"] as const;
