/**
 * Answers to proposals: only by the participant a proposal names, proven by
 * their home node's matching-pseudonym proof; on mutual acceptance the
 * tandem is created from the proven ids, ACCEPTED, with an acceptance proof
 * the nodes verify before recording disclosure grants.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { ProofType, signProof, verifyProof } from "@tandem/shared";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ENROL, PROPOSE_TANDEM, firstError, ok, participantId, seedCohort } from "../../../test/fixtures.js";
import { GivenProfiles, PROPOSAL_FIELDS, RESPOND_TO_PROPOSAL, mentee, mentor, pseudonymProof, solvedRound } from "../../../test/matching-fixtures.js";

const MINE = `query($c: ID!, $proof: String!) { myMatchingProposals(cohortId: $c, pseudonymProof: $proof) { ${PROPOSAL_FIELDS} } }`;

interface Party {
  id: string;
  pseudonym: string;
  proof: string;
}

describe("answers to proposals", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
  });
  afterAll(() => service.stop());

  /** A cohort of hst mentees and zcu mentors, one proposal per pair, and each participant's id and proof. */
  async function proposed(pairs = 1, quota = 5) {
    const { cohort, programme } = await seedCohort(service, {}, quota);
    const people = Array.from({ length: pairs }, () => ({ mentee: mentee({ nodeId: "hst" }), mentor: mentor({ nodeId: "zcu" }) }));
    profiles.set(
      cohort.id,
      people.flatMap((pair) => [pair.mentee, pair.mentor]),
    );
    const round = await solvedRound(service, cohort.id);
    const party = async (pseudonym: string, node: string): Promise<Party> => {
      const id = participantId(node);
      return { id, pseudonym, proof: await pseudonymProof(service, { cohortId: cohort.id, pseudonym, participantId: id }) };
    };
    const proposals = [];
    for (const proposal of round.proposals) {
      proposals.push({ ...proposal, mentee: await party(proposal.menteePseudonym, "hst"), mentor: await party(proposal.mentorPseudonym, "zcu") });
    }
    return { cohort, programme, round, proposals };
  }

  const answer = (who: Party, proposalId: string, accept: boolean, proof = who.proof, caller = as.participant(who.id)) =>
    service.as(caller).query(RESPOND_TO_PROPOSAL, { p: proposalId, a: accept, proof });

  it("records each acceptance; the second creates the tandem from the proven ids, ACCEPTED, with an acceptance proof nodes verify", async () => {
    const { cohort, proposals } = await proposed();
    const [proposal] = proposals;
    const first = (await answer(proposal.mentee, proposal.id, true)).data!.respondToProposal;
    expect(first).toMatchObject({ status: "ACCEPTED_BY_MENTEE", menteeResponse: "ACCEPTED", mentorResponse: "PENDING", tandemId: null, tandem: null });
    const feedStart = await service.coordination.outbox.feed.head();

    const accepted = (await answer(proposal.mentor, proposal.id, true)).data!.respondToProposal;
    expect(accepted).toMatchObject({ status: "ACCEPTED", menteeResponse: "ACCEPTED", mentorResponse: "ACCEPTED", menteeRespondedAt: first.menteeRespondedAt });
    const { tandem } = accepted;
    expect(tandem).toMatchObject({ id: accepted.tandemId, status: "ACCEPTED", menteeId: proposal.mentee.id, mentorId: proposal.mentor.id });
    expect(await verifyProof(tandem.acceptanceProof, service.trust.registry)).toEqual({
      type: "tandem-accepted",
      issuer: "coord",
      tandemId: tandem.id,
      menteeId: proposal.mentee.id,
      mentorId: proposal.mentor.id,
    });
    // each home node records the contact disclosure from the same proof, which the partner and their coordinators can read
    for (const caller of [as.participant(proposal.mentee.id), as.participant(proposal.mentor.id, "mentor"), as.nodeCoordinator("hst"), as.nodeCoordinator("zcu")]) {
      const read = await ok(service.as(caller), `query($id: ID!) { tandem(id: $id) { acceptanceProof menteeResponse mentorResponse } }`, { id: tandem.id });
      expect(read.tandem).toEqual({ acceptanceProof: tandem.acceptanceProof, menteeResponse: "ACCEPTED", mentorResponse: "ACCEPTED" });
    }
    const enrolments = await service.sql(`SELECT participant_id, role, track_code, status FROM enrolments WHERE cohort_id = $1 ORDER BY role`, [cohort.id.split(":")[2]]);
    expect(enrolments).toEqual([
      { participant_id: proposal.mentee.id, role: "MENTEE", track_code: "health", status: "ACTIVE" },
      { participant_id: proposal.mentor.id, role: "MENTOR", track_code: "health", status: "ACTIVE" },
    ]);
    const changes = await service
      .feed()
      .subscribe([`tandem:${tandem.id}`], feedStart)
      .waitFor(1);
    expect(changes.map((change) => [change.kind, change.refs])).toEqual([["ACCEPTED", { tandemId: tandem.id }]]);
    const audit = await service.sql(`SELECT action, participant_id, target_id, actor FROM audit_log WHERE action IN ('respondToProposal', 'createTandemFromProposal') ORDER BY id DESC LIMIT 3`);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "createTandemFromProposal", participant_id: proposal.mentee.id, target_id: tandem.id, actor: proposal.mentor.id },
        { action: "createTandemFromProposal", participant_id: proposal.mentor.id, target_id: tandem.id, actor: proposal.mentor.id },
        { action: "respondToProposal", participant_id: null, target_id: proposal.id, actor: proposal.mentor.id },
      ]),
    );
    // the same answer again changes nothing; another one is refused
    expect((await answer(proposal.mentor, proposal.id, true)).data!.respondToProposal).toMatchObject({ status: "ACCEPTED", tandemId: tandem.id });
    expect(firstError(await answer(proposal.mentee, proposal.id, false))).toMatchObject({ code: "INVALID_TRANSITION", field: "proposalId", from: "ACCEPTED" });
    expect(await service.countRows("tandems")).toBe(1);
  });

  it("lets a participant decline, even after accepting, until the other answered; a decline forgets the ids it held", async () => {
    const { proposals } = await proposed();
    const [proposal] = proposals;
    await answer(proposal.mentor, proposal.id, true);
    const declined = (await answer(proposal.mentor, proposal.id, false)).data!.respondToProposal;
    expect(declined).toMatchObject({ status: "DECLINED", mentorResponse: "DECLINED", menteeResponse: "PENDING", tandem: null });
    const [row] = await service.sql(`SELECT mentee_participant_id, mentor_participant_id FROM matching_proposals WHERE id = $1`, [proposal.id.split(":")[2]]);
    expect(row).toEqual({ mentee_participant_id: null, mentor_participant_id: null });
    expect(firstError(await answer(proposal.mentee, proposal.id, true))).toMatchObject({ code: "INVALID_TRANSITION", from: "DECLINED" });
    expect((await answer(proposal.mentor, proposal.id, false)).data!.respondToProposal.status).toBe("DECLINED");
  });

  it("refuses proofs that do not prove the caller is the participant on a side of the proposal, changing nothing", async () => {
    const { cohort, proposals } = await proposed(2);
    const [proposal, other] = proposals;
    const otherCohort = (await seedCohort(service)).cohort;
    const menteeClaims = { cohortId: cohort.id, pseudonym: proposal.mentee.pseudonym, participantId: proposal.mentee.id };
    const stranger = participantId("unilu");
    const invalid: [string, string, RegExp][] = [
      ["not a proof", "garbage", /does not verify/],
      ["signed by another node than the participant's", await pseudonymProof(service, menteeClaims, "zcu"), /home node only|signature|not published/],
      ["for another cohort", await pseudonymProof(service, { ...menteeClaims, cohortId: otherCohort.id }), /another cohort/],
      [
        "of another kind",
        await signProof(service.trust.keys.get("coord")!, "coord", { type: ProofType.TANDEM_ACCEPTED, tandemId: "coord:tandem:x", menteeId: proposal.mentee.id, mentorId: proposal.mentor.id }),
        /expected a matching-pseudonym proof/,
      ],
    ];
    const forbidden: [string, string, ReturnType<typeof as.participant>][] = [
      ["someone else's (valid) proof", proposal.mentee.proof, as.participant(participantId("hst"))],
      ["a foreign node claiming the mentee's pseudonym for its participant", await pseudonymProof(service, { ...menteeClaims, participantId: stranger }), as.participant(stranger)],
      [
        "the wrong side: the mentee's node claiming the mentor's pseudonym for its own participant",
        await pseudonymProof(service, { cohortId: cohort.id, pseudonym: proposal.mentor.pseudonym, participantId: proposal.mentee.id }),
        as.participant(proposal.mentee.id),
      ],
      ["the proof of a participant of another proposal", other.mentee.proof, as.participant(other.mentee.id)],
      ["a node coordinator holding the participant's proof", proposal.mentee.proof, as.nodeCoordinator("hst")],
      ["a joint coordinator holding it", proposal.mentee.proof, as.jointCoordinator()],
    ];
    const before = await service.sql(`SELECT status, mentee_response, mentor_response FROM matching_proposals ORDER BY id`);
    for (const [name, proof, reason] of invalid) {
      const result = await answer(proposal.mentee, proposal.id, true, proof);
      expect(firstError(result), name).toMatchObject({ code: "INVALID_PROOF", field: "pseudonymProof" });
      expect(result.errors![0]!.message, name).toMatch(reason);
    }
    for (const [name, proof, caller] of forbidden) {
      expect(firstError(await answer(proposal.mentee, proposal.id, true, proof, caller)), name).toMatchObject({ code: "FORBIDDEN", rule: "respond-to-proposal" });
    }
    expect(firstError(await service.as(as.system()).query(RESPOND_TO_PROPOSAL, { p: proposal.id, a: true, proof: proposal.mentee.proof }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await service.sql(`SELECT status, mentee_response, mentor_response FROM matching_proposals ORDER BY id`)).toEqual(before);
    expect(firstError(await answer(proposal.mentee, "coord:matching-proposal:00000000-0000-4000-8000-000000000000", true))).toMatchObject({ code: "NOT_FOUND", field: "proposalId" });
  });

  it("refuses a second participant answering for a side another participant accepted", async () => {
    const { cohort, proposals } = await proposed();
    const [proposal] = proposals;
    await answer(proposal.mentee, proposal.id, true);
    // a node that signs the same pseudonym for another of its participants
    const impostor = participantId("hst");
    const proof = await pseudonymProof(service, { cohortId: cohort.id, pseudonym: proposal.mentee.pseudonym, participantId: impostor });
    expect(firstError(await service.as(as.participant(impostor)).query(RESPOND_TO_PROPOSAL, { p: proposal.id, a: false, proof }))).toMatchObject({ code: "FORBIDDEN", rule: "respond-to-proposal" });
  });

  it("fails the second acceptance clearly, keeping the first, when the tandem cannot be created", async () => {
    // no mentee places at hst
    const full = await proposed(1, 0);
    const [noPlace] = full.proposals;
    await answer(noPlace.mentee, noPlace.id, true);
    expect(firstError(await answer(noPlace.mentor, noPlace.id, true))).toMatchObject({ code: "QUOTA_EXCEEDED", field: "proposalId", node: "hst", role: "MENTEE" });
    const [kept] = await service.sql(`SELECT status, mentor_response FROM matching_proposals WHERE id = $1`, [noPlace.id.split(":")[2]]);
    expect(kept).toEqual({ status: "ACCEPTED_BY_MENTEE", mentor_response: "PENDING" });

    // enrolled in the other role
    const { cohort, proposals } = await proposed(2);
    const [asMentor, busy] = proposals;
    await ok(service, ENROL, { input: { cohortId: cohort.id, participantId: asMentor.mentee.id, role: "MENTOR", track: "health" } });
    await answer(asMentor.mentee, asMentor.id, true);
    expect(firstError(await answer(asMentor.mentor, asMentor.id, true))).toMatchObject({ code: "CONFLICT", field: "proposalId" });

    // the mentee already has an open tandem in the cohort
    await ok(service, ENROL, { input: { cohortId: cohort.id, participantId: busy.mentee.id, role: "MENTEE", track: "health" } });
    const someMentor = participantId("zcu");
    await ok(service, ENROL, { input: { cohortId: cohort.id, participantId: someMentor, role: "MENTOR", track: "health" } });
    await ok(service, PROPOSE_TANDEM, { input: { cohortId: cohort.id, menteeId: busy.mentee.id, mentorId: someMentor } });
    await answer(busy.mentor, busy.id, true);
    expect(firstError(await answer(busy.mentee, busy.id, true))).toMatchObject({ code: "TANDEM_LIMIT_REACHED", field: "proposalId" });
    expect(await service.sql(`SELECT count(*)::int AS n FROM tandems WHERE mentee_id = ANY($1)`, [[asMentor.mentee.id, busy.mentee.id]])).toEqual([{ n: 1 }]);
  });

  it("shows participants their own proposals against their proof, and no one else's", async () => {
    const { cohort, proposals } = await proposed(2);
    const [proposal] = proposals;
    const mine = (await ok(service.as(as.participant(proposal.mentor.id, "mentor")), MINE, { c: cohort.id, proof: proposal.mentor.proof })).myMatchingProposals;
    expect(mine.map((entry: { id: string }) => entry.id)).toEqual([proposal.id]);
    expect(firstError(await service.as(as.participant(participantId("zcu"))).query(MINE, { c: cohort.id, proof: proposal.mentor.proof }))).toMatchObject({
      code: "FORBIDDEN",
      rule: "read-own-proposals",
    });
    const otherCohort = (await seedCohort(service)).cohort;
    expect(firstError(await service.as(as.participant(proposal.mentor.id)).query(MINE, { c: otherCohort.id, proof: proposal.mentor.proof }))).toMatchObject({ code: "INVALID_PROOF" });
  });
});
