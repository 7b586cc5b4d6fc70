import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Length, Matches } from "class-validator";
import { SURVEY_TOPIC_CODE } from "@tandem/shared";

@InputType({ description: "Sets the event up as a training the office chose from a cohort's interest survey." })
export class EventTrainingInput {
  @Field(() => ID, { description: "The survey's id at the coordination office (coord:interest-survey:…)." })
  @Length(1, 160)
  surveyId: string;

  @Field(() => String, { description: "The chosen topic's code, e.g. NEGOT." })
  @Matches(SURVEY_TOPIC_CODE, { message: "must be a topic code: 1–32 capital letters, digits, _ or -" })
  topicCode: string;
}

@ObjectType({ description: "The interest survey's chosen training this event is: the office lists the event with its choice." })
export class EventTraining {
  @Field(() => ID)
  surveyId: string;

  @Field(() => String)
  topicCode: string;
}
