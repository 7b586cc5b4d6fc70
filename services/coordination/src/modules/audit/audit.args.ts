import { IsInt, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@tandem/shared";

@ArgsType()
export class AuditLogArgs {
  @Field(() => ID, { nullable: true, description: "Only entries about this participant (or their pseudonym once erased)." })
  @IsOptional()
  @MaxLength(160)
  participantId?: string;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge seen." })
  after?: string;
}
