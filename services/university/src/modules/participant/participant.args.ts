import { IsIn, IsInt, IsOptional, Matches, Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@tandem/shared";
import { ParticipantRoleEnum } from "./participant.type.js";
import { TRACK_CODE, type ParticipantRole } from "@tandem/shared";

@ArgsType()
export class ParticipantsArgs {
  @Field(() => String, { description: "The node whose participants to list." })
  node: string;

  @Field(() => ParticipantRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ParticipantRoleEnum))
  role?: ParticipantRole;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TRACK_CODE)
  track?: string;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true })
  after?: string;
}
