import { IsIn, IsOptional, Matches } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "@tandem/party";
import { ParticipantRoleEnum } from "./participant.type.js";
import { TRACK_CODE, type ParticipantRole } from "@tandem/shared";

@ArgsType()
export class ParticipantsArgs extends PageArgs {
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
}
