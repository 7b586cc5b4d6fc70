/**
 * A proposed tandem needs both partners' acceptance, each given by the
 * partner themselves; once both accepted, the coordination office hands the
 * people entitled to it a signed statement that their home nodes verify
 * before they disclose contacts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { verifyProof } from "@tandem/shared";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ACTIVATE, CLOSE, RESPOND, TANDEM_FIELDS, acceptByBoth, firstError, ok, participantId, proposeNew, seedCohort } from "../../../test/fixtures.js";

describe("tandem acceptance", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, {}, 20)).cohort.id;
  });
  afterAll(() => service.stop());

  const respond = (who: string, id: string, accept: boolean) => service.as(as.participant(who, "mentee")).query(RESPOND, { id, accept });
  const read = (id: string, caller = as.jointCoordinator()) => service.as(caller).query(`query($id: ID!) { tandem(id: $id) { ${TANDEM_FIELDS} } }`, { id });

  it("stays PROPOSED, without a proof, until both partners accepted; then ACCEPTED with a proof nodes can verify", async () => {
    const tandem = await proposeNew(service, cohortId);
    expect(tandem).toMatchObject({ status: "PROPOSED", menteeResponse: "PENDING", mentorResponse: "PENDING", menteeRespondedAt: null, mentorRespondedAt: null, acceptanceProof: null });
    const afterMentee = (await respond(tandem.menteeId, tandem.id, true)).data!.respondToTandem;
    expect(afterMentee).toMatchObject({ status: "PROPOSED", menteeResponse: "ACCEPTED", mentorResponse: "PENDING", mentorRespondedAt: null, acceptanceProof: null });
    expect(Date.parse(afterMentee.menteeRespondedAt)).toBeGreaterThan(Date.parse(tandem.createdAt) - 1);
    expect((await read(tandem.id)).data!.tandem.acceptanceProof).toBeNull();

    const accepted = (await respond(tandem.mentorId, tandem.id, true)).data!.respondToTandem;
    expect(accepted).toMatchObject({ status: "ACCEPTED", menteeResponse: "ACCEPTED", mentorResponse: "ACCEPTED", menteeRespondedAt: afterMentee.menteeRespondedAt, activatedAt: null });
    expect(accepted.mentorRespondedAt).not.toBeNull();
    const proof = await verifyProof(accepted.acceptanceProof, service.trust.registry);
    expect(proof).toEqual({ type: "tandem-accepted", issuer: "coord", tandemId: tandem.id, menteeId: tandem.menteeId, mentorId: tandem.mentorId });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await read(tandem.id)).data!.tandem.acceptanceProof).toBe(accepted.acceptanceProof); // one fact, one proof
  });

  it("hands the proof to the partners, their nodes' coordinators and joint coordinators, while the tandem runs", async () => {
    const tandem = await proposeNew(service, cohortId, "hst", "zcu");
    await acceptByBoth(service, tandem);
    const entitled = [as.participant(tandem.menteeId), as.participant(tandem.mentorId, "mentor"), as.nodeCoordinator("hst"), as.nodeCoordinator("zcu"), as.jointCoordinator()];
    for (const caller of entitled) {
      const result = await read(tandem.id, caller);
      expect(result.errors).toBeUndefined();
      expect(await verifyProof(result.data!.tandem.acceptanceProof, service.trust.registry)).toMatchObject({ type: "tandem-accepted", tandemId: tandem.id });
    }
    for (const caller of [as.nodeCoordinator("unilu"), as.participant(participantId("hst"))]) {
      const result = await read(tandem.id, caller);
      expect(result.data!.tandem).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "read-tandem" });
    }
    const active = (await ok(service, ACTIVATE, { id: tandem.id })).activateTandem;
    expect(active.status).toBe("ACTIVE");
    expect(active.acceptanceProof).not.toBeNull();
    const closed = (await ok(service, CLOSE, { id: tandem.id, reason: "COMPLETED" })).closeTandem;
    expect(closed.acceptanceProof).toBeNull();
  });

  it("closes the tandem when a partner declines, recording who and when", async () => {
    const byMentor = await proposeNew(service, cohortId);
    await respond(byMentor.menteeId, byMentor.id, true);
    const declined = (await respond(byMentor.mentorId, byMentor.id, false)).data!.respondToTandem;
    expect(declined).toMatchObject({ status: "CLOSED", closeReason: "DECLINED", menteeResponse: "ACCEPTED", mentorResponse: "DECLINED", acceptanceProof: null });
    expect(declined.closedAt).toBe(declined.mentorRespondedAt);
    expect(firstError(await respond(byMentor.mentorId, byMentor.id, true))).toMatchObject({ code: "INVALID_TRANSITION", from: "CLOSED", to: "ACCEPTED" });

    const byMentee = await proposeNew(service, cohortId);
    const declinedByMentee = (await respond(byMentee.menteeId, byMentee.id, false)).data!.respondToTandem;
    expect(declinedByMentee).toMatchObject({ status: "CLOSED", closeReason: "DECLINED", menteeResponse: "DECLINED", mentorResponse: "PENDING" });
    expect(firstError(await respond(byMentee.mentorId, byMentee.id, true))).toMatchObject({ code: "INVALID_TRANSITION", from: "CLOSED" });
    expect((await respond(byMentee.menteeId, byMentee.id, false)).data!.respondToTandem).toEqual({ ...declinedByMentee, acceptanceProof: null });
  });

  it("repeats an answer harmlessly, lets a partner decline before the other answered, and refuses to change an answer afterwards", async () => {
    const tandem = await proposeNew(service, cohortId);
    const first = (await respond(tandem.menteeId, tandem.id, true)).data!.respondToTandem;
    expect((await respond(tandem.menteeId, tandem.id, true)).data!.respondToTandem.menteeRespondedAt).toBe(first.menteeRespondedAt);
    const accepted = await acceptByBoth(service, tandem);
    expect(accepted.status).toBe("ACCEPTED");
    for (const partner of [tandem.menteeId, tandem.mentorId]) {
      expect(firstError(await respond(partner, tandem.id, false))).toMatchObject({ code: "INVALID_TRANSITION", field: "id", from: "ACCEPTED", to: "CLOSED" });
    }
    const again = await proposeNew(service, cohortId);
    await respond(again.menteeId, again.id, true);
    expect((await respond(again.menteeId, again.id, false)).data!.respondToTandem).toMatchObject({ status: "CLOSED", menteeResponse: "DECLINED", closeReason: "DECLINED" });
  });

  it("lets only the two partners answer, each for themselves", async () => {
    const tandem = await proposeNew(service, cohortId);
    for (const caller of [as.jointCoordinator(), as.nodeCoordinator("hst"), as.nodeCoordinator("zcu"), as.participant(participantId("hst")), as.system()]) {
      const result = await service.as(caller).query(RESPOND, { id: tandem.id, accept: true });
      expect(result.errors![0]!.extensions!.code).toBe("FORBIDDEN");
      if (caller.kind === "user") expect(result.errors![0]!.extensions!.rule).toBe("respond-to-tandem");
    }
    expect((await read(tandem.id)).data!.tandem).toMatchObject({ status: "PROPOSED", menteeResponse: "PENDING", mentorResponse: "PENDING" });
    expect(firstError(await respond(tandem.menteeId, "coord:tandem:00000000-0000-4000-8000-000000000000", true))).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });

  it("activates only accepted tandems", async () => {
    const tandem = await proposeNew(service, cohortId);
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id }))).toMatchObject({ code: "INVALID_TRANSITION", from: "PROPOSED", to: "ACTIVE" });
    await respond(tandem.menteeId, tandem.id, true);
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id }))).toMatchObject({ code: "INVALID_TRANSITION", from: "PROPOSED" });
    await respond(tandem.mentorId, tandem.id, true);
    expect((await ok(service.as(as.nodeCoordinator("zcu")), ACTIVATE, { id: tandem.id })).activateTandem.status).toBe("ACTIVE");
    const declined = await proposeNew(service, cohortId);
    await respond(declined.mentorId, declined.id, false);
    expect(firstError(await service.query(ACTIVATE, { id: declined.id }))).toMatchObject({ code: "INVALID_TRANSITION", from: "CLOSED", to: "ACTIVE" });
  });

  it("keeps the database consistent with the lifecycle", async () => {
    const tandem = await proposeNew(service, cohortId);
    const local = tandem.id.split(":")[2];
    await expect(service.sql(`UPDATE tandems SET status = 'ACCEPTED' WHERE id = $1`, [local])).rejects.toThrow(/tandems_lifecycle_timestamps/);
    await expect(service.sql(`UPDATE tandems SET mentee_response = 'DECLINED', mentee_responded_at = now() WHERE id = $1`, [local])).rejects.toThrow(/tandems_decline_closes/);
    await expect(service.sql(`UPDATE tandems SET mentor_response = 'ACCEPTED' WHERE id = $1`, [local])).rejects.toThrow(/tandems_responses_timed/);
  });
});
