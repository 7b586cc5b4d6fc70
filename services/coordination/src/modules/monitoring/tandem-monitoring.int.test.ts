/**
 * Programme monitoring: a cohort's tandems in figures per node, with no
 * figure reported for a group smaller than the minimum group size (5 by
 * default): small nodes are merged, and suppressed if still too small.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { acceptByBoth, firstError, ok, participantId, proposeNew, seedCohort } from "../../../test/fixtures.js";

const MONITORING = `query($c: ID!) {
  tandemMonitoring(cohortId: $c) {
    minimumGroupSize
    groups { nodeIds merged suppressed figures { tandems proposed accepted active closed agreementsUnsigned meetings meetingsConfirmed meetingsByMonth { month meetings confirmed } openCases checkInAnswers satisfactionAverage } }
  }
}`;

describe("programme monitoring", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu", "unilu"] }, 12)).cohort.id;
    // hst: 5 tandems (mentees at hst), zcu: 4, unilu: 0
    const hst = await Promise.all(Array.from({ length: 5 }, () => proposeNew(service, cohortId, "hst", "zcu")));
    for (const tandem of hst.slice(0, 3)) await acceptByBoth(service, tandem);
    const zcu: Awaited<ReturnType<typeof proposeNew>>[] = [];
    for (let i = 0; i < 4; i++) zcu.push(await proposeNew(service, cohortId, "zcu", "hst"));
    // two of hst's accepted tandems were accepted 20 days ago and are still unsigned
    await service.sql(`UPDATE tandems SET mentee_responded_at = now() - interval '20 days', mentor_responded_at = now() - interval '20 days' WHERE id = ANY($1)`, [
      hst.slice(0, 2).map((tandem) => tandem.id.split(":")[2]),
    ]);
    // the mentees' home node reported meetings of two of hst's tandems (3, 2 of them confirmed; 1, unconfirmed)
    for (const [tandem, meetings, confirmed] of [
      [hst[0]!, 3, 2],
      [hst[1]!, 1, 0],
    ] as const) {
      await service.sql(`INSERT INTO tandem_meeting_tallies (tandem_id, meetings, confirmed, latest_meeting_on, revision) VALUES ($1, $2, $3, current_date, 1)`, [
        tandem.id.split(":")[2],
        meetings,
        confirmed,
      ]);
    }
    // and their months (hst: October 2, 1 confirmed; November 1 + 1, 1 confirmed); a zcu tandem's too, which stay unreported while zcu is too small
    for (const [tandem, month, meetings, confirmed] of [
      [hst[0]!, "2026-10", 2, 1],
      [hst[0]!, "2026-11", 1, 1],
      [hst[1]!, "2026-11", 1, 0],
      [zcu[0]!, "2026-11", 3, 3],
    ] as const) {
      const localId = tandem.id.split(":")[2];
      await service.sql(`INSERT INTO tandem_meeting_tallies (tandem_id, meetings, confirmed, latest_meeting_on, revision) VALUES ($1, 3, 3, current_date, 1) ON CONFLICT DO NOTHING`, [localId]);
      await service.sql(`INSERT INTO tandem_meeting_months (tandem_id, month, meetings, confirmed) VALUES ($1, $2, $3, $4)`, [localId, month, meetings, confirmed]);
    }
  });
  afterAll(() => service.stop());

  it("reports a node of 5 tandems and suppresses a node of 4, saying so", async () => {
    const monitoring = (await ok(service, MONITORING, { c: cohortId })).tandemMonitoring;
    expect(monitoring.minimumGroupSize).toBe(5);
    expect(monitoring.groups).toEqual([
      {
        nodeIds: ["hst"],
        merged: false,
        suppressed: false,
        figures: {
          tandems: 5,
          proposed: 2,
          accepted: 3,
          active: 0,
          closed: 0,
          agreementsUnsigned: 2,
          meetings: 4,
          meetingsConfirmed: 2,
          meetingsByMonth: [
            { month: "2026-10", meetings: 2, confirmed: 1 },
            { month: "2026-11", meetings: 2, confirmed: 1 },
          ],
          openCases: 0,
          checkInAnswers: 0,
          satisfactionAverage: null,
        },
      },
      { nodeIds: ["zcu"], merged: false, suppressed: true, figures: null },
    ]);
  });

  it("counts open mediation cases of the node's tandems", async () => {
    const [tandem] = (await service.sql<{ id: string }>(`SELECT id FROM tandems WHERE status = 'ACCEPTED' ORDER BY created_at LIMIT 1`)).map((row) => `coord:tandem:${row.id}`);
    await ok(service, `mutation($t: ID!) { openMediationCase(input: { tandemId: $t, concern: AVAILABILITY }) { id } }`, { t: tandem });
    expect((await ok(service, MONITORING, { c: cohortId })).tandemMonitoring.groups[0].figures.openCases).toBe(1);
  });

  it("merges small nodes into one group once together they reach the minimum", async () => {
    await proposeNew(service, cohortId, "unilu", "hst");
    const groups = (await ok(service, MONITORING, { c: cohortId })).tandemMonitoring.groups;
    expect(groups[1]).toMatchObject({
      nodeIds: ["unilu", "zcu"],
      merged: true,
      suppressed: false,
      figures: { tandems: 5, proposed: 5, meetingsByMonth: [{ month: "2026-11", meetings: 3, confirmed: 3 }] },
    });
  });

  it("shows node coordinators their own node only, suppressed when small, and participants nothing", async () => {
    expect((await ok(service.as(as.nodeCoordinator("hst")), MONITORING, { c: cohortId })).tandemMonitoring.groups.map((group: { nodeIds: string[] }) => group.nodeIds)).toEqual([["hst"]]);
    expect((await ok(service.as(as.nodeCoordinator("zcu")), MONITORING, { c: cohortId })).tandemMonitoring.groups).toEqual([{ nodeIds: ["zcu"], merged: false, suppressed: true, figures: null }]);
    expect(firstError(await service.as(as.participant(participantId("hst"))).query(MONITORING, { c: cohortId }))).toMatchObject({ code: "FORBIDDEN", rule: "read-monitoring" });
  });

  it("takes the minimum from MIN_GROUP_SIZE", async () => {
    const lenient = await startTestCoordination({ env: { MIN_GROUP_SIZE: "4" }, trust: service.trust, databaseUrl: service.databaseUrl });
    try {
      const groups = (await ok(lenient, MONITORING, { c: cohortId })).tandemMonitoring.groups;
      expect(groups.map((group: { nodeIds: string[]; suppressed: boolean }) => [group.nodeIds, group.suppressed])).toEqual([
        [["hst"], false],
        [["zcu"], false],
        [["unilu"], true],
      ]);
    } finally {
      await lenient.stop();
    }
  });
});
