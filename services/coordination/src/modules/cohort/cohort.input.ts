import { ArrayMaxSize, IsInt, Length, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { Field, ID, InputType, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { NODE_ID_PATTERN } from "@tandem/shared";

export const MAX_QUOTA = 1000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CohortQuotaInput {
  @Field(() => String, { description: "A participating node of the programme." })
  @Matches(NODE_ID_PATTERN, { message: "must be 2–16 lowercase letters or digits" })
  nodeId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  mentees: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  mentors: number;
}

@InputType()
export class CreateCohortInput {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  programmeId: string;

  @Field(() => String)
  @Length(2, 200)
  name: string;

  @Field(() => LocalDateResolver)
  @Matches(LOCAL_DATE, { message: "must be a date such as 2026-10-01" })
  startsOn: string;

  @Field(() => LocalDateResolver)
  @Matches(LOCAL_DATE, { message: "must be a date such as 2026-10-01" })
  endsOn: string;

  @Field(() => [CohortQuotaInput], { description: "Places per participating node; a node left out has none." })
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  quotas: CohortQuotaInput[];
}
