import { IsInt, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { PageArgs } from "@tandem/party";
import { MAX_ID_LENGTH } from "../common/ids.js";

export const MAX_CHECK_IN_WEEKS = 26;

@ArgsType()
export class TandemsNeedingAttentionArgs extends PageArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also those already handled." })
  includeHandled: boolean;
}

@ArgsType()
export class SetCheckInIntervalArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  programmeId: string;

  @Field(() => Int, { nullable: true, description: `Weeks between check-ins after a tandem starts (1–${MAX_CHECK_IN_WEEKS}); null: the cohort's mid-point only.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CHECK_IN_WEEKS)
  everyWeeks?: number | null;
}
