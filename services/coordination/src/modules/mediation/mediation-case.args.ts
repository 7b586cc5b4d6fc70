import { IsBoolean, IsIn, IsOptional, Matches, MaxLength } from "class-validator";
import { NODE_ID_PATTERN } from "@tandem/shared";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "@tandem/party";
import { MAX_ID_LENGTH } from "../common/ids.js";
import type { CaseConcern, CaseMediator, CaseOutcome } from "./mediation-case.entity.js";
import { CaseConcernEnum, CaseMediatorEnum, CaseOutcomeEnum } from "./mediation-case.type.js";

@InputType()
export class OpenMediationCaseInput {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  tandemId: string;

  @Field(() => CaseConcernEnum)
  @IsIn(Object.values(CaseConcernEnum))
  concern: CaseConcern;

  @Field(() => CaseMediatorEnum, { defaultValue: "JOINT_OFFICE" })
  @IsIn(Object.values(CaseMediatorEnum))
  mediator: CaseMediator;
}

@ArgsType()
export class ResolveMediationCaseArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  id: string;

  @Field(() => CaseOutcomeEnum)
  @IsIn(Object.values(CaseOutcomeEnum))
  outcome: CaseOutcome;
}

@ArgsType()
export class MediationCasesArgs extends PageArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => Boolean, { nullable: true, description: "true: open cases only; false: closed ones only." })
  @IsOptional()
  @IsBoolean()
  open?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Only the cases raised at this node, for its coordinators and joint coordinators (the coordination office's id: the cases joint coordinators raised, for them only).",
  })
  @IsOptional()
  @Matches(NODE_ID_PATTERN, { message: "must be 2–16 lowercase letters or digits" })
  nodeId?: string | null;
}
