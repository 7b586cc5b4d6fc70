import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { MAX_PAGE_SIZE, PSEUDONYM_PATTERN } from "@tandem/shared";
import { pageArgs } from "@tandem/party";

/** Most pseudonyms one re-identification call may name. */
export const MAX_PSEUDONYMS = 1000;

@ArgsType()
export class MatchingProfilesArgs extends pageArgs(MAX_PAGE_SIZE) {
  @Field(() => ID, { description: "The coordination office's cohort, e.g. coord:cohort:…." })
  cohortId: string;

  @Field(() => [String], { nullable: true, description: "Only profiles held by these nodes (default: every node)." })
  @IsOptional()
  @ArrayMaxSize(64)
  nodes?: string[];
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
