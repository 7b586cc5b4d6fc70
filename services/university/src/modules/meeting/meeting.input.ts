import { ArrayMaxSize, IsIn, IsInt, IsISO8601, Length, Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { MeetingFormatEnum } from "./meeting.type.js";
import type { MeetingFormat } from "./meeting.entity.js";

export const MIN_MEETING_MINUTES = 5;
export const MAX_MEETING_MINUTES = 720;
export const MAX_TOPICS = 10;

@InputType({ description: "A meeting as the mentee (or the mentor) logs it." })
export class LogMeetingInput {
  @Field(() => LocalDateResolver, { description: "The day it took place: not after today, not before the tandem started." })
  @IsISO8601({ strict: true })
  heldOn: string;

  @Field(() => MeetingFormatEnum)
  @IsIn(Object.values(MeetingFormatEnum))
  format: MeetingFormat;

  @Field(() => Int)
  @IsInt()
  @Min(MIN_MEETING_MINUTES)
  @Max(MAX_MEETING_MINUTES)
  durationMinutes: number;

  @Field(() => [String], { defaultValue: [], description: "What the pair talked about, a few words each." })
  @ArrayMaxSize(MAX_TOPICS)
  @Length(1, 200, { each: true })
  topics: string[];

  @Field(() => String, { defaultValue: "", description: "Private to the pair." })
  @MaxLength(5000)
  notes: string;
}
