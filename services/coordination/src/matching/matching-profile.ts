/**
 * A pseudonymised matching profile as the nodes export it (the university
 * subgraph's `MatchingProfile`): coded fields and conflict tokens under a
 * per-cohort pseudonym, never a name. A round reads them in memory; the
 * coordination store keeps nothing of them but pseudonyms and node ids.
 * (Imports nothing but the contracts entry: the solve worker loads this module.)
 */

import type { MeetingFormat, ParticipantRole } from "@tandem/shared/contracts";

export type ProfileRole = ParticipantRole;

export interface MatchingProfile {
  pseudonym: string;
  /** The home node, which alone can re-identify the pseudonym. */
  nodeId: string;
  role: ProfileRole;
  tracks: string[];
  disciplineCode: string | null;
  goalCodes: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  degreeLevel: string | null;
  meetingFormat: MeetingFormat | null;
  /** Coded region: a country, optionally with a subdivision (DE-RP, LU, CZ-PL). */
  region: string | null;
  availabilityHoursPerMonth: number | null;
  /** Mentees a mentor takes at once (mentors and alumni). */
  mentorCapacity: number | null;
  experienceYears: number | null;
  /** Keyed hashes of employer, organisation and supervisor: two profiles sharing one must not be paired. */
  conflictTokens: string[];
}

/** Mentees are matched to mentors; alumni mentor too. */
export function isMentorRole(role: ProfileRole): boolean {
  return role === "MENTOR" || role === "ALUMNUS";
}
