import { IsIn, IsOptional, Length, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@tandem/party";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { TandemStatusEnum } from "./tandem.type.js";
import type { TandemStatus } from "./tandem.entity.js";

@ArgsType()
export class TandemsArgs extends PageArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => TandemStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TandemStatusEnum))
  status?: TandemStatus;

  @Field(() => ID, { nullable: true, description: "Only tandems with this participant as mentee or mentor." })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  participantId?: string;
}

@ArgsType()
export class CloseTandemArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  id: string;

  @Field(() => String, { description: "Why the tandem ends, e.g. completed, or dissolved at the mentee's request." })
  @Length(3, 500)
  reason: string;
}

@ArgsType()
export class RespondToTandemArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  id: string;

  @Field(() => Boolean, { description: "true accepts the tandem; false declines it, which closes it." })
  accept: boolean;
}
