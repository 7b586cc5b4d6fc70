import { ArrayMaxSize, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { DegreeLevelEnum, MeetingFormatEnum, ParticipantRoleEnum } from "./participant.type.js";
import { LANGUAGE_CODE, MATCHING_CODE, REGION_CODE, TRACK_CODE, type MeetingFormat, type ParticipantRole } from "@tandem/shared";
import type { DegreeLevel } from "./participant.entity.js";

const REGION_MESSAGE = "must be a coded region such as DE-RP, LU or CZ-PL";
const CODE_MESSAGE = "must be a lowercase code such as medical-informatics";
const GOAL_MESSAGE = "each goal must be a lowercase code such as career-industry";
const CAPACITY = "Mentees a mentor takes at once (mentors only, 1–5; default and null: 1).";
/** Loosely an international number: a leading +, 7–15 digits, common separators. */
export const PHONE_NUMBER = /^(?=(?:\D*\d){7,15}\D*$)\+[1-9][0-9 ()./-]{5,30}$/;
const PHONE_MESSAGE = "must be an international phone number such as +49 651 8103 0";
export const MAX_ABOUT_LENGTH = 2000;

/** Fields a participant is created with and changed by alike: optional, null clears them. Not a schema type itself. */
@InputType()
abstract class ParticipantProfileFields {
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

  @Field(() => String, { nullable: true, description: "Lowercase discipline code, e.g. medical-informatics." })
  @IsOptional()
  @Matches(MATCHING_CODE, { message: CODE_MESSAGE })
  disciplineCode?: string | null;

  @Field(() => MeetingFormatEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(MeetingFormatEnum))
  meetingFormat?: MeetingFormat | null;

  @Field(() => String, { nullable: true, description: "Coded region, e.g. DE-RP, LU, CZ-PL." })
  @IsOptional()
  @Matches(REGION_CODE, { message: REGION_MESSAGE })
  region?: string | null;

  @Field(() => Int, { nullable: true, description: "Hours a month available for mentoring (1–40)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(40)
  availabilityHoursPerMonth?: number | null;

  @Field(() => Int, { nullable: true, description: CAPACITY })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  mentorCapacity?: number | null;

  @Field(() => Int, { nullable: true, description: "Years of professional experience (0–60)." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  experienceYears?: number | null;

  @Field(() => String, { nullable: true, description: "Personal. Current employer; leaves the node only as a conflict token." })
  @IsOptional()
  @Length(2, 200)
  employer?: string | null;

  @Field(() => String, { nullable: true, description: "Personal. Name of the person's supervisor; leaves the node only as a conflict token." })
  @IsOptional()
  @Length(2, 200)
  supervisor?: string | null;
}

@InputType()
export class CreateParticipantInput extends ParticipantProfileFields {
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

  @Field(() => [String], { defaultValue: [], description: "Lowercase goal codes, e.g. career-industry, networking, leadership." })
  @ArrayMaxSize(10)
  @Matches(MATCHING_CODE, { each: true, message: GOAL_MESSAGE })
  goalCodes: string[];
}

@InputType()
export class UpdateParticipantInput extends ParticipantProfileFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  displayName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "must be an e-mail address" })
  @Length(3, 320)
  email?: string;

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

  @Field(() => [String], { nullable: true, description: "Lowercase goal codes, e.g. career-industry, networking, leadership." })
  @IsOptional()
  @ArrayMaxSize(10)
  @Matches(MATCHING_CODE, { each: true, message: GOAL_MESSAGE })
  goalCodes?: string[];
}
