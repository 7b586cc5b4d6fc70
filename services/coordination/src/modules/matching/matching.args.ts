import { IsIn, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { MAX_ID_LENGTH } from "../common/ids.js";
import type { MatchingRoundScope } from "./matching-round.entity.js";
import { MatchingRoundScopeEnum } from "./matching-round.type.js";
import { MatchingWeightsInput } from "./matching-weights.type.js";

@ArgsType()
export class StartMatchingRoundArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => MatchingRoundScopeEnum)
  @IsIn(Object.values(MatchingRoundScopeEnum))
  scope: MatchingRoundScope;
}

@ArgsType()
export class UpdateMatchingWeightsArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  programmeId: string;

  @Field(() => MatchingWeightsInput)
  @ValidateNested()
  weights: MatchingWeightsInput;
}
