import { IsIn, Matches, MaxLength } from "class-validator";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { Field, ID, InputType } from "type-graphql";
import { TRACK_CODE } from "@tandem/shared";
import { EnrolmentRoleEnum } from "./enrolment.type.js";
import type { EnrolmentRole } from "./enrolment.entity.js";

@InputType()
export class EnrolInput {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => ID, { description: "Global id of the participant at their home node, e.g. hst:participant:…" })
  @MaxLength(MAX_ID_LENGTH)
  participantId: string;

  @Field(() => EnrolmentRoleEnum)
  @IsIn(Object.values(EnrolmentRoleEnum))
  role: EnrolmentRole;

  @Field(() => String, { description: "Code of one of the programme's tracks." })
  @Matches(TRACK_CODE, { message: "must be a lowercase track code such as health" })
  track: string;
}
