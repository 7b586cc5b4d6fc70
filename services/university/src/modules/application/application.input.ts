import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { LANGUAGE_CODE, TRACK_CODE, type MeetingFormat } from "@tandem/shared";
import { MeetingFormatEnum } from "../participant/participant.type.js";
import type { ApplicationRole } from "./application.entity.js";
import { ApplicationRoleEnum } from "./application.type.js";

/** Limits of the form, counted on the normalised text (see shared/src/text-input.ts). */
export const APPLICATION_LIMITS = {
  motivation: { min: 20, max: 4000 },
  goals: { min: 10, max: 2000 },
  tracks: 3,
  languages: 10,
  meetingFormats: 3,
} as const;

/**
 * The whole form, as saved or submitted: a field left out is empty. A draft
 * may be incomplete; a submission needs every field but those of mentors
 * (capacity, experience), which mentees may not give.
 */
@InputType({ description: "An application's form. A draft may leave fields out; submitting needs motivation, both goals, a track, a language, availability and a meeting format." })
export class ApplicationInput {
  @Field(() => ApplicationRoleEnum)
  @IsIn(Object.values(ApplicationRoleEnum))
  role: ApplicationRole;

  @Field(() => String, { nullable: true, description: `Why the applicant applies (${APPLICATION_LIMITS.motivation.min}–${APPLICATION_LIMITS.motivation.max} characters).` })
  @IsOptional()
  @Length(APPLICATION_LIMITS.motivation.min, APPLICATION_LIMITS.motivation.max)
  motivation?: string | null;

  @Field(() => String, { nullable: true, description: `Goals for the programme's months (${APPLICATION_LIMITS.goals.min}–${APPLICATION_LIMITS.goals.max} characters).` })
  @IsOptional()
  @Length(APPLICATION_LIMITS.goals.min, APPLICATION_LIMITS.goals.max)
  shortTermGoals?: string | null;

  @Field(() => String, { nullable: true, description: `Goals beyond it (${APPLICATION_LIMITS.goals.min}–${APPLICATION_LIMITS.goals.max} characters).` })
  @IsOptional()
  @Length(APPLICATION_LIMITS.goals.min, APPLICATION_LIMITS.goals.max)
  longTermGoals?: string | null;

  @Field(() => [String], { defaultValue: [], description: `Preferred tracks: codes of the programme's tracks, at most ${APPLICATION_LIMITS.tracks}.` })
  @ArrayMaxSize(APPLICATION_LIMITS.tracks)
  @ArrayUnique({ message: "each track at most once" })
  @Matches(TRACK_CODE, { each: true, message: "each track must be a lowercase code such as health" })
  trackCodes: string[];

  @Field(() => [String], { defaultValue: [], description: "ISO 639-1 codes of the languages to mentor or be mentored in." })
  @ArrayMaxSize(APPLICATION_LIMITS.languages)
  @ArrayUnique({ message: "each language at most once" })
  @Matches(LANGUAGE_CODE, { each: true, message: "each language must be an ISO 639-1 code such as de or fr" })
  languages: string[];

  @Field(() => Int, { nullable: true, description: "Hours a month available for mentoring (1–40)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(40)
  availabilityHoursPerMonth?: number | null;

  @Field(() => [MeetingFormatEnum], { defaultValue: [] })
  @ArrayMaxSize(APPLICATION_LIMITS.meetingFormats)
  @ArrayUnique({ message: "each format at most once" })
  @IsIn(Object.values(MeetingFormatEnum), { each: true })
  meetingFormats: MeetingFormat[];

  @Field(() => Int, { nullable: true, description: "Mentees a mentor takes at once (mentors only, 1–5; default 1)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  mentorCapacity?: number | null;

  @Field(() => Int, { nullable: true, description: "Years of professional experience (mentors only, 0–60)." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  experienceYears?: number | null;
}
