import { IsIn, IsOptional, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@tandem/party";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { EnrolmentRoleEnum } from "./enrolment.type.js";
import type { EnrolmentRole } from "./enrolment.entity.js";

@ArgsType()
export class EnrolmentsArgs extends PageArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => EnrolmentRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(EnrolmentRoleEnum))
  role?: EnrolmentRole;

  @Field(() => Boolean, { defaultValue: false })
  includeWithdrawn: boolean;
}
