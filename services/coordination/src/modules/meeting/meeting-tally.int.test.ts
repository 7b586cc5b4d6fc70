/**
 * What the office learns of a tandem's months: when it starts, both home
 * nodes are told its partners, start and check-in dates (a tandem-activated
 * fact); the mentee's home node tells the office counts and the last meeting
 * date (a meeting-tally fact), kept at the highest revision, from that node
 * only. The office's table holds counts and a date, nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ACTIVATE, acceptByBoth, firstError, ok, proposeNew, seedCohort } from "../../../test/fixtures.js";
import { deliver, factsOfKind } from "../../../test/journey-fixtures.js";

const TALLY = `query($id: ID!) { tandem(id: $id) { id meetingTally { meetings confirmed lastMeetingOn } } }`;

describe("meeting tallies", () => {
  let service: TestCoordination;
  let cohort: Record<string, any>;
  let tandem: { id: string; menteeId: string; mentorId: string };
  beforeAll(async () => {
    service = await startTestCoordination();
    cohort = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 5, "MATCHING")).cohort;
    tandem = await proposeNew(service, cohort.id, "hst", "zcu");
    await acceptByBoth(service, tandem);
    await ok(service, ACTIVATE, { id: tandem.id });
  });
  afterAll(() => service.stop());

  type Months = { month: string; meetings: number; confirmed: number }[];
  const tally = (
    claims: { meetings: number; confirmed: number; lastMeetingOn: string | null; revision: number; months?: Months },
    signer = "hst",
    menteeId: string = tandem.menteeId,
    tandemId: string = tandem.id,
  ) => signProof(service.trust.keys.get(signer)!, signer, { type: ProofType.MEETING_TALLY, tandemId, menteeId, ...claims });
  const monthsOf = async () => service.sql(`SELECT month, meetings, confirmed FROM tandem_meeting_months WHERE tandem_id = $1 ORDER BY month`, [tandem.id.split(":")[2]]);
  const tallyOf = async (caller = as.jointCoordinator()) => (await service.as(caller).query(TALLY, { id: tandem.id })).data?.tandem?.meetingTally;

  it("tells both home nodes that the tandem started, with its partners and the cohort's mid-point check-in", async () => {
    for (const node of ["hst", "zcu"]) {
      const activated = (await factsOfKind(service, node, ProofType.TANDEM_ACTIVATED)).filter((fact) => fact.tandemId === tandem.id);
      expect(activated).toEqual([
        {
          tandemId: tandem.id,
          cohortId: cohort.id,
          menteeId: tandem.menteeId,
          mentorId: tandem.mentorId,
          startedOn: new Date().toISOString().slice(0, 10),
          checkInsDue: [midPoint(cohort.startsOn, cohort.endsOn)],
        },
      ]);
    }
  });

  it("keeps the tally with the highest revision, for whoever may read the tandem", async () => {
    expect(await tallyOf()).toBeNull();
    expect((await deliver(service, "hst", [await tally({ meetings: 2, confirmed: 1, lastMeetingOn: "2026-11-20", revision: 2 })])).data!.receiveFacts).toMatchObject({ applied: 1, refused: 0 });
    expect((await deliver(service, "hst", [await tally({ meetings: 1, confirmed: 0, lastMeetingOn: "2026-11-10", revision: 1 })])).data!.receiveFacts).toMatchObject({ applied: 1 });
    const expected = { meetings: 2, confirmed: 1, lastMeetingOn: "2026-11-20" };
    expect(await tallyOf()).toEqual(expected);
    expect(await tallyOf(as.participant(tandem.mentorId, "mentor"))).toEqual(expected);
    expect(await tallyOf(as.nodeCoordinator("hst"))).toEqual(expected);
    // someone who may not read the tandem learns nothing of it
    const stranger = await service.as(as.participant("hst:participant:00000000-0000-4000-8000-000000000001")).query(TALLY, { id: tandem.id });
    expect(stranger.data?.tandem ?? null).toBeNull();
    expect(await service.sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'tandem_meeting_tallies' ORDER BY column_name`)).toEqual(
      ["confirmed", "latest_meeting_on", "meetings", "revision", "tandem_id", "updated_at"].map((column_name) => ({ column_name })),
    );
  });

  it("keeps the months of the tally it keeps: a newer revision replaces them, an older one changes nothing, one without months (an older node) leaves none", async () => {
    const months: Months = [
      { month: "2026-10", meetings: 2, confirmed: 2 },
      { month: "2026-11", meetings: 3, confirmed: 1 },
    ];
    await deliver(service, "hst", [await tally({ meetings: 5, confirmed: 3, lastMeetingOn: "2026-11-28", revision: 4, months })]);
    expect(await tallyOf()).toEqual({ meetings: 5, confirmed: 3, lastMeetingOn: "2026-11-28" });
    expect(await monthsOf()).toEqual(months);
    // revision 3 arrives late: neither the tally nor its months change
    await deliver(service, "hst", [await tally({ meetings: 4, confirmed: 2, lastMeetingOn: "2026-11-20", revision: 3, months: [{ month: "2026-09", meetings: 4, confirmed: 2 }] })]);
    expect(await monthsOf()).toEqual(months);
    // revision 5 replaces them all (a month may drop out when its only meeting was corrected)
    const newer: Months = [
      { month: "2026-11", meetings: 3, confirmed: 3 },
      { month: "2026-12", meetings: 1, confirmed: 0 },
    ];
    await deliver(service, "hst", [await tally({ meetings: 4, confirmed: 3, lastMeetingOn: "2026-12-02", revision: 5, months: newer })]);
    expect(await tallyOf()).toEqual({ meetings: 4, confirmed: 3, lastMeetingOn: "2026-12-02" });
    expect(await monthsOf()).toEqual(newer);
    // a node before months existed still signs tallies the office takes; their revision has no months
    expect((await deliver(service, "hst", [await tally({ meetings: 5, confirmed: 3, lastMeetingOn: "2026-12-03", revision: 6 })])).data!.receiveFacts).toMatchObject({ applied: 1, refused: 0 });
    expect(await tallyOf()).toEqual({ meetings: 5, confirmed: 3, lastMeetingOn: "2026-12-03" });
    expect(await monthsOf()).toEqual([]);
    // counts only: the table has no other column
    expect(await service.sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'tandem_meeting_months' ORDER BY column_name`)).toEqual(
      ["confirmed", "meetings", "month", "tandem_id"].map((column_name) => ({ column_name })),
    );
  });

  it("refuses a tally whose months are malformed, keeping nothing of it", async () => {
    for (const month of ["2026-13", "2026-1", "November"]) {
      const answer = await deliver(service, "hst", [await tally({ meetings: 9, confirmed: 9, lastMeetingOn: "2026-12-04", revision: 20, months: [{ month, meetings: 9, confirmed: 9 }] })]);
      expect(firstError(answer), month).toMatchObject({ code: "INVALID_PROOF" });
    }
    expect(await tallyOf()).toEqual({ meetings: 5, confirmed: 3, lastMeetingOn: "2026-12-03" });
  });

  it("refuses a tally from another node than the mentee's, or naming another mentee, keeping nothing of it", async () => {
    const forged = await deliver(service, "zcu", [await tally({ meetings: 9, confirmed: 9, lastMeetingOn: "2026-12-01", revision: 9 }, "zcu")]);
    expect(firstError(forged)).toMatchObject({ code: "INVALID_PROOF" });
    const otherMentee = await deliver(service, "hst", [
      await tally({ meetings: 9, confirmed: 9, lastMeetingOn: "2026-12-01", revision: 9 }, "hst", "hst:participant:00000000-0000-4000-8000-000000000002"),
    ]);
    expect(otherMentee.data!.receiveFacts).toMatchObject({ applied: 0, refused: 1 });
    expect(await tallyOf()).toEqual({ meetings: 5, confirmed: 3, lastMeetingOn: "2026-12-03" });
  });

  it("tells the nodes of a tandem that was ACTIVE before the activation fact existed, once, when the office starts", async () => {
    const old = await proposeNew(service, cohort.id, "hst", "zcu");
    await acceptByBoth(service, old);
    await ok(service, ACTIVATE, { id: old.id });
    // as if it had been activated before this fact existed
    const localId = old.id.split(":")[2]!;
    await service.sql(`DELETE FROM tandem_activation_facts WHERE tandem_id = $1`, [localId]);
    await service.sql(`DELETE FROM facts WHERE kind = 'tandem-activated' AND $1 = ANY(subjects)`, [old.menteeId]);
    const activatedFor = async (node: string) => (await factsOfKind(service, node, ProofType.TANDEM_ACTIVATED)).filter((fact) => fact.tandemId === old.id);
    expect(await activatedFor("hst")).toEqual([]);
    expect(await service.coordination.services.tandems.publishUnpublishedActivations()).toBe(1);
    expect(await service.coordination.services.tandems.publishUnpublishedActivations()).toBe(0);
    for (const node of ["hst", "zcu"]) expect(await activatedFor(node)).toEqual([expect.objectContaining({ tandemId: old.id, menteeId: old.menteeId, mentorId: old.mentorId })]);
  });
});

function midPoint(startsOn: string, endsOn: string): string {
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  const days = Math.floor((Date.parse(`${endsOn}T00:00:00Z`) - start) / 86_400_000 / 2);
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}
