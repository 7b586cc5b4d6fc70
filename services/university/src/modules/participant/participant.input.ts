import { ArrayMaxSize, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { DegreeLevelEnum, ParticipantRoleEnum } from "./participant.type.js";
import type { DegreeLevel, ParticipantRole } from "./participant.entity.js";

export const LANGUAGE_CODE = /^[a-z]{2}$/;
export const TRACK_CODE = /^[a-z][a-z0-9-]{1,31}$/;
/** Loosely an international number: a leading +, 7–15 digits, common separators. */
export const PHONE_NUMBER = /^(?=(?:\D*\d){7,15}\D*$)\+[1-9][0-9 ()./-]{5,30}$/;
const PHONE_MESSAGE = "must be an international phone number such as +49 651 8103 0";
export const MAX_ABOUT_LENGTH = 2000;

@InputType()
export class CreateParticipantInput {
  @Field(() => ParticipantRoleEnum)
  @IsIn(Object.values(ParticipantRoleEnum))
  role: ParticipantRole;

  @Field(() => String)
  @Length(2, 200)
  displayName: string;

  @Field(() => String)
  @IsEmail({}, { message: "must be an e-mail address" })
  @Length(3, 320)
  email: string;

  @Field(() => DegreeLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(DegreeLevelEnum))
  degreeLevel?: DegreeLevel | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  semester?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  discipline?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  organisation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_NUMBER, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_ABOUT_LENGTH)
  about?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(10)
  @Matches(LANGUAGE_CODE, { each: true, message: "each language must be an ISO 639-1 code such as de or fr" })
  languages: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(10)
  @Matches(TRACK_CODE, { each: true, message: "each track must be a lowercase code such as health" })
  tracks: string[];

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  publicProfile: boolean;
}

@InputType()
export class UpdateParticipantInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  displayName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "must be an e-mail address" })
  email?: string;

  @Field(() => DegreeLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(DegreeLevelEnum))
  degreeLevel?: DegreeLevel | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  semester?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  discipline?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  organisation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_NUMBER, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_ABOUT_LENGTH)
  about?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @Matches(LANGUAGE_CODE, { each: true, message: "each language must be an ISO 639-1 code such as de or fr" })
  languages?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @Matches(TRACK_CODE, { each: true, message: "each track must be a lowercase code such as health" })
  tracks?: string[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  publicProfile?: boolean;
}
