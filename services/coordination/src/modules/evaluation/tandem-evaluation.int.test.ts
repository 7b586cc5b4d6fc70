/**
 * Final evaluations and the structured close at the office: the partners'
 * codes, signed by their home nodes, for coordinators only; a tandem closes
 * with a reason code, never free text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof, type GoalAchievement } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ACTIVATE, CLOSE, acceptByBoth, firstError, ok, proposeNew, seedCohort } from "../../../test/fixtures.js";
import { deliver } from "../../../test/journey-fixtures.js";

const EVALUATIONS = `query($id: ID!) { tandem(id: $id) { status closeReason evaluations { side programmeRating goals { key achievement } } } }`;

describe("final evaluations at the office", () => {
  let service: TestCoordination;
  let tandem: { id: string; menteeId: string; mentorId: string };
  beforeAll(async () => {
    service = await startTestCoordination();
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 5, "MATCHING");
    tandem = await proposeNew(service, cohort.id, "hst", "zcu");
    await acceptByBoth(service, tandem);
    await ok(service, ACTIVATE, { id: tandem.id });
  });
  afterAll(() => service.stop());

  const evaluation = (participantId: string, goals: { key: string; achievement: GoalAchievement }[], programmeRating: number, signer = participantId.split(":")[0]!) =>
    signProof(service.trust.keys.get(signer)!, signer, { type: ProofType.TANDEM_EVALUATION, tandemId: tandem.id, participantId, goals, programmeRating });
  const read = async (caller = as.jointCoordinator()) => (await service.as(caller).query(EVALUATIONS, { id: tandem.id })).data?.tandem;

  it("keeps each side's codes once, and closes the tandem COMPLETED", async () => {
    const menteeGoals = [
      { key: "short-1", achievement: "FULLY" as const },
      { key: "long-1", achievement: "PARTLY" as const },
    ];
    expect((await deliver(service, "hst", [await evaluation(tandem.menteeId, menteeGoals, 5)])).data!.receiveFacts).toMatchObject({ applied: 1 });
    expect((await deliver(service, "zcu", [await evaluation(tandem.mentorId, [{ key: "short-1", achievement: "PARTLY" }], 4)])).data!.receiveFacts).toMatchObject({ applied: 1 });
    // a second one of a side changes nothing
    expect((await deliver(service, "hst", [await evaluation(tandem.menteeId, [{ key: "short-1", achievement: "NOT" }], 1)])).data!.receiveFacts).toMatchObject({ applied: 1 });
    expect((await ok(service, CLOSE, { id: tandem.id, reason: "COMPLETED" })).closeTandem.closeReason).toBe("COMPLETED");
    expect(await read()).toEqual({
      status: "CLOSED",
      closeReason: "COMPLETED",
      evaluations: [
        { side: "MENTEE", programmeRating: 5, goals: [...menteeGoals].sort((a, b) => a.key.localeCompare(b.key)) },
        { side: "MENTOR", programmeRating: 4, goals: [{ key: "short-1", achievement: "PARTLY" }] },
      ],
    });
    expect((await read(as.nodeCoordinator("zcu")))!.evaluations).toHaveLength(2);
    for (const table of ["tandem_evaluations", "tandem_goal_ratings"]) {
      const columns = (await service.sql<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [table])).map((row) => row.column_name).sort();
      expect(columns).toEqual(table === "tandem_evaluations" ? ["programme_rating", "received_at", "side", "tandem_id"] : ["achievement", "goal_key", "side", "tandem_id"]);
    }
  });

  it("shows the codes to coordinators only: not to the partners or a third node's coordinators", async () => {
    for (const caller of [as.participant(tandem.menteeId), as.participant(tandem.mentorId, "mentor"), as.nodeCoordinator("unilu")]) {
      const seen = await read(caller);
      expect(seen?.evaluations ?? []).toEqual([]);
    }
  });

  it("refuses an evaluation signed by another node than the author's, or by someone who is no partner", async () => {
    const before = await service.countRows("tandem_evaluations");
    expect(firstError(await deliver(service, "zcu", [await evaluation(tandem.menteeId, [], 1, "zcu")]))).toMatchObject({ code: "INVALID_PROOF" });
    const stranger = await deliver(service, "hst", [await evaluation("hst:participant:00000000-0000-4000-8000-000000000005", [], 1)]);
    expect(stranger.data!.receiveFacts).toMatchObject({ applied: 0, refused: 1 });
    expect(await service.countRows("tandem_evaluations")).toBe(before);
  });

  it("gives a person the codes the office holds of their tandem's months in their export: their side's evaluation and check-ins, the log's counts", async () => {
    const checkIn = await signProof(service.trust.keys.get("zcu")!, "zcu", {
      type: ProofType.CHECK_IN,
      tandemId: tandem.id,
      participantId: tandem.mentorId,
      dueOn: "2027-03-01",
      satisfaction: 4,
      onTrack: true,
      contactRequested: false,
    });
    expect((await deliver(service, "zcu", [checkIn])).data!.receiveFacts).toMatchObject({ applied: 1 });
    const exported = (await ok(service.as(as.participant(tandem.mentorId, "mentor")), `query($p: ID!) { exportCoordinationRecords(participantId: $p) }`, { p: tandem.mentorId }))
      .exportCoordinationRecords;
    const [record] = exported.tandems.filter((row: { id: string }) => row.id === tandem.id);
    expect(record).toMatchObject({
      role: "MENTOR",
      meetingTally: null,
      checkIns: [{ dueOn: "2027-03-01", satisfaction: 4, onTrack: true, contactRequested: false }],
      evaluation: { programmeRating: 4, goals: [{ key: "short-1", achievement: "PARTLY" }] },
      agreementSignatures: [],
    });
  });
});
