import { ArrayMaxSize, ArrayMinSize, IsDate, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { MAX_SURVEY_TOPIC_TITLE, MAX_SURVEY_TOPICS, SURVEY_TOPIC_CODE } from "@tandem/shared";
import { MAX_ID_LENGTH } from "../common/ids.js";

const CODE_MESSAGE = "must be 1–32 capital letters, digits, _ or -, starting with a letter or digit (e.g. PITCHING)";

@InputType()
export class SurveyTopicInput {
  @Field(() => String)
  @Matches(SURVEY_TOPIC_CODE, { message: CODE_MESSAGE })
  code: string;

  @Field(() => String)
  @Length(2, MAX_SURVEY_TOPIC_TITLE)
  title: string;
}

@InputType()
export class OpenInterestSurveyInput {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  cohortId: string;

  @Field(() => String, { description: "E.g. Trainings 2026/27: what would help you most?" })
  @Length(2, 200)
  title: string;

  @Field(() => [SurveyTopicInput], { description: `2 to ${MAX_SURVEY_TOPICS} candidate topics, codes distinct.` })
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_SURVEY_TOPICS)
  @ValidateNested({ each: true })
  topics: SurveyTopicInput[];

  @Field(() => DateTimeISOResolver, { description: "When the survey stops taking answers; in the future." })
  @IsDate()
  closesAt: Date;
}

export const TOPIC_CODE_MESSAGE = CODE_MESSAGE;
