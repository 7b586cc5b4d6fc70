/**
 * Matching under each role: joint coordinators manage it and see all of a
 * round; a participating node's coordinators see the proposals and
 * unmatched mentees of their node; everyone else is refused with FORBIDDEN
 * naming the rule, and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import type { Caller } from "@tandem/shared";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ok, participantId, seedCohort } from "../../../test/fixtures.js";
import { GivenProfiles, ROUND, START_ROUND, mentee, mentor, pseudonym, solvedRound } from "../../../test/matching-fixtures.js";

const WEIGHTS = `mutation($p: ID!) { updateMatchingWeights(programmeId: $p, weights: { track: 5 }) { id } }`;
const PIN = `mutation($c: ID!, $e: String!, $m: String!) { pinPair(cohortId: $c, menteePseudonym: $e, mentorPseudonym: $m) { id } }`;
const BAN = `mutation($c: ID!, $e: String!, $m: String!) { banPair(cohortId: $c, menteePseudonym: $e, mentorPseudonym: $m) { id } }`;
const REMOVE = `mutation($id: ID!) { removePinOrBan(id: $id) }`;
const ROUNDS = `query($c: ID!) { matchingRounds(cohortId: $c) { id } }`;
const RULES = `query($c: ID!) { cohort(id: $c) { matchingPairRules { id } } programmes { matchingWeights { track } } }`;
const SEEN = `query($id: ID!) { matchingRound(id: $id) { id matchedCount proposals { menteeNodeId mentorNodeId } unmatched { menteeNodeId } } }`;

const joint = as.jointCoordinator();
const hst = as.nodeCoordinator("hst");
const zcu = as.nodeCoordinator("zcu");
const unilu = as.nodeCoordinator("unilu");
const someone = as.participant(participantId("hst"));

describe("matching authorisation", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  let programmeId: string;
  let cohortId: string;
  let roundId: string;
  let ruleId: string;
  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
    const seeded = await seedCohort(service, { participatingNodeIds: ["hst", "zcu", "othaw"] });
    programmeId = seeded.programme.id;
    cohortId = seeded.cohort.id;
    // hst→zcu, othaw→zcu, zcu→othaw, and one hst mentee left over
    profiles.set(cohortId, [
      mentee({ nodeId: "hst", disciplineCode: "a" }),
      mentee({ nodeId: "othaw", disciplineCode: "b" }),
      mentee({ nodeId: "zcu", disciplineCode: "c" }),
      mentee({ nodeId: "hst", languages: ["fr"] }),
      mentor({ nodeId: "zcu", disciplineCode: "a" }),
      mentor({ nodeId: "zcu", disciplineCode: "b" }),
      mentor({ nodeId: "othaw", disciplineCode: "c" }),
    ]);
    roundId = (await solvedRound(service, cohortId)).id;
    ruleId = (await ok(service, BAN, { c: cohortId, e: pseudonym(), m: pseudonym() })).banPair.id;
  });
  afterAll(() => service.stop());

  async function expectForbidden(caller: Caller, query: string, variables: Record<string, unknown>, rule: string) {
    const tables = ["programme_matching_weights", "matching_pair_rules", "matching_rounds", "matching_proposals"];
    const counts = () => Promise.all(tables.map((table) => service.countRows(table)));
    const before = await counts();
    const result = await service.as(caller).query(query, variables);
    expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: "FORBIDDEN", rule });
    expect(result.errors?.[0]?.message).toContain(`"${rule}"`);
    expect(await counts()).toEqual(before);
  }

  it("lets only joint coordinators set weights, pins and bans, and start rounds", async () => {
    const operations: [string, Record<string, unknown>][] = [
      [WEIGHTS, { p: programmeId }],
      [PIN, { c: cohortId, e: pseudonym(), m: pseudonym() }],
      [BAN, { c: cohortId, e: pseudonym(), m: pseudonym() }],
      [REMOVE, { id: ruleId }],
      [START_ROUND, { c: cohortId, s: "REMATCH_POOL" }],
    ];
    for (const caller of [hst, zcu, unilu, someone]) {
      for (const [query, variables] of operations) await expectForbidden(caller, query, variables, "manage-matching");
    }
    for (const [query, variables] of operations) await ok(service.as(joint), query, variables);
  });

  it("shows a round whole to joint coordinators and, to a node's coordinators, the entries of their node", async () => {
    const all = (await ok(service.as(joint), SEEN, { id: roundId })).matchingRound;
    expect(all.proposals).toHaveLength(3);
    expect(all.unmatched).toEqual([{ menteeNodeId: "hst" }]);
    const ofHst = (await ok(service.as(hst), SEEN, { id: roundId })).matchingRound;
    expect(ofHst).toMatchObject({ matchedCount: 3, proposals: [{ menteeNodeId: "hst", mentorNodeId: "zcu" }], unmatched: [{ menteeNodeId: "hst" }] });
    const ofZcu = (await ok(service.as(zcu), SEEN, { id: roundId })).matchingRound;
    expect(ofZcu.proposals.every((p: { menteeNodeId: string; mentorNodeId: string }) => p.menteeNodeId === "zcu" || p.mentorNodeId === "zcu")).toBe(true);
    expect(ofZcu.proposals).toHaveLength(3);
    expect(ofZcu.unmatched).toEqual([]);
    expect((await ok(service.as(as.nodeCoordinator("othaw")), SEEN, { id: roundId })).matchingRound.proposals).toHaveLength(2);
    expect((await ok(service.as(hst), ROUNDS, { c: cohortId })).matchingRounds.length).toBeGreaterThan(0);
  });

  it("refuses rounds to coordinators of other nodes and to participants", async () => {
    for (const caller of [unilu, someone, as.participant(participantId("zcu"), "mentor")]) {
      await expectForbidden(caller, ROUND, { id: roundId }, "review-matching");
      await expectForbidden(caller, ROUNDS, { c: cohortId }, "review-matching");
    }
    const system = await service.as(as.system()).query(ROUND, { id: roundId });
    expect(system.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("lists pins and bans to coordinators of the programme only, and weights to anyone signed in", async () => {
    for (const caller of [joint, hst]) expect((await ok(service.as(caller), RULES, { c: cohortId })).cohort.matchingPairRules.length).toBeGreaterThan(0);
    for (const caller of [unilu, someone]) {
      const data = await ok(service.as(caller), RULES, { c: cohortId });
      expect(data.cohort.matchingPairRules).toEqual([]);
      expect(data.programmes.length).toBeGreaterThan(0);
    }
  });
});
