/** What a coordinator sends for an event's texts in other languages (README: Languages). */
import { IsIn, Length, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LANGUAGE_RULE, SUPPORTED_LANGUAGES } from "@tandem/shared";

const LANGUAGE_DESCRIPTION = `The language title and description are written in: one of ${SUPPORTED_LANGUAGES.join(", ")}.`;

/** The `language` input field: a supported code, refused naming the field and the rule. */
export function LanguageInput(options: { defaultValue?: string; nullable?: boolean }): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { ...options, description: LANGUAGE_DESCRIPTION })(target, key);
    IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })(target, key);
  };
}

@InputType({ description: "An event's title and description in another language than its own." })
export class EventTranslationInput {
  /** At most one per supported language. */
  static readonly MAX = SUPPORTED_LANGUAGES.length;

  @Field(() => String, { description: `One of ${SUPPORTED_LANGUAGES.join(", ")}.` })
  @IsIn(SUPPORTED_LANGUAGES, { message: LANGUAGE_RULE })
  language: string;

  @Field(() => String)
  @Length(3, 200)
  title: string;

  @Field(() => String, { defaultValue: "" })
  @MaxLength(5000)
  description: string;
}
