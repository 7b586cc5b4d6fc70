/**
 * Check-ins at the office: codes signed by the author's home node, about a
 * tandem the author is a partner of; "contact me" or a satisfaction of 2 or
 * lower marks the tandem as needing attention, for coordinators (not the
 * partners). A programme may ask for check-ins every N weeks, and tandems
 * activated from then on get those days.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ACTIVATE, acceptByBoth, firstError, ok, proposeNew, seedCohort } from "../../../test/fixtures.js";
import { deliver, factsOfKind } from "../../../test/journey-fixtures.js";

const ATTENTION = `query($c: ID!) { tandemsNeedingAttention(cohortId: $c, first: 20) { totalCount edges { node { tandemId side dueOn reasons handledAt tandem { id } } } } }`;
const SET_INTERVAL = `mutation($p: ID!, $w: Int) { setCheckInInterval(programmeId: $p, everyWeeks: $w) { id checkInEveryWeeks } }`;

describe("check-ins at the office", () => {
  let service: TestCoordination;
  let seeded: { programme: Record<string, any>; cohort: Record<string, any> };
  let tandem: { id: string; menteeId: string; mentorId: string };
  beforeAll(async () => {
    service = await startTestCoordination();
    seeded = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 5, "MATCHING");
    tandem = await proposeNew(service, seeded.cohort.id, "hst", "zcu");
    await acceptByBoth(service, tandem);
    await ok(service, ACTIVATE, { id: tandem.id });
  });
  afterAll(() => service.stop());

  const checkIn = (participantId: string, answer: { satisfaction: number; contactRequested: boolean; onTrack?: boolean }, dueOn = "2027-03-01", signer = participantId.split(":")[0]!) =>
    signProof(service.trust.keys.get(signer)!, signer, { type: ProofType.CHECK_IN, tandemId: tandem.id, participantId, dueOn, onTrack: true, ...answer });
  const attention = async (caller = as.jointCoordinator()) => (await service.as(caller).query(ATTENTION, { c: seeded.cohort.id })).data?.tandemsNeedingAttention;

  it("marks the tandem for attention on 'contact me' or a low score, not on a good one, keeping codes only", async () => {
    expect((await deliver(service, "zcu", [await checkIn(tandem.mentorId, { satisfaction: 4, contactRequested: false })])).data!.receiveFacts).toMatchObject({ applied: 1 });
    expect((await attention())!.totalCount).toBe(0);
    expect((await deliver(service, "hst", [await checkIn(tandem.menteeId, { satisfaction: 2, contactRequested: true })])).data!.receiveFacts).toMatchObject({ applied: 1 });
    expect((await deliver(service, "zcu", [await checkIn(tandem.mentorId, { satisfaction: 5, contactRequested: true }, "2027-04-01")])).data!.receiveFacts).toMatchObject({ applied: 1 });
    const seen = (await attention())!.edges.map((edge: { node: unknown }) => edge.node);
    expect(seen).toEqual([
      { tandemId: tandem.id, side: "MENTEE", dueOn: "2027-03-01", reasons: ["CONTACT_REQUESTED", "LOW_SATISFACTION"], handledAt: null, tandem: { id: tandem.id } },
      { tandemId: tandem.id, side: "MENTOR", dueOn: "2027-04-01", reasons: ["CONTACT_REQUESTED"], handledAt: null, tandem: { id: tandem.id } },
    ]);
    expect((await attention(as.nodeCoordinator("hst")))!.totalCount).toBe(2);
    // the first such answer opened a mediation case for the joint office in its author's name; the second found it open
    const cases = await service.sql(`SELECT raised_by, raiser_id, raiser_node_id, concern, mediator, outcome FROM mediation_cases WHERE tandem_id = $1`, [tandem.id.split(":")[2]]);
    expect(cases).toEqual([{ raised_by: "MENTEE", raiser_id: tandem.menteeId, raiser_node_id: "hst", concern: "CHECK_IN", mediator: "JOINT_OFFICE", outcome: null }]);
    expect(await service.sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'tandem_check_ins' ORDER BY column_name`)).toEqual(
      ["contact_requested", "due_on", "on_track", "received_at", "satisfaction", "side", "tandem_id"].map((column_name) => ({ column_name })),
    );
  });

  it("shows who asked for help to coordinators only: not to the partners, a stranger or a third node's coordinators", async () => {
    for (const caller of [
      as.participant(tandem.menteeId),
      as.participant(tandem.mentorId, "mentor"),
      as.nodeCoordinator("unilu"),
      as.participant("hst:participant:00000000-0000-4000-8000-000000000003"),
    ]) {
      expect((await attention(caller))!.totalCount).toBe(0);
    }
  });

  it("refuses a check-in signed by another node than the author's, or by someone who is no partner", async () => {
    const before = await service.countRows("tandem_check_ins");
    expect(firstError(await deliver(service, "zcu", [await checkIn(tandem.menteeId, { satisfaction: 1, contactRequested: true }, "2027-05-01", "zcu")]))).toMatchObject({ code: "INVALID_PROOF" });
    const stranger = await deliver(service, "hst", [await checkIn("hst:participant:00000000-0000-4000-8000-000000000004", { satisfaction: 1, contactRequested: true }, "2027-05-01")]);
    expect(stranger.data!.receiveFacts).toMatchObject({ applied: 0, refused: 1 });
    expect(await service.countRows("tandem_check_ins")).toBe(before);
  });

  it("lets joint coordinators ask for check-ins every N weeks: tandems activated from then on get those days", async () => {
    const programmeId = seeded.programme.id;
    expect(firstError(await service.as(as.nodeCoordinator("hst")).query(SET_INTERVAL, { p: programmeId, w: 4 }))).toMatchObject({ code: "FORBIDDEN" });
    for (const weeks of [0, 27]) expect(firstError(await service.query(SET_INTERVAL, { p: programmeId, w: weeks }))).toMatchObject({ code: "BAD_USER_INPUT" });
    expect((await ok(service, SET_INTERVAL, { p: programmeId, w: 4 })).setCheckInInterval).toEqual({ id: programmeId, checkInEveryWeeks: 4 });
    const later = await proposeNew(service, seeded.cohort.id, "hst", "zcu");
    await acceptByBoth(service, later);
    await ok(service, ACTIVATE, { id: later.id });
    const [activated] = (await factsOfKind(service, "hst", ProofType.TANDEM_ACTIVATED)).filter((fact) => fact.tandemId === later.id);
    const days = activated!.checkInsDue;
    expect(days.length).toBeGreaterThan(1);
    const gaps = days.slice(1).map((day, i) => (Date.parse(day) - Date.parse(days[i]!)) / 86_400_000);
    expect(gaps.some((gap) => gap === 28)).toBe(true);
    expect(await service.sql(`SELECT action, outcome FROM audit_log WHERE action = 'setCheckInInterval' ORDER BY id`)).toEqual([
      { action: "setCheckInInterval", outcome: "FORBIDDEN" },
      { action: "setCheckInInterval", outcome: "BAD_USER_INPUT" },
      { action: "setCheckInInterval", outcome: "BAD_USER_INPUT" },
      { action: "setCheckInInterval", outcome: "ok" },
    ]);
  });
});
