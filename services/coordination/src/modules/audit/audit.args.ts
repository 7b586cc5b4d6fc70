import { IsOptional, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@tandem/party";

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only entries about this participant (or their pseudonym once erased)." })
  @IsOptional()
  @MaxLength(160)
  participantId?: string;
}
