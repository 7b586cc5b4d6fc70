import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Matches, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { MAX_PAGE_SIZE } from "@tandem/shared";
import { PSEUDONYM_PATTERN } from "@tandem/shared";

/** Most pseudonyms one re-identification call may name. */
export const MAX_PSEUDONYMS = 1000;

@ArgsType()
export class MatchingProfilesArgs {
  @Field(() => ID, { description: "The coordination office's cohort, e.g. coord:cohort:…." })
  cohortId: string;

  @Field(() => [String], { nullable: true, description: "Only profiles held by these nodes (default: every node)." })
  @IsOptional()
  @ArrayMaxSize(64)
  nodes?: string[];

  @Field(() => Int, { defaultValue: MAX_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge seen." })
  after?: string;
}

@ArgsType()
export class ReidentifyPseudonymsArgs {
  @Field(() => String, { description: "The node whose pseudonyms to re-identify (its coordinators only)." })
  node: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PSEUDONYMS)
  @Matches(PSEUDONYM_PATTERN, { each: true, message: "each pseudonym must be a matching pseudonym (mp1.…)" })
  pseudonyms: string[];
}
