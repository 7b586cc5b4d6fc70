import { IsIn, IsInt, IsOptional, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@tandem/shared";
import { RegistrationStatusEnum } from "./registration.type.js";
import type { RegistrationStatus } from "./registration.entity.js";

@ArgsType()
export class ParticipantRegistrationsArgs {
  @Field(() => ID, { description: "Global id of the participant (of any node)." })
  participantId: string;

  @Field(() => [String], { nullable: true, description: "Only registrations held by these nodes (default: every node)." })
  @IsOptional()
  nodes?: string[];

  @Field(() => Boolean, { defaultValue: false })
  includeCancelled: boolean;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@ArgsType()
export class EventRegistrationsArgs {
  @Field(() => [RegistrationStatusEnum], { nullable: true, description: "Default: confirmed and waitlisted." })
  @IsOptional()
  @IsIn(Object.values(RegistrationStatusEnum), { each: true })
  status?: RegistrationStatus[];
}
