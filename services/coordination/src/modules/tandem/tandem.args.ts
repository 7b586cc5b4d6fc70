import { IsIn, IsOptional, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@tandem/party";
import { MAX_ID_LENGTH } from "../common/ids.js";
import { TandemCloseReasonEnum, TandemStatusEnum } from "./tandem.type.js";
import type { TandemCloseReason, TandemStatus } from "./tandem.entity.js";

/** The reasons a caller of closeTandem may give. */
export const CLOSING_REASONS: readonly TandemCloseReason[] = ["COMPLETED", "DISSOLVED_BY_PARTICIPANT", "DISSOLVED_BY_MEDIATION", "NO_SHOW", "OTHER"];

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

  @Field(() => TandemCloseReasonEnum, { description: "Why the tandem ends, as a code (DECLINED and ERASED are the office's own)." })
  @IsIn(CLOSING_REASONS, { message: `must be one of ${CLOSING_REASONS.join(", ")} (DECLINED and ERASED are set by the office itself)` })
  reason: TandemCloseReason;
}

@ArgsType()
export class RespondToTandemArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  id: string;

  @Field(() => Boolean, { description: "true accepts the tandem; false declines it, which closes it." })
  accept: boolean;
}
