import { IsIn, IsInt, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@tandem/shared";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { EnrolmentRoleEnum } from "./enrolment.type.js";
import type { EnrolmentRole } from "./enrolment.entity.js";

@ArgsType()
export class EnrolmentsArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => EnrolmentRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(EnrolmentRoleEnum))
  role?: EnrolmentRole;

  @Field(() => Boolean, { defaultValue: false })
  includeWithdrawn: boolean;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge seen." })
  after?: string;
}
