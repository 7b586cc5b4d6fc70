/**
 * What a round may pair: the hard constraints one by one (track, language,
 * capacity, conflict tokens, both cross-border rules), pins and bans, the
 * reasons of unmatched mentees, and the score with its breakdown, on
 * profiles given directly to a real service and database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { advanceTo, ok, seedCohort } from "../../../test/fixtures.js";
import { GivenProfiles, finishedRound, mentee, mentor, pairsOf, profile, solvedRound, startRound } from "../../../test/matching-fixtures.js";
import type { MatchingProfile } from "../../index.js";

const PIN = `mutation($c: ID!, $e: String!, $m: String!) { pinPair(cohortId: $c, menteePseudonym: $e, mentorPseudonym: $m) { id kind } }`;
const BAN = `mutation($c: ID!, $e: String!, $m: String!) { banPair(cohortId: $c, menteePseudonym: $e, mentorPseudonym: $m) { id kind } }`;
const WEIGHTS = `mutation($p: ID!, $w: MatchingWeightsInput!) { updateMatchingWeights(programmeId: $p, weights: $w) { id matchingWeights { discipline goals } } }`;

describe("matching constraints", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
  });
  afterAll(() => service.stop());

  /** A fresh cohort with these profiles, solved in one FULL round. */
  async function solve(given: MatchingProfile[], programme: Record<string, unknown> = {}) {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "othaw", "zcu", "unilu"], ...programme });
    profiles.set(cohort.id, given);
    return solvedRound(service, cohort.id);
  }

  const reasons = (round: Record<string, any>) => Object.fromEntries(round.unmatched.map((entry: { menteePseudonym: string; reason: string }) => [entry.menteePseudonym, entry.reason]));

  it("pairs only people sharing a track of the programme", async () => {
    const a = mentee({ tracks: ["health"] });
    const outsider = mentee({ tracks: ["law"] });
    const engineer = mentor({ tracks: ["engineering"], disciplineCode: "x", experienceYears: 30 });
    const carer = mentor({ tracks: ["health", "engineering"] });
    const lawyer = mentor({ tracks: ["law"] });
    const round = await solve([a, outsider, engineer, carer, lawyer]);
    expect(pairsOf(round)).toEqual({ [a.pseudonym]: carer.pseudonym });
    expect(round.proposals[0].track).toBe("health");
    expect(reasons(round)).toEqual({ [outsider.pseudonym]: "NO_COMPATIBLE_MENTOR" });
  });

  it("pairs only people sharing a language", async () => {
    const a = mentee({ languages: ["de"], disciplineCode: "nursing" });
    const french = mentee({ languages: ["fr"] });
    const englishOnly = mentor({ languages: ["en"], disciplineCode: "nursing" });
    const bilingual = mentor({ languages: ["en", "de"] });
    const round = await solve([a, french, englishOnly, bilingual]);
    expect(pairsOf(round)).toEqual({ [a.pseudonym]: bilingual.pseudonym });
    expect(reasons(round)).toEqual({ [french.pseudonym]: "NO_COMPATIBLE_MENTOR" });
  });

  it("gives a mentor at most their capacity, cut to the office's limit of two open tandems; one place when unset", async () => {
    const many = [1, 2, 3, 4].map(() => mentee());
    const generous = mentor({ mentorCapacity: 5 });
    const unset = mentor({ mentorCapacity: null });
    const round = await solve([...many, generous, unset]);
    const load = Object.values(pairsOf(round)).reduce<Record<string, number>>((count, m) => ({ ...count, [m]: (count[m] ?? 0) + 1 }), {});
    expect(load).toEqual({ [generous.pseudonym]: 2, [unset.pseudonym]: 1 });
    expect(round.unmatched.map((entry: { reason: string }) => entry.reason)).toEqual(["CAPACITY_EXHAUSTED"]);
    expect(round).toMatchObject({ menteeCount: 4, mentorCount: 2, matchedCount: 3, unmatchedCount: 1 });
  });

  it("never pairs people sharing a conflict token (a dependent relationship), whatever the score", async () => {
    const a = mentee({ conflictTokens: ["ct1.employer-x"], disciplineCode: "chemistry" });
    const colleague = mentor({ conflictTokens: ["ct1.employer-x"], disciplineCode: "chemistry", experienceYears: 20 });
    const stranger = mentor({ conflictTokens: ["ct1.employer-y"] });
    const lonely = mentee({ conflictTokens: ["ct1.supervisor-z"], tracks: ["engineering"] });
    const boss = mentor({ conflictTokens: ["ct1.supervisor-z"], tracks: ["engineering"] });
    const round = await solve([a, colleague, stranger, lonely, boss]);
    expect(pairsOf(round)).toEqual({ [a.pseudonym]: stranger.pseudonym });
    expect(reasons(round)).toEqual({ [lonely.pseudonym]: "ONLY_CONFLICTED_MENTORS" });
  });

  it("applies DIFFERENT_NODE: mentee and mentor at different nodes", async () => {
    const a = mentee({ nodeId: "hst", disciplineCode: "d" });
    const sameNode = mentor({ nodeId: "hst", disciplineCode: "d" });
    const otherNode = mentor({ nodeId: "othaw" });
    const alone = mentee({ nodeId: "unilu", tracks: ["engineering"] });
    const neighbour = mentor({ nodeId: "unilu", tracks: ["engineering"] });
    const round = await solve([a, sameNode, otherNode, alone, neighbour], { crossBorderRule: "DIFFERENT_NODE" });
    expect(pairsOf(round)).toEqual({ [a.pseudonym]: otherNode.pseudonym });
    expect(reasons(round)).toEqual({ [alone.pseudonym]: "NO_COMPATIBLE_MENTOR" });
  });

  it("applies DIFFERENT_COUNTRY: the nodes' countries per the registry differ (hst and othaw are both German)", async () => {
    const a = mentee({ nodeId: "hst", disciplineCode: "d" });
    const german = mentor({ nodeId: "othaw", disciplineCode: "d", experienceYears: 40 });
    const czech = mentor({ nodeId: "zcu" });
    const round = await solve([a, german, czech], { crossBorderRule: "DIFFERENT_COUNTRY" });
    expect(pairsOf(round)).toEqual({ [a.pseudonym]: czech.pseudonym });
    expect(round.crossBorderRule).toBe("DIFFERENT_COUNTRY");
  });

  it("counts alumni as mentors", async () => {
    const a = mentee();
    const alumnus = profile({ role: "ALUMNUS", nodeId: "zcu", mentorCapacity: 1 });
    const round = await solve([a, alumnus]);
    expect(pairsOf(round)).toEqual({ [a.pseudonym]: alumnus.pseudonym });
    expect(round.mentorCount).toBe(1);
  });

  it("matches the most mentees first, then the best total score", async () => {
    // greedy would give the versatile mentor to the first mentee and leave the second unmatched
    const first = mentee({ disciplineCode: "d", languages: ["en", "de"] });
    const second = mentee({ languages: ["de"] });
    const versatile = mentor({ disciplineCode: "d", languages: ["en", "de"] });
    const englishOnly = mentor({ languages: ["en"] });
    const round = await solve([first, second, versatile, englishOnly]);
    expect(pairsOf(round)).toEqual({ [first.pseudonym]: englishOnly.pseudonym, [second.pseudonym]: versatile.pseudonym });
    expect(round.unmatched).toEqual([]);
  });

  it("explains every score: a breakdown per criterion whose points add up to the score", async () => {
    const a = mentee({
      tracks: ["health", "engineering"],
      disciplineCode: "nursing",
      goalCodes: ["career", "research"],
      languages: ["de", "en"],
      experienceYears: 2,
      meetingFormat: "HYBRID",
      region: "DE-RP",
    });
    const m = mentor({ tracks: ["health"], disciplineCode: "nursing", goalCodes: ["career"], languages: ["de", "fr"], experienceYears: 7, meetingFormat: "IN_PERSON", region: "DE-SL" });
    const round = await solve([a, m]);
    const [proposal] = round.proposals;
    expect(proposal.breakdown).toEqual([
      { criterion: "TRACK", subScore: 0.5, weight: 3, points: 1.5 },
      { criterion: "DISCIPLINE", subScore: 1, weight: 3, points: 3 },
      { criterion: "GOALS", subScore: 0.5, weight: 2, points: 1 },
      { criterion: "EXPERIENCE_GAP", subScore: 0.5, weight: 1, points: 0.5 },
      { criterion: "FORMAT_REGION", subScore: 0.5, weight: 1, points: 0.5 },
      { criterion: "LANGUAGE_DEPTH", subScore: 0.5, weight: 1, points: 0.5 },
    ]);
    expect(proposal.score).toBe(7);
    expect(round.totalScore).toBe(7);
  });

  it("keeps breakdowns summing to scores on a larger generated round", async () => {
    const given: MatchingProfile[] = [];
    for (let i = 0; i < 60; i++) {
      const shape = {
        disciplineCode: `d${i % 4}`,
        goalCodes: [`g${i % 3}`, `g${i % 5}`],
        languages: i % 3 ? ["en", "de"] : ["en"],
        experienceYears: i % 17,
        meetingFormat: (["ONLINE", "HYBRID", "IN_PERSON"] as const)[i % 3],
        region: ["DE-RP", "CZ-PL", "LU"][i % 3]!,
      };
      given.push(i % 3 ? mentee({ ...shape, nodeId: ["hst", "zcu", "unilu"][i % 3]! }) : mentor({ ...shape, mentorCapacity: 2, nodeId: ["zcu", "unilu", "othaw"][i % 3]! }));
    }
    const round = await solve(given);
    expect(round.proposals.length).toBeGreaterThan(20);
    for (const proposal of round.proposals) {
      const sum = proposal.breakdown.reduce((total: number, part: { points: number }) => total + part.points, 0);
      expect(sum).toBeCloseTo(proposal.score, 9);
      for (const part of proposal.breakdown) {
        expect(part.subScore).toBeGreaterThanOrEqual(0);
        expect(part.subScore).toBeLessThanOrEqual(1);
      }
    }
    expect(round.totalScore).toBeCloseTo(
      round.proposals.reduce((total: number, proposal: { score: number }) => total + proposal.score, 0),
      9,
    );
  });

  it("changes the outcome with the programme's weights, and records the weights each round used", async () => {
    const shape = () => {
      const a = mentee({ disciplineCode: "physics", goalCodes: ["startup"] });
      const sameDiscipline = mentor({ disciplineCode: "physics" });
      const sameGoals = mentor({ goalCodes: ["startup"] });
      return { a, sameDiscipline, sameGoals, all: [a, sameDiscipline, sameGoals] };
    };
    const { programme, cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] });
    const before = shape();
    profiles.set(cohort.id, before.all);
    const first = await solvedRound(service, cohort.id);
    expect(pairsOf(first)).toEqual({ [before.a.pseudonym]: before.sameDiscipline.pseudonym });
    expect(first.weights).toEqual({ track: 3, discipline: 3, goals: 2, experienceGap: 1, formatRegion: 1, languageDepth: 1 });

    expect((await ok(service, WEIGHTS, { p: programme.id, w: { discipline: 0.5, goals: 10 } })).updateMatchingWeights.matchingWeights).toEqual({ discipline: 0.5, goals: 10 });
    const next = (
      await ok(
        service,
        `mutation($p: ID!, $n: String!, $q: [CohortQuotaInput!]!) {
          createCohort(input: { programmeId: $p, name: $n, startsOn: "2027-10-01", endsOn: "2028-06-30", quotas: $q, applicationsOpenAt: "2027-05-01T08:00:00Z", applicationsCloseAt: "2027-07-01T08:00:00Z" }) { id }
        }`,
        {
          p: programme.id,
          n: "Next year",
          q: [{ nodeId: "hst", mentees: 5, mentors: 5 }],
        },
      )
    ).createCohort;
    await advanceTo(service, next.id, "MATCHING");
    const after = shape();
    profiles.set(next.id, after.all);
    const second = await solvedRound(service, next.id);
    expect(pairsOf(second)).toEqual({ [after.a.pseudonym]: after.sameGoals.pseudonym });
    expect(second.weights).toMatchObject({ discipline: 0.5, goals: 10 });
    expect(second.proposals[0].breakdown.find((part: { criterion: string }) => part.criterion === "GOALS")).toEqual({ criterion: "GOALS", subScore: 1, weight: 10, points: 10 });
  });

  it("pre-assigns pins, even against track and score, and takes the mentor's place", async () => {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] });
    const a = mentee({ tracks: ["health"], disciplineCode: "d" });
    const b = mentee({ tracks: ["engineering"] });
    const ideal = mentor({ tracks: ["health"], disciplineCode: "d" });
    const engineer = mentor({ tracks: ["engineering"] });
    profiles.set(cohort.id, [a, b, ideal, engineer]);
    await ok(service, PIN, { c: cohort.id, e: a.pseudonym, m: engineer.pseudonym });
    const round = await solvedRound(service, cohort.id);
    expect(pairsOf(round)).toEqual({ [a.pseudonym]: engineer.pseudonym });
    const pinned = round.proposals[0];
    expect(pinned).toMatchObject({ pinned: true, track: "health" });
    expect(pinned.breakdown[0]).toMatchObject({ criterion: "TRACK", subScore: 0 });
    expect(reasons(round)).toEqual({ [b.pseudonym]: "CAPACITY_EXHAUSTED" });
  });

  it("never pairs a banned pair", async () => {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] });
    const a = mentee({ disciplineCode: "d" });
    const best = mentor({ disciplineCode: "d" });
    const other = mentor();
    const alone = mentee({ tracks: ["engineering"] });
    const only = mentor({ tracks: ["engineering"] });
    profiles.set(cohort.id, [a, best, other, alone, only]);
    await ok(service, BAN, { c: cohort.id, e: a.pseudonym, m: best.pseudonym });
    await ok(service, BAN, { c: cohort.id, e: alone.pseudonym, m: only.pseudonym });
    const round = await solvedRound(service, cohort.id);
    expect(pairsOf(round)).toEqual({ [a.pseudonym]: other.pseudonym });
    expect(reasons(round)).toEqual({ [alone.pseudonym]: "ONLY_CONFLICTED_MENTORS" });
  });

  describe("fails the round, saying which pin and why, for a pin that", () => {
    async function failWith(given: MatchingProfile[], pins: [MatchingProfile | string, MatchingProfile | string][], programme: Record<string, unknown> = {}) {
      const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "othaw", "zcu"], ...programme });
      profiles.set(cohort.id, given);
      const name = (who: MatchingProfile | string) => (typeof who === "string" ? who : who.pseudonym);
      for (const [e, m] of pins) await ok(service, PIN, { c: cohort.id, e: name(e), m: name(m) });
      const round = await finishedRound(service, await startRound(service, cohort.id));
      expect(round).toMatchObject({ status: "FAILED", proposals: [], unmatched: [], matchedCount: null });
      expect(round.finishedAt).not.toBeNull();
      expect(await service.sql(`SELECT count(*)::int AS n FROM matching_proposals p JOIN matching_rounds r ON r.id = p.round_id WHERE r.cohort_id = $1`, [cohort.id.split(":")[2]])).toEqual([
        { n: 0 },
      ]);
      return round.error as string;
    }

    it("pairs people sharing a conflict token", async () => {
      const a = mentee({ conflictTokens: ["ct1.same"] });
      const m = mentor({ conflictTokens: ["ct1.same"] });
      const error = await failWith([a, m], [[a, m]]);
      expect(error).toContain(`pin of mentee ${a.pseudonym} with mentor ${m.pseudonym}`);
      expect(error).toMatch(/conflict token/);
    });

    it("breaks the cross-border rule", async () => {
      const a = mentee({ nodeId: "hst" });
      const m = mentor({ nodeId: "othaw" });
      expect(await failWith([a, m], [[a, m]], { crossBorderRule: "DIFFERENT_COUNTRY" })).toMatch(/DIFFERENT_COUNTRY.*both nodes are in DE/);
      const b = mentee({ nodeId: "zcu" });
      const n = mentor({ nodeId: "zcu" });
      expect(await failWith([b, n], [[b, n]], { crossBorderRule: "DIFFERENT_NODE" })).toMatch(/DIFFERENT_NODE.*both belong to zcu/);
    });

    it("names a pseudonym without a profile, or a mentor as mentee", async () => {
      const a = mentee();
      const m = mentor();
      expect(await failWith([a, m], [["mp1.AAAAAAAAAAAAAAAAAAAAAAAA", m]])).toMatch(/no mentee profile has this pseudonym/);
      expect(await failWith([a, m], [[m, a]])).toMatch(/no mentee profile/);
    });

    it("overfills a mentor", async () => {
      const a = mentee();
      const b = mentee();
      const m = mentor({ mentorCapacity: 1 });
      expect(
        await failWith(
          [a, b, m],
          [
            [a, m],
            [b, m],
          ],
        ),
      ).toMatch(new RegExp(`2 pins name mentor ${m.pseudonym.replace(".", "\\.")}, more than their 1 free place`));
    });
  });
});
