/**
 * The hard constraints of a pair, on profiles prepared once per round: a
 * shared programme track, a shared language, the programme's cross-border
 * rule, and no shared conflict token (a dependent relationship: same
 * employer, or one supervises the other). Capacity, pins and bans are the
 * round's business (solve-round.ts). (No imports beyond this folder: the
 * solve worker loads this module.)
 */
import type { ScoringProfile } from "./criteria.js";
import { isMentorRole, type MatchingProfile } from "./matching-profile.js";
import { RoundFailure } from "./round-failure.js";

export type CrossBorderRule = "NONE" | "DIFFERENT_NODE" | "DIFFERENT_COUNTRY";

export interface PreparedProfile extends ScoringProfile {
  profile: MatchingProfile;
  /** Conflict tokens as small ids, shared across the round. */
  conflicts: readonly number[];
  /** Country of the home node per the registry; null for a node it does not list. */
  country: string | null;
}

export interface PreparedProfiles {
  mentees: PreparedProfile[];
  mentors: PreparedProfile[];
}

/** Splits profiles into mentees and mentors (alumni mentor), refusing a pseudonym that appears twice. */
export function prepareProfiles(profiles: readonly MatchingProfile[], programmeTracks: readonly string[], nodeCountries: Readonly<Record<string, string>>): PreparedProfiles {
  const trackIndex = new Map(programmeTracks.map((code, index) => [code, index]));
  const tokenIds = new Map<string, number>();
  const seen = new Set<string>();
  const prepared: PreparedProfiles = { mentees: [], mentors: [] };
  for (const profile of profiles) {
    if (seen.has(profile.pseudonym)) throw new RoundFailure(`pseudonym ${profile.pseudonym} appears in more than one profile`);
    seen.add(profile.pseudonym);
    const tracks = [...new Set(profile.tracks.flatMap((code) => (trackIndex.has(code) ? [trackIndex.get(code)!] : [])))].sort((a, b) => a - b);
    const conflicts = [...new Set(profile.conflictTokens)].map((token) => {
      if (!tokenIds.has(token)) tokenIds.set(token, tokenIds.size);
      return tokenIds.get(token)!;
    });
    const entry: PreparedProfile = {
      profile,
      tracks,
      disciplineCode: profile.disciplineCode,
      goals: [...new Set(profile.goalCodes)],
      languages: [...new Set(profile.languages)],
      experienceYears: profile.experienceYears,
      meetingFormat: profile.meetingFormat,
      region: profile.region,
      conflicts,
      country: nodeCountries[profile.nodeId] ?? null,
    };
    (isMentorRole(profile.role) ? prepared.mentors : prepared.mentees).push(entry);
  }
  return prepared;
}

const intersects = <T>(a: readonly T[], b: readonly T[]): boolean => a.some((item) => b.includes(item));

/** The programme's cross-border rule: null when the pair satisfies it, else why not. */
export function crossBorderViolation(rule: CrossBorderRule, mentee: PreparedProfile, mentor: PreparedProfile): string | null {
  if (rule === "DIFFERENT_NODE" && mentee.profile.nodeId === mentor.profile.nodeId) {
    return `the programme pairs only across nodes (DIFFERENT_NODE), and both belong to ${mentee.profile.nodeId}`;
  }
  if (rule === "DIFFERENT_COUNTRY" && (mentee.country === null || mentee.country === mentor.country)) {
    return `the programme pairs only across countries (DIFFERENT_COUNTRY), and both nodes are in ${mentee.country ?? "an unknown country"}`;
  }
  return null;
}

/** Track, language and cross-border rule: whether the pair could ever be a tandem of the programme. */
export function compatible(rule: CrossBorderRule, mentee: PreparedProfile, mentor: PreparedProfile): boolean {
  return intersects(mentee.tracks, mentor.tracks) && intersects(mentee.languages, mentor.languages) && crossBorderViolation(rule, mentee, mentor) === null;
}

/** A shared conflict token: the two must not be paired. */
export function conflicted(mentee: PreparedProfile, mentor: PreparedProfile): boolean {
  return intersects(mentee.conflicts, mentor.conflicts);
}

/**
 * The track a pair is enrolled in: their first shared track in programme
 * order; for a pinned pair without one, the mentee's first programme track
 * (or the mentor's, or the programme's first).
 */
export function pairTrack(mentee: PreparedProfile, mentor: PreparedProfile, programmeTracks: readonly string[]): string {
  const shared = mentee.tracks.find((track) => mentor.tracks.includes(track));
  return programmeTracks[shared ?? mentee.tracks[0] ?? mentor.tracks[0] ?? 0]!;
}
