/**
 * Building blocks for matching tests: profiles given directly (the rounds'
 * profile source is an interface; one test pulls them through an HTTP
 * gateway), rounds started and awaited, and the matching-pseudonym proofs
 * a participant's home node signs.
 */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { ProofType, signProof } from "@tandem/shared";
import { RoundFailure, type MatchingProfile, type MatchingProfileSource, type ProfileRequest } from "../src/index.js";
import { ok } from "./fixtures.js";
import type { CoordinationClient, TestCoordination } from "./test-coordination.js";

/** Profiles per cohort, served page by page; nodes listed in `down` cannot answer. */
export class GivenProfiles implements MatchingProfileSource {
  private readonly byCohort = new Map<string, MatchingProfile[]>();
  readonly down = new Set<string>();
  readonly requests: ProfileRequest[] = [];
  pageSize = 100;
  /** Pause before each page, to watch FETCHING move. */
  pageDelayMs = 0;

  set(cohortId: string, profiles: MatchingProfile[]): void {
    this.byCohort.set(cohortId, profiles);
  }

  add(cohortId: string, ...profiles: MatchingProfile[]): void {
    this.byCohort.set(cohortId, [...(this.byCohort.get(cohortId) ?? []), ...profiles]);
  }

  async fetchProfiles(request: ProfileRequest, onProgress: (fetched: number, total: number) => void): Promise<MatchingProfile[]> {
    this.requests.push(request);
    const down = request.nodes.filter((node) => this.down.has(node));
    if (down.length) throw new RoundFailure(`node ${down.join(", ")} could not answer matchingProfiles (NODE_UNAVAILABLE); a round needs every participating node`);
    const all = (this.byCohort.get(request.cohortId) ?? []).filter((profile) => request.nodes.includes(profile.nodeId));
    const fetched: MatchingProfile[] = [];
    for (let start = 0; start === 0 || start < all.length; start += this.pageSize) {
      if (this.pageDelayMs) await new Promise((resolve) => setTimeout(resolve, this.pageDelayMs));
      fetched.push(...all.slice(start, start + this.pageSize));
      onProgress(fetched.length, all.length);
    }
    return fetched;
  }
}

export function pseudonym(): string {
  return `mp1.${randomBytes(18).toString("base64url")}`;
}

export function profile(overrides: Partial<MatchingProfile> = {}): MatchingProfile {
  return {
    pseudonym: pseudonym(),
    nodeId: "hst",
    role: "MENTEE",
    tracks: ["health"],
    disciplineCode: null,
    goalCodes: [],
    languages: ["en"],
    degreeLevel: null,
    meetingFormat: null,
    region: null,
    availabilityHoursPerMonth: null,
    mentorCapacity: null,
    experienceYears: null,
    conflictTokens: [],
    ...overrides,
  };
}

export const mentee = (overrides: Partial<MatchingProfile> = {}) => profile({ role: "MENTEE", ...overrides });
export const mentor = (overrides: Partial<MatchingProfile> = {}) => profile({ role: "MENTOR", nodeId: "zcu", mentorCapacity: 1, ...overrides });

export const PROPOSAL_FIELDS = `id roundId cohortId menteePseudonym menteeNodeId mentorPseudonym mentorNodeId track score pinned status
  breakdown { criterion subScore weight points } menteeResponse menteeRespondedAt mentorResponse mentorRespondedAt tandemId`;
export const ROUND_FIELDS = `id cohortId scope status progress error nodeIds crossBorderRule profileCount menteeCount mentorCount matchedCount unmatchedCount totalScore
  createdAt fetchingAt solvingAt finishedAt weights { track discipline goals experienceGap formatRegion languageDepth }
  proposals { ${PROPOSAL_FIELDS} } unmatched { menteePseudonym menteeNodeId reason }`;
export const START_ROUND = `mutation($c: ID!, $s: MatchingRoundScope!) { startMatchingRound(cohortId: $c, scope: $s) { id status progress scope createdAt } }`;
export const ROUND = `query($id: ID!) { matchingRound(id: $id) { ${ROUND_FIELDS} } }`;
export const RESPOND_TO_PROPOSAL = `mutation($p: ID!, $a: Boolean!, $proof: String!) {
  respondToProposal(proposalId: $p, accept: $a, pseudonymProof: $proof) { ${PROPOSAL_FIELDS} tandem { id status menteeId mentorId acceptanceProof } }
}`;

export type Scope = "FULL" | "REMATCH_POOL";

/** Starts a round (as a joint coordinator) and returns its id. */
export async function startRound(service: TestCoordination, cohortId: string, scope: Scope = "FULL"): Promise<string> {
  return (await ok(service, START_ROUND, { c: cohortId, s: scope })).startMatchingRound.id;
}

/** Waits for a round to end, then reads it as `caller` (default: a joint coordinator). */
export async function finishedRound(service: TestCoordination, roundId: string, caller: CoordinationClient = service): Promise<Record<string, any>> {
  await service.coordination.services.matchingRunner.settled(roundId.split(":")[2]!);
  return (await ok(caller, ROUND, { id: roundId })).matchingRound;
}

/** Starts a round, waits for it and expects it SOLVED. */
export async function solvedRound(service: TestCoordination, cohortId: string, scope: Scope = "FULL"): Promise<Record<string, any>> {
  const round = await finishedRound(service, await startRound(service, cohortId, scope));
  expect(round.error).toBeNull();
  expect(round.status).toBe("SOLVED");
  return round;
}

/** Mentor pseudonym per mentee pseudonym. */
export function pairsOf(round: Record<string, any>): Record<string, string> {
  return Object.fromEntries(round.proposals.map((proposal: { menteePseudonym: string; mentorPseudonym: string }) => [proposal.menteePseudonym, proposal.mentorPseudonym]));
}

/** A matching-pseudonym proof as the participant's home node signs it (`signer` to forge one with another party's key). */
export function pseudonymProof(service: TestCoordination, claims: { cohortId: string; pseudonym: string; participantId: string }, signer = claims.participantId.split(":")[0]!): Promise<string> {
  return signProof(service.trust.keys.get(signer)!, signer, { type: ProofType.MATCHING_PSEUDONYM, ...claims });
}
