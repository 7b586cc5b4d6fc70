/**
 * A pseudonymised matching profile as the nodes export it (the university
 * subgraph's `MatchingProfile`): coded fields and conflict tokens under a
 * per-cohort pseudonym, never a name. A round reads them in memory; the
 * coordination store keeps nothing of them but pseudonyms and node ids.
 * (No imports: the solve worker loads this module.)
 */

/** A node's per-cohort pseudonym: `mp1.` + 24 base64url characters (the node's matching-pseudonyms.ts). */
export const PSEUDONYM_PATTERN = /^mp1\.[A-Za-z0-9_-]{24}$/;
/** Column width for pseudonyms (28 characters today; room for a longer future version). */
export const PSEUDONYM_MAX_LENGTH = 40;

export type ProfileRole = "MENTEE" | "MENTOR" | "ALUMNUS";
export type MeetingFormat = "ONLINE" | "IN_PERSON" | "HYBRID";

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
