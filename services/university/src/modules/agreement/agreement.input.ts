import { ArrayMaxSize, IsIn, IsOptional, Length, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ContactFormEnum } from "./agreement.type.js";
import { ContactForms, type ContactForm } from "./agreement-content.js";

/** Most goals of each kind an agreement holds. */
export const MAX_GOALS = 5;

@InputType({ description: "A goal: a sentence or two, and optionally when it should be reached." })
export class AgreementGoalInput {
  @Field(() => String)
  @Length(10, 400, { message: "must be a sentence or two (10 to 400 characters)" })
  text: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  @IsOptional()
  @MaxLength(10)
  targetDate?: string | null;
}

@InputType({ description: "The whole text of a version of an agreement." })
export class AgreementInput {
  @Field(() => [AgreementGoalInput], { description: `1 to ${MAX_GOALS}.` })
  @ArrayMaxSize(MAX_GOALS)
  @ValidateNested({ each: true })
  shortTermGoals: AgreementGoalInput[];

  @Field(() => [AgreementGoalInput], { description: `1 to ${MAX_GOALS}.` })
  @ArrayMaxSize(MAX_GOALS)
  @ValidateNested({ each: true })
  longTermGoals: AgreementGoalInput[];

  @Field(() => [ContactFormEnum], { description: "How the pair will be in contact: at least one, each once." })
  @ArrayMaxSize(ContactForms.length)
  @IsIn(ContactForms, { each: true })
  contactForms: ContactForm[];

  @Field(() => String, { description: 'How often, e.g. "every two weeks, one hour".' })
  @Length(3, 200)
  frequency: string;

  @Field(() => String, { description: "How the partners give each other feedback." })
  @Length(3, 400)
  feedbackForm: string;

  @Field(() => String, { nullable: true, description: "Anything else the pair agrees." })
  @IsOptional()
  @MaxLength(2000)
  additions?: string | null;
}
