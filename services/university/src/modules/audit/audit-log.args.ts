import { IsInt, IsOptional, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@tandem/shared";

@ArgsType()
export class AuditLogArgs {
  @Field(() => String, { description: "The node whose audit log to read." })
  node: string;

  @Field(() => ID, { nullable: true, description: "Only entries about this participant." })
  @IsOptional()
  participantId?: string;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true })
  after?: string;
}
