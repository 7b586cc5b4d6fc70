import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, IsTimeZone, IsUrl, Length, Matches, Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { TRACK_CODE } from "@tandem/shared";
import { EventFormatEnum, EventKindEnum, EventVisibilityEnum } from "./event.type.js";
import type { EventFormat, EventKind, EventVisibility } from "./event.entity.js";

export const MAX_CAPACITY = 5000;

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
}
