/**
 * The demo's joint matching cohort, solved in memory the way a round solves
 * it: the consenting people's profiles as their nodes would export them
 * (conflict tokens keyed by one secret, a mentor's capacity 1 unless set),
 * the programme's tracks and cross-border rule, default weights. The
 * launched consortium gives the same result (pseudonyms aside).
 */
import { describe, expect, it } from "vitest";
import { loadRegistry } from "@tandem/shared";
import { DEFAULT_MATCHING_WEIGHTS } from "@tandem/coordination/matching/criteria";
import type { MatchingProfile } from "@tandem/coordination/matching/matching-profile";
import { solveRound } from "@tandem/coordination/matching/solve-round";
import { MAX_OPEN_TANDEMS_PER_MENTOR } from "@tandem/coordination/modules/tandem/tandem.service";
import { ConflictTokens } from "@tandem/university/modules/matching/conflict-tokens";
import { repoPaths } from "../paths.js";
import { participantSeeds } from "./data/index.js";
import { jointMatching } from "./data/programmes.js";
import { referenceOf } from "./references.js";
import type { ParticipantSeed } from "./types.js";

const registry = loadRegistry(repoPaths.registry);
const tokens = new ConflictTokens("demo-conflict-secret");
const people = new Map(participantSeeds.map((p) => [referenceOf(p.node, p.email), p]));

function profileOf(reference: string, p: ParticipantSeed): MatchingProfile {
  return {
    pseudonym: reference,
    nodeId: p.node,
    role: p.role,
    tracks: p.tracks,
    disciplineCode: p.disciplineCode ?? null,
    goalCodes: p.goalCodes ?? [],
    languages: p.languages,
    degreeLevel: p.degreeLevel ?? null,
    meetingFormat: p.meetingFormat ?? null,
    region: p.region ?? null,
    availabilityHoursPerMonth: p.availabilityHoursPerMonth ?? null,
    mentorCapacity: p.role === "MENTOR" ? (p.mentorCapacity ?? 1) : null,
    experienceYears: p.experienceYears ?? null,
    conflictTokens: tokens.of("coord:cohort:00000000-0000-4000-8000-00000000c0de", {
      role: p.role,
      displayName: p.displayName,
      organisation: p.organisation ?? null,
      employer: p.employer ?? null,
      supervisor: p.supervisor ?? null,
    }),
  };
}

const solve = () =>
  solveRound({
    programmeTracks: jointMatching.tracks.map((track) => track.code),
    crossBorderRule: jointMatching.crossBorderRule,
    nodeCountries: Object.fromEntries(registry.nodes.map((node) => [node.id, node.country])),
    weights: { ...DEFAULT_MATCHING_WEIGHTS },
    maxMentorLoad: MAX_OPEN_TANDEMS_PER_MENTOR,
    profiles: (jointMatching.matchingConsents ?? []).map((reference) => profileOf(reference, people.get(reference)!)),
    pins: [],
    bans: [],
    declined: [],
    held: [],
  });

describe("the joint matching cohort's first round", () => {
  it("brings 11 mentees and 7 mentors of all five nodes", () => {
    const solution = solve();
    expect([solution.menteeCount, solution.mentorCount]).toEqual([11, 7]);
    const nodes = new Set((jointMatching.matchingConsents ?? []).map((reference) => people.get(reference)!.node));
    expect([...nodes].sort()).toEqual([...jointMatching.participatingNodeIds].sort());
  });

  it("proposes nine cross-node tandems within every mentor's capacity", () => {
    const { proposals } = solve();
    expect(proposals).toHaveLength(9);
    for (const proposal of proposals) expect(proposal.menteeNodeId).not.toBe(proposal.mentorNodeId);
    const load = new Map<string, number>();
    for (const proposal of proposals) load.set(proposal.mentorPseudonym, (load.get(proposal.mentorPseudonym) ?? 0) + 1);
    for (const [mentor, taken] of load) expect(taken, mentor).toBeLessThanOrEqual(people.get(mentor)!.mentorCapacity ?? 1);
  });

  it("never pairs the doctoral candidate with the founder of the company he works for", () => {
    const { proposals, unmatched } = solve();
    const niklas = "hst/niklas.brandt@hs-trier.example";
    const yves = "unilu/yves.schmit@luxmed-analytics.example";
    expect(people.get(niklas)!.employer).toBeTruthy();
    expect(proposals.some((proposal) => proposal.menteePseudonym === niklas)).toBe(false);
    expect(proposals.filter((proposal) => proposal.mentorPseudonym === yves).map((proposal) => proposal.menteePseudonym)).toEqual(["ul/manon.lefevre@univ-lorraine.example"]);
    expect(unmatched.find((mentee) => mentee.menteePseudonym === niklas)?.reason).toBe("ONLY_CONFLICTED_MENTORS");
  });

  it("leaves one of three engineering mentees over for two engineering places", () => {
    const { unmatched } = solve();
    const others = unmatched.filter((mentee) => mentee.reason !== "ONLY_CONFLICTED_MENTORS");
    expect(others.map((mentee) => mentee.reason)).toEqual(["CAPACITY_EXHAUSTED"]);
    expect(people.get(others[0]!.menteePseudonym)!.tracks).toEqual(["engineering"]);
  });
});
