import { ArrayMaxSize, ArrayMinSize, IsIn, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { NODE_ID_PATTERN, TRACK_CODE } from "@tandem/shared";
import { CrossBorderRuleEnum } from "./programme.type.js";
import type { CrossBorderRule } from "./programme.entity.js";

export const MAX_TRACKS = 20;

@InputType()
export class TrackInput {
  @Field(() => String, { description: "Lowercase code, e.g. health." })
  @Matches(TRACK_CODE, { message: "must be a lowercase code such as health" })
  code: string;

  @Field(() => String)
  @Length(2, 200)
  name: string;
}

@InputType()
export class CreateProgrammeInput {
  @Field(() => String)
  @Length(3, 200)
  name: string;

  @Field(() => String, { defaultValue: "" })
  @MaxLength(5000)
  description: string;

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
}
