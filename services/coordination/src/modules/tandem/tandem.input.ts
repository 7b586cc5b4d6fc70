import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { MAX_ID_LENGTH } from "../common/ids.js";

@InputType()
export class ProposeTandemInput {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => ID, { description: "Global id of a participant enrolled in the cohort as MENTEE." })
  @MaxLength(MAX_ID_LENGTH)
  menteeId: string;

  @Field(() => ID, { description: "Global id of a participant enrolled in the cohort as MENTOR." })
  @MaxLength(MAX_ID_LENGTH)
  mentorId: string;
}
