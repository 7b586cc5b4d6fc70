import { IsOptional, Matches, Max, MaxLength, Min } from "class-validator";
import { NODE_ID_PATTERN } from "@tandem/shared";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { MAX_ID_LENGTH } from "../common/ids.js";

@ArgsType()
export class TandemMonitoringArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => Int, { defaultValue: 14, description: "An accepted tandem's agreement counts as overdue this many days after both accepted." })
  @Min(1)
  @Max(365)
  unsignedAfterDays: number;

  @Field(() => Int, { defaultValue: 4, description: "An active tandem counts as quiet after this many weeks without a meeting." })
  @Min(1)
  @Max(52)
  quietWeeks: number;

  @Field(() => String, { nullable: true, description: "One node's figures (its coordinators, joint coordinators); null: every node the caller may see." })
  @IsOptional()
  @Matches(NODE_ID_PATTERN, { message: "must be 2–16 lowercase letters or digits" })
  nodeId?: string | null;
}
