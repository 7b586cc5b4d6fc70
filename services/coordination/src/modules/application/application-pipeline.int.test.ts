/**
 * A cohort's pipeline in numbers: applications per node, role, preferred
 * track and status, every count below the consortium's minimum group size
 * suppressed so that no one is singled out; joint coordinators see every
 * node, node coordinators their own; the pseudonymous list of records is for
 * joint coordinators only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, assertWalk } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { firstError, ok, participantId, seedCohort } from "../../../test/fixtures.js";
import { deliverRecords, record, type RecordClaims } from "../../../test/journey-fixtures.js";

const PIPELINE = `query($c: ID!, $nodeId: String) { applicationPipeline(cohortId: $c, nodeId: $nodeId) { cohortId minimumGroupSize counts { nodeId role track status count suppressed } } }`;
const RECORDS = `query($c: ID!, $first: Int!, $after: String, $status: ApplicationStatus, $nodeId: String) {
  applicationRecords(cohortId: $c, first: $first, after: $after, status: $status, nodeId: $nodeId) {
    totalCount edges { cursor node { applicationId nodeId role tracks status eligible ruleVersion submittedAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const times = (n: number, make: () => RecordClaims) => Array.from({ length: n }, make);

describe("application pipeline", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 5, "APPLICATIONS_OPEN")).cohort.id;
    await deliverRecords(
      service,
      ...times(5, () => record(cohortId, "hst")),
      ...times(4, () => record(cohortId, "hst", { trackCodes: ["engineering"] })),
      ...times(2, () => record(cohortId, "hst", { trackCodes: ["health", "engineering"], status: "REJECTED" })),
      ...times(6, () => record(cohortId, "zcu", { role: "MENTOR", trackCodes: [] })),
    );
  });
  afterAll(() => service.stop());

  it("counts per node, role, track and status for joint coordinators, suppressing counts below the minimum group size", async () => {
    const pipeline = (await ok(service, PIPELINE, { c: cohortId })).applicationPipeline;
    expect(pipeline).toEqual({
      cohortId,
      minimumGroupSize: 5,
      counts: [
        { nodeId: "hst", role: "MENTEE", track: "engineering", status: "REJECTED", count: null, suppressed: true },
        { nodeId: "hst", role: "MENTEE", track: "engineering", status: "SUBMITTED", count: null, suppressed: true },
        { nodeId: "hst", role: "MENTEE", track: "health", status: "REJECTED", count: null, suppressed: true },
        { nodeId: "hst", role: "MENTEE", track: "health", status: "SUBMITTED", count: 5, suppressed: false },
        { nodeId: "zcu", role: "MENTOR", track: null, status: "SUBMITTED", count: 6, suppressed: false },
      ],
    });
  });

  it("shows node coordinators their own node's counts only, and participants none", async () => {
    const counts = (await ok(service.as(as.nodeCoordinator("zcu")), PIPELINE, { c: cohortId })).applicationPipeline.counts;
    expect(counts).toEqual([{ nodeId: "zcu", role: "MENTOR", track: null, status: "SUBMITTED", count: 6, suppressed: false }]);
    expect((await ok(service.as(as.nodeCoordinator("othaw")), PIPELINE, { c: cohortId })).applicationPipeline.counts).toEqual([]);
    expect(firstError(await service.as(as.participant(participantId("hst"))).query(PIPELINE, { c: cohortId }))).toMatchObject({ code: "FORBIDDEN", rule: "read-application-pipeline" });
  });

  it("answers for one node when asked: any node to joint coordinators, their own to node coordinators", async () => {
    const zcuCoordinator = service.as(as.nodeCoordinator("zcu"));
    const own = (await ok(zcuCoordinator, PIPELINE, { c: cohortId, nodeId: "zcu" })).applicationPipeline.counts;
    expect(own).toEqual([{ nodeId: "zcu", role: "MENTOR", track: null, status: "SUBMITTED", count: 6, suppressed: false }]);
    expect(firstError(await zcuCoordinator.query(PIPELINE, { c: cohortId, nodeId: "hst" }))).toMatchObject({ code: "FORBIDDEN", rule: "read-application-pipeline" });
    const hstOnly = (await ok(service, PIPELINE, { c: cohortId, nodeId: "hst" })).applicationPipeline.counts;
    expect(hstOnly.length).toBeGreaterThan(0);
    expect(hstOnly.every((count: { nodeId: string }) => count.nodeId === "hst")).toBe(true);
    expect(firstError(await service.query(PIPELINE, { c: cohortId, nodeId: "Not A Node" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "nodeId" });
  });

  it("takes the consortium's minimum group size from MIN_GROUP_SIZE", async () => {
    const strict = await startTestCoordination({ env: { MIN_GROUP_SIZE: "7" }, trust: service.trust, databaseUrl: service.databaseUrl });
    try {
      const pipeline = (await ok(strict, PIPELINE, { c: cohortId })).applicationPipeline;
      expect(pipeline.minimumGroupSize).toBe(7);
      expect(pipeline.counts.filter((count: { suppressed: boolean }) => !count.suppressed)).toEqual([]);
    } finally {
      await strict.stop();
    }
  });

  it("lists the records, pseudonymous, to joint coordinators only, page by page, filtered by status and node", async () => {
    const all = await service.sql<{ application_id: string }>(`SELECT application_id FROM application_records WHERE cohort_id = $1 ORDER BY received_at, application_id`, [cohortId.split(":")[2]]);
    await assertWalk(
      4,
      async (after) => (await ok(service, RECORDS, { c: cohortId, first: 4, after })).applicationRecords,
      all.map((row) => row.application_id),
      (node: { applicationId: string }) => node.applicationId,
    );
    const rejected = (await ok(service, RECORDS, { c: cohortId, first: 10, status: "REJECTED" })).applicationRecords;
    expect(rejected.totalCount).toBe(2);
    expect(rejected.edges[0].node).toEqual({
      applicationId: expect.stringMatching(/^hst:application:/),
      nodeId: "hst",
      role: "MENTEE",
      tracks: ["health", "engineering"],
      status: "REJECTED",
      eligible: true,
      ruleVersion: 1,
      submittedAt: "2026-06-15T09:30:00.000Z",
    });
    expect((await ok(service, RECORDS, { c: cohortId, first: 10, nodeId: "zcu" })).applicationRecords.totalCount).toBe(6);
    for (const caller of [as.nodeCoordinator("hst"), as.participant(participantId("hst"))]) {
      expect(firstError(await service.as(caller).query(RECORDS, { c: cohortId, first: 10 }))).toMatchObject({ code: "FORBIDDEN", rule: "read-application-records" });
    }
  });

  it("answers NOT_FOUND for a cohort the office does not have", async () => {
    expect(firstError(await service.query(PIPELINE, { c: "coord:cohort:00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND", field: "cohortId" });
  });
});
