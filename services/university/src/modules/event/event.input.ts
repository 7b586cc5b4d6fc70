import { ArrayMaxSize, IsDate, ValidateNested, IsIn, IsInt, IsOptional, IsTimeZone, IsUrl, Length, Matches, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { TRACK_CODE } from "@tandem/shared";
import { EventAudienceEnum, EventFormatEnum, EventKindEnum, EventObligationEnum, EventVisibilityEnum } from "./event.type.js";
import { EventTranslationInput, LanguageInput } from "./event-translations.input.js";
import type { EventAudience, EventObligation } from "@tandem/shared";
import type { EventFormat, EventKind, EventVisibility } from "./event.entity.js";
import { EventTrainingInput } from "./event-training.type.js";

export const MAX_CAPACITY = 5000;

export const MAX_EVENT_COHORTS = 10;

@InputType({ description: "Puts an event into a cohort's programme." })
export class EventCohortInput {
  @Field(() => ID, { description: "Global id of the cohort at the coordination office." })
  @Length(1, 160)
  cohortId: string;

  @Field(() => EventObligationEnum)
  @IsIn(Object.values(EventObligationEnum))
  obligation: EventObligation;

  @Field(() => EventAudienceEnum, { defaultValue: EventAudienceEnum.BOTH })
  @IsIn(Object.values(EventAudienceEnum))
  audience: EventAudience;
}

@InputType()
export class CreateEventInput {
  @Field(() => EventKindEnum)
  @IsIn(Object.values(EventKindEnum))
  kind: EventKind;

  @Field(() => String)
  @Length(3, 200)
  title: string;

  @Field(() => String, { defaultValue: "" })
  @MaxLength(5000)
  description: string;

  @LanguageInput({ defaultValue: "en" })
  language: string;

  @Field(() => [EventTranslationInput], { defaultValue: [], description: "Title and description in other languages (each at most once, not the own language)." })
  @ArrayMaxSize(EventTranslationInput.MAX)
  @ValidateNested({ each: true })
  translations: EventTranslationInput[];

  @Field(() => DateTimeISOResolver)
  @IsDate()
  startsAt: Date;

  @Field(() => DateTimeISOResolver)
  @IsDate()
  endsAt: Date;

  @Field(() => String, { description: "IANA time zone, e.g. Europe/Berlin." })
  @IsTimeZone({ message: "must be an IANA time zone such as Europe/Berlin" })
  timeZone: string;

  @Field(() => EventFormatEnum)
  @IsIn(Object.values(EventFormatEnum))
  format: EventFormat;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["https"], require_protocol: true }, { message: "must be an https:// URL" })
  onlineUrl?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity: number;

  @Field(() => EventVisibilityEnum, { defaultValue: EventVisibilityEnum.CONSORTIUM })
  @IsIn(Object.values(EventVisibilityEnum))
  visibility: EventVisibility;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(10)
  @Matches(TRACK_CODE, { each: true, message: "each track must be a lowercase code such as health" })
  tracks: string[];

  @Field(() => [EventCohortInput], { defaultValue: [], description: "Cohorts whose programme the event belongs to; registration is then for their members (of the audience) only." })
  @ArrayMaxSize(MAX_EVENT_COHORTS)
  @ValidateNested({ each: true })
  cohorts: EventCohortInput[];

  @Field(() => ID, {
    nullable: true,
    description:
      "A PEER_MEETING of this peer group (of the coordination office, known here from its roster: a group with a member at this node): registration is for the group's consented members only; where the programme lets peer meetings count, it is a VOLUNTARY event of the group's cohort for its mentees.",
  })
  @IsOptional()
  @Length(1, 160)
  peerGroupId?: string | null;
  @Field(() => EventTrainingInput, {
    nullable: true,
    description:
      "Sets the event up as a training the office chose from an interest survey (kind TRAINING, CONSORTIUM): it joins the survey's cohort with the obligation chosen, and the office lists it with the choice.",
  })
  @IsOptional()
  @ValidateNested()
  training?: EventTrainingInput | null;
}

@InputType()
export class UpdateEventInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string;

  @LanguageInput({ nullable: true })
  @IsOptional()
  language?: string;

  @Field(() => [EventTranslationInput], { nullable: true, description: "The whole list of translations (an empty list removes them)." })
  @IsOptional()
  @ArrayMaxSize(EventTranslationInput.MAX)
  @ValidateNested({ each: true })
  translations?: EventTranslationInput[];

  @Field(() => DateTimeISOResolver, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTimeZone({ message: "must be an IANA time zone such as Europe/Berlin" })
  timeZone?: string;

  @Field(() => EventFormatEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(EventFormatEnum))
  format?: EventFormat;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["https"], require_protocol: true }, { message: "must be an https:// URL" })
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number;

  @Field(() => EventVisibilityEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(EventVisibilityEnum))
  visibility?: EventVisibility;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @Matches(TRACK_CODE, { each: true, message: "each track must be a lowercase code such as health" })
  tracks?: string[];

  @Field(() => [EventCohortInput], { nullable: true, description: "Replaces the cohorts (an empty list takes the event out of every programme)." })
  @IsOptional()
  @ArrayMaxSize(MAX_EVENT_COHORTS)
  @ValidateNested({ each: true })
  cohorts?: EventCohortInput[];
}
