/**
 * The re-match pool: a REMATCH_POOL round places the mentees who declined,
 * were unmatched or are new, against the places mentors have left; open and
 * accepted proposals (and their tandems) stay as they are, and a pair that
 * declined each other is never proposed again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { firstError, ok, participantId, seedCohort } from "../../../test/fixtures.js";
import { GivenProfiles, RESPOND_TO_PROPOSAL, START_ROUND, mentee, mentor, pseudonymProof, solvedRound } from "../../../test/matching-fixtures.js";

describe("re-match pool", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
  });
  afterAll(() => service.stop());

  /** Answers as a fresh participant of the pseudonym's node, proven by it. */
  async function respond(cohortId: string, pseudonym: string, node: string, proposalId: string, accept: boolean, participant = participantId(node)) {
    const proof = await pseudonymProof(service, { cohortId, pseudonym, participantId: participant });
    return ok(service.as(as.participant(participant)), RESPOND_TO_PROPOSAL, { p: proposalId, a: accept, proof });
  }

  it("keeps accepted and open proposals fixed, excludes declined pairs, and fills only the places left", async () => {
    const { cohort } = await seedCohort(service);
    const x = mentor({ mentorCapacity: 2 });
    const y = mentor({ mentorCapacity: 1 });
    const mentees = [mentee(), mentee(), mentee(), mentee()];
    profiles.set(cohort.id, [...mentees, x, y]);
    const first = await solvedRound(service, cohort.id);
    expect(first).toMatchObject({ matchedCount: 3, unmatchedCount: 1 });
    const [acceptedOne, declinedOne, openOne] = first.proposals;
    const menteeIdOfAccepted = participantId("hst");
    await respond(cohort.id, acceptedOne.menteePseudonym, "hst", acceptedOne.id, true, menteeIdOfAccepted);
    const accepted = (await respond(cohort.id, acceptedOne.mentorPseudonym, "zcu", acceptedOne.id, true)).respondToProposal;
    expect(accepted.status).toBe("ACCEPTED");
    await respond(cohort.id, declinedOne.menteePseudonym, "hst", declinedOne.id, false);
    const newcomer = mentee();
    profiles.add(cohort.id, newcomer);

    expect(firstError(await service.query(START_ROUND, { c: cohort.id, s: "FULL" }))).toMatchObject({ code: "CONFLICT", field: "scope" });
    const second = await solvedRound(service, cohort.id, "REMATCH_POOL");
    const pool = [declinedOne.menteePseudonym, first.unmatched[0].menteePseudonym, newcomer.pseudonym].sort();
    expect(second.scope).toBe("REMATCH_POOL");
    expect(second.menteeCount).toBe(3);
    const placed = [...second.proposals.map((p: any) => p.menteePseudonym), ...second.unmatched.map((u: any) => u.menteePseudonym)].sort();
    expect(placed).toEqual(pool);
    // three places in all, two held by the accepted and the open proposal: one left, never for the pair that declined
    expect(second.matchedCount).toBe(1);
    expect(second.proposals[0]).not.toMatchObject({ menteePseudonym: declinedOne.menteePseudonym, mentorPseudonym: declinedOne.mentorPseudonym });
    const load = (mentorPseudonym: string) => [acceptedOne, openOne, ...second.proposals].filter((proposal: { mentorPseudonym: string }) => proposal.mentorPseudonym === mentorPseudonym).length;
    expect(load(x.pseudonym)).toBeLessThanOrEqual(2);
    expect(load(y.pseudonym)).toBeLessThanOrEqual(1);
    expect(second.unmatched.map((entry: { reason: string }) => entry.reason)).toEqual(["CAPACITY_EXHAUSTED", "CAPACITY_EXHAUSTED"]);
    // the first round's proposals are untouched, the tandem too
    const statuses = await service.sql(`SELECT status FROM matching_proposals WHERE round_id = $1 ORDER BY score DESC, id`, [first.id.split(":")[2]]);
    expect(statuses.map((row) => row.status).sort()).toEqual(["ACCEPTED", "DECLINED", "PROPOSED"]);
    expect(await service.sql(`SELECT status, mentee_id FROM tandems WHERE id = $1`, [accepted.tandemId.split(":")[2]])).toEqual([{ status: "ACCEPTED", mentee_id: menteeIdOfAccepted }]);
  });

  it("never proposes a pair that declined each other again, until another mentor has a place", async () => {
    const { cohort } = await seedCohort(service);
    const a = mentee();
    const n1 = mentor();
    profiles.set(cohort.id, [a, n1]);
    const [proposal] = (await solvedRound(service, cohort.id)).proposals;
    await respond(cohort.id, n1.pseudonym, "zcu", proposal.id, false);
    const again = await solvedRound(service, cohort.id, "REMATCH_POOL");
    expect(again.proposals).toEqual([]);
    expect(again.unmatched).toEqual([{ menteePseudonym: a.pseudonym, menteeNodeId: "hst", reason: "ONLY_CONFLICTED_MENTORS" }]);
    const n2 = mentor();
    profiles.add(cohort.id, n2);
    const third = await solvedRound(service, cohort.id, "REMATCH_POOL");
    expect(third.proposals.map((p: any) => [p.menteePseudonym, p.mentorPseudonym])).toEqual([[a.pseudonym, n2.pseudonym]]);
    // with every proposal declined, a FULL round is possible again, still without the declined pairs
    await respond(cohort.id, a.pseudonym, "hst", third.proposals[0].id, false);
    const full = await solvedRound(service, cohort.id, "FULL");
    expect(full.proposals).toEqual([]);
    expect(full.unmatched[0].reason).toBe("ONLY_CONFLICTED_MENTORS");
  });
});
