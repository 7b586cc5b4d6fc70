import { Matches, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PSEUDONYM_PATTERN } from "@tandem/shared";
import { MAX_ID_LENGTH } from "../common/ids.js";

const PSEUDONYM_MESSAGE = "must be a matching pseudonym (mp1.…)";

@ArgsType()
export class PairRuleArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => String, { description: "The mentee's matching pseudonym in the cohort (mp1.…)." })
  @Matches(PSEUDONYM_PATTERN, { message: PSEUDONYM_MESSAGE })
  menteePseudonym: string;

  @Field(() => String, { description: "The mentor's matching pseudonym in the cohort (mp1.…)." })
  @Matches(PSEUDONYM_PATTERN, { message: PSEUDONYM_MESSAGE })
  mentorPseudonym: string;
}
