/**
 * Mediation of a tandem at the coordination office: a partner or a
 * coordinator opens a case (codes only), its mediator closes it; RE_MATCH
 * ends the tandem and releases the proposal it came from, so that a
 * REMATCH_POOL round pairs the mentee with another mentor and counts the old
 * mentor's place as free.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { firstError, ok, participantId, seedCohort } from "../../../test/fixtures.js";
import { snapshotTables } from "@tandem/party/testkit";
import { GivenProfiles, RESPOND_TO_PROPOSAL, mentee, mentor, pseudonymProof, solvedRound } from "../../../test/matching-fixtures.js";

const CASE_FIELDS = `id tandemId cohortId raisedBy raiserId raiserNodeId concern mediator outcome openedAt closedAt`;
const OPEN = `mutation($input: OpenMediationCaseInput!) { openMediationCase(input: $input) { ${CASE_FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $outcome: MediationOutcome!) { resolveMediationCase(id: $id, outcome: $outcome) { ${CASE_FIELDS} } }`;
const CASES = `query($c: ID!, $open: Boolean) { mediationCases(cohortId: $c, first: 10, open: $open) { totalCount edges { node { id raisedBy outcome } } } }`;

describe("mediation", () => {
  const profiles = new GivenProfiles();
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination({ profiles });
  });
  afterAll(() => service.stop());

  async function respond(cohortId: string, pseudonym: string, proposalId: string, participant: string) {
    const proof = await pseudonymProof(service, { cohortId, pseudonym, participantId: participant });
    return ok(service.as(as.participant(participant)), RESPOND_TO_PROPOSAL, { p: proposalId, a: true, proof });
  }

  /** A cohort with one accepted tandem (mentee at hst, mentor at zcu) from a round, and a second mentor with a free place. */
  async function acceptedTandem() {
    const { cohort } = await seedCohort(service);
    const [a, oldMentor, otherMentor] = [mentee(), mentor(), mentor()];
    profiles.set(cohort.id, [a, oldMentor]);
    const [proposal] = (await solvedRound(service, cohort.id)).proposals;
    const [menteeId, mentorId] = [participantId("hst"), participantId("zcu")];
    await respond(cohort.id, proposal.menteePseudonym, proposal.id, menteeId);
    const accepted = (await respond(cohort.id, proposal.mentorPseudonym, proposal.id, mentorId)).respondToProposal;
    expect(accepted.status).toBe("ACCEPTED");
    return { cohortId: cohort.id, tandemId: accepted.tandemId as string, proposal, menteeId, mentorId, mentee: a, oldMentor, otherMentor };
  }

  it("lets the mentee open a case mediated at home, shown to her, her node's coordinators and the joint office only", async () => {
    const t = await acceptedTandem();
    const opened = (await ok(service.as(as.participant(t.menteeId)), OPEN, { input: { tandemId: t.tandemId, concern: "COMMUNICATION", mediator: "HOME_NODE" } })).openMediationCase;
    expect(opened).toMatchObject({
      tandemId: t.tandemId,
      raisedBy: "MENTEE",
      raiserId: t.menteeId,
      raiserNodeId: "hst",
      concern: "COMMUNICATION",
      mediator: "HOME_NODE",
      outcome: null,
      closedAt: null,
    });
    // one open case per tandem: opening again, by anyone allowed, returns it
    expect((await ok(service.as(as.nodeCoordinator("zcu")), OPEN, { input: { tandemId: t.tandemId, concern: "CONDUCT" } })).openMediationCase.id).toBe(opened.id);
    const visibleTo = async (caller: Parameters<TestCoordination["as"]>[0]) => (await ok(service.as(caller), CASES, { c: t.cohortId })).mediationCases.edges.map((edge: any) => edge.node.id);
    expect(await visibleTo(as.participant(t.menteeId))).toEqual([opened.id]);
    expect(await visibleTo(as.nodeCoordinator("hst"))).toEqual([opened.id]);
    expect(await visibleTo(as.jointCoordinator())).toEqual([opened.id]);
    expect(await visibleTo(as.participant(t.mentorId))).toEqual([]);
    expect(await visibleTo(as.nodeCoordinator("zcu"))).toEqual([]);
    // the mediator is hst's coordination (or the joint office): not the mentor's node, not the partners
    for (const caller of [as.nodeCoordinator("zcu"), as.participant(t.menteeId), as.participant(t.mentorId)]) {
      expect(firstError(await service.as(caller).query(RESOLVE, { id: opened.id, outcome: "RESOLVED" }))).toMatchObject({ code: "FORBIDDEN", rule: "resolve-mediation-case" });
    }
    const resolved = (await ok(service.as(as.nodeCoordinator("hst")), RESOLVE, { id: opened.id, outcome: "RESOLVED" })).resolveMediationCase;
    expect(resolved).toMatchObject({ outcome: "RESOLVED", closedAt: expect.any(String) });
    expect(await service.sql(`SELECT status FROM tandems WHERE id = $1`, [t.tandemId.split(":")[2]])).toEqual([{ status: "ACCEPTED" }]);
    expect((await ok(service, CASES, { c: t.cohortId, open: true })).mediationCases.totalCount).toBe(0);
  });

  it("ends the tandem on RE_MATCH, and a REMATCH_POOL round pairs the mentee with another mentor, the old mentor's place free", async () => {
    const t = await acceptedTandem();
    const opened = (await ok(service.as(as.nodeCoordinator("hst")), OPEN, { input: { tandemId: t.tandemId, concern: "EXPECTATIONS" } })).openMediationCase;
    expect(opened).toMatchObject({ raisedBy: "COORDINATOR", raiserId: null, raiserNodeId: "hst", mediator: "JOINT_OFFICE" });
    // mediated by the joint office: hst's coordinators may not close it
    expect(firstError(await service.as(as.nodeCoordinator("hst")).query(RESOLVE, { id: opened.id, outcome: "RE_MATCH" }))).toMatchObject({ code: "FORBIDDEN" });
    const closed = (await ok(service, RESOLVE, { id: opened.id, outcome: "RE_MATCH" })).resolveMediationCase;
    expect(closed.outcome).toBe("RE_MATCH");
    expect(await service.sql(`SELECT status, close_reason FROM tandems WHERE id = $1`, [t.tandemId.split(":")[2]])).toEqual([{ status: "CLOSED", close_reason: "DISSOLVED_BY_MEDIATION" }]);
    // closing again with the same outcome is harmless; another outcome is refused
    expect((await ok(service, RESOLVE, { id: opened.id, outcome: "RE_MATCH" })).resolveMediationCase.closedAt).toBe(closed.closedAt);
    expect(firstError(await service.query(RESOLVE, { id: opened.id, outcome: "DISSOLVED" }))).toMatchObject({ code: "INVALID_TRANSITION", field: "outcome" });

    // a newcomer mentee and a second mentor: the old mentor's one place is free again, the old pair is never proposed again
    const newcomer = mentee();
    profiles.set(t.cohortId, [t.mentee, t.oldMentor, t.otherMentor, newcomer]);
    const round = await solvedRound(service, t.cohortId, "REMATCH_POOL");
    const pairs = round.proposals.map((p: any) => [p.menteePseudonym, p.mentorPseudonym]);
    expect(pairs).toContainEqual([t.mentee.pseudonym, t.otherMentor.pseudonym]);
    expect(pairs).toContainEqual([newcomer.pseudonym, t.oldMentor.pseudonym]);
    expect(round.unmatched).toEqual([]);
  });

  it("refuses what does not fit, leaving nothing behind", async () => {
    const t = await acceptedTandem();
    const before = await snapshotTables(service.sql);
    const open = (caller: Parameters<TestCoordination["as"]>[0], input: Record<string, unknown>) => service.as(caller).query(OPEN, { input: { tandemId: t.tandemId, concern: "OTHER", ...input } });
    expect(firstError(await open(as.participant(participantId("hst")), {}))).toMatchObject({ code: "FORBIDDEN", rule: "open-mediation-case" });
    expect(firstError(await open(as.nodeCoordinator("unilu"), {}))).toMatchObject({ code: "FORBIDDEN", rule: "open-mediation-case" });
    expect(firstError(await open(as.jointCoordinator(), { mediator: "HOME_NODE" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.mediator" });
    expect(firstError(await open(as.jointCoordinator(), { concern: "GOSSIP" }))).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(firstError(await open(as.jointCoordinator(), { tandemId: "coord:tandem:00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND", field: "input.tandemId" });
    expect(await snapshotTables(service.sql)).toEqual(before);
    // a closed tandem has no mediation
    const opened = (await ok(service, OPEN, { input: { tandemId: t.tandemId, concern: "AVAILABILITY" } })).openMediationCase;
    await ok(service, RESOLVE, { id: opened.id, outcome: "DISSOLVED" });
    expect(firstError(await open(as.jointCoordinator(), {}))).toMatchObject({ code: "INVALID_TRANSITION", field: "input.tandemId" });
    // DISSOLVED releases nobody: the mentee keeps her place out of the pool
    expect(await service.sql(`SELECT released_at FROM matching_proposals WHERE tandem_id = $1`, [t.tandemId.split(":")[2]])).toEqual([{ released_at: null }]);
  });

  it("lists the cases a person opened in their export, and erasure replaces their id in them", async () => {
    const t = await acceptedTandem();
    const opened = (await ok(service.as(as.participant(t.mentorId, "mentor")), OPEN, { input: { tandemId: t.tandemId, concern: "AVAILABILITY" } })).openMediationCase;
    const exported = (await ok(service.as(as.participant(t.mentorId, "mentor")), `query($p: ID!) { exportCoordinationRecords(participantId: $p) }`, { p: t.mentorId })).exportCoordinationRecords;
    expect(exported.mediationCases).toEqual([
      { id: opened.id, tandemId: t.tandemId, raisedBy: "MENTOR", concern: "AVAILABILITY", mediator: "JOINT_OFFICE", outcome: null, openedAt: opened.openedAt, closedAt: null },
    ]);
    await ok(service.as(as.nodeCoordinator("zcu")), `mutation($p: ID!) { eraseCoordinationRecords(participantId: $p) { anonymisedRecords } }`, { p: t.mentorId });
    const [row] = await service.sql<{ raiser_id: string }>(`SELECT raiser_id FROM mediation_cases WHERE id = $1`, [opened.id.split(":")[2]]);
    expect(row!.raiser_id).toMatch(/^zcu:erased:/);
  });
});
