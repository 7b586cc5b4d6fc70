import { IsOptional } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@tandem/party";

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => String, { description: "The node whose audit log to read." })
  node: string;

  @Field(() => ID, { nullable: true, description: "Only entries about this participant." })
  @IsOptional()
  participantId?: string;
}
