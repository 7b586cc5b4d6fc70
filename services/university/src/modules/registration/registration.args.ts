import { IsIn, IsOptional } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@tandem/party";
import { RegistrationStatusEnum } from "./registration.type.js";
import type { RegistrationStatus } from "./registration.entity.js";

@ArgsType()
export class ParticipantRegistrationsArgs extends PageArgs {
  @Field(() => ID, { description: "Global id of the participant (of any node)." })
  participantId: string;

  @Field(() => [String], { nullable: true, description: "Only registrations held by these nodes (default: every node)." })
  @IsOptional()
  nodes?: string[];

  @Field(() => Boolean, { defaultValue: false })
  includeCancelled: boolean;
}

@ArgsType()
export class EventRegistrationsArgs {
  @Field(() => [RegistrationStatusEnum], { nullable: true, description: "Default: confirmed and waitlisted." })
  @IsOptional()
  @IsIn(Object.values(RegistrationStatusEnum), { each: true })
  status?: RegistrationStatus[];
}
