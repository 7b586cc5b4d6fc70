import { IsIn, IsOptional, Matches, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { NODE_ID_PATTERN, type ApplicationStatus } from "@tandem/shared";
import { PageArgs } from "@tandem/party";
import { MAX_ID_LENGTH } from "../common/ids.js";
import type { EnrolmentRole } from "../enrolment/enrolment.entity.js";
import { EnrolmentRoleEnum } from "../enrolment/enrolment.type.js";
import { ApplicationStatusEnum } from "./application-record.type.js";

@ArgsType()
export class ApplicationPipelineArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => String, { nullable: true, description: "Only this home node's counts (node coordinators: their own node only)." })
  @IsOptional()
  @Matches(NODE_ID_PATTERN, { message: "must be 2–16 lowercase letters or digits" })
  nodeId?: string;
}

@ArgsType()
export class ApplicationRecordsArgs extends PageArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => String, { nullable: true, description: "Only records of this home node." })
  @IsOptional()
  @Matches(NODE_ID_PATTERN, { message: "must be 2–16 lowercase letters or digits" })
  nodeId?: string;

  @Field(() => EnrolmentRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(EnrolmentRoleEnum))
  role?: EnrolmentRole;

  @Field(() => ApplicationStatusEnum, { nullable: true, description: "Only records with this status (as ApplicationRecord.status)." })
  @IsOptional()
  @IsIn(Object.values(ApplicationStatusEnum))
  status?: ApplicationStatus;
}
