import { IsBoolean, IsIn, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { RaisableConcerns, type MediationConcern, type MediationMediator } from "@tandem/shared";
import { MediationConcernEnum, MediationMediatorEnum } from "@tandem/party";

export const MAX_STATEMENT_LENGTH = 5000;

@InputType({ description: "A concern about your tandem: the codes go to the coordination office, your words stay at your home node." })
export class RaiseConcernInput {
  @Field(() => ID, { description: "The tandem at the coordination office." })
  @MaxLength(160)
  tandemId: string;

  @Field(() => MediationConcernEnum, { description: "What it is about (CHECK_IN is raised by a check-in, not by hand)." })
  @IsIn(RaisableConcerns, { message: `must be one of ${RaisableConcerns.join(", ")}` })
  concern: MediationConcern;

  @Field(() => MediationMediatorEnum, { defaultValue: "JOINT_OFFICE", description: "Who you would like to mediate." })
  @IsIn(Object.values(MediationMediatorEnum))
  mediator: MediationMediator;

  @Field(() => String, { defaultValue: "", description: "What happened, in your words. It stays at your home node." })
  @MaxLength(MAX_STATEMENT_LENGTH)
  statement: string;

  @Field(() => Boolean, { defaultValue: false, description: "Whether the mediator may read your words (you can change it later). Your partner never can." })
  @IsBoolean()
  mediatorMayRead: boolean;
}

@InputType({ description: "Changes to your concern: your words, and whether the mediator may read them." })
export class UpdateConcernInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_STATEMENT_LENGTH)
  statement?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  mediatorMayRead?: boolean | null;
}
