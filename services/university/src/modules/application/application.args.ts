import { IsIn, IsOptional } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@tandem/party";
import type { ApplicationStatus } from "@tandem/shared";
import { ApplicationStatusEnum } from "./application.type.js";

@ArgsType()
export class ReviewApplicationsArgs extends PageArgs {
  @Field(() => String, { description: "The node whose applicants' applications to list." })
  node: string;

  @Field(() => ID, { nullable: true, description: "Only applications to this cohort." })
  @IsOptional()
  cohortId?: string;

  @Field(() => ApplicationStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ApplicationStatusEnum))
  status?: ApplicationStatus;
}
