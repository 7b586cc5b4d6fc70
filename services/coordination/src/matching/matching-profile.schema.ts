/** Validation of profiles as they arrive from the gateway: a malformed one fails the round, naming it. */
import { z } from "zod";
import { MeetingFormats, NODE_ID_PATTERN, ParticipantRoles, PSEUDONYM_PATTERN } from "@tandem/shared";
import type { MatchingProfile } from "./matching-profile.js";

const CODE = z.string().min(1).max(64);

export const MatchingProfileSchema: z.ZodType<MatchingProfile> = z.object({
  pseudonym: z.string().regex(PSEUDONYM_PATTERN, "not a matching pseudonym (mp1.…)"),
  nodeId: z.string().regex(NODE_ID_PATTERN, "not a node id"),
  role: z.enum(ParticipantRoles),
  tracks: z.array(CODE).max(20),
  disciplineCode: CODE.nullable(),
  goalCodes: z.array(CODE).max(20),
  languages: z.array(CODE).max(20),
  degreeLevel: CODE.nullable(),
  meetingFormat: z.enum(MeetingFormats).nullable(),
  region: z.string().max(16).nullable(),
  availabilityHoursPerMonth: z.number().int().min(0).nullable(),
  mentorCapacity: z.number().int().min(0).max(100).nullable(),
  experienceYears: z.number().int().min(0).max(100).nullable(),
  conflictTokens: z.array(z.string().min(1).max(200)).max(20),
});
