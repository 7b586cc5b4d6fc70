/**
 * What the office learns of applications: the pseudonymous record each
 * applicant's home node signs (an application-record fact), delivered by the
 * gateway, kept at its highest revision; a record about no cohort of the
 * office, or from a node outside the cohort's programme, is refused without
 * stopping the delivery; a forged one stops it, keeping nothing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { snapshotTables } from "@tandem/party/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { firstError, ok, seedCohort } from "../../../test/fixtures.js";
import { deliver, deliverRecords, record, recordProof } from "../../../test/journey-fixtures.js";

const RECORDS = `query($c: ID!, $after: String) { applicationRecords(cohortId: $c, first: 50, after: $after) {
  totalCount edges { node { applicationId cohortId nodeId role tracks eligible ruleVersion status placement waitlistPosition sharedWithJointOffice submittedAt receivedAt updatedAt revision } }
} }`;

describe("application records", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 5, "APPLICATIONS_OPEN")).cohort.id;
  });
  afterAll(() => service.stop());

  const held = async (applicationId: string) =>
    (await ok(service, RECORDS, { c: cohortId })).applicationRecords.edges
      .map((edge: { node: { applicationId: string } }) => edge.node)
      .find((node: { applicationId: string }) => node.applicationId === applicationId);

  it("keeps the record with the highest revision: codes, verdict, status and dates only", async () => {
    const first = record(cohortId, "hst", { trackCodes: ["health", "engineering"], status: "DRAFT", submittedAt: null, revision: 1 });
    await deliverRecords(service, first);
    expect(await held(first.applicationId)).toMatchObject({ status: "DRAFT", revision: 1, submittedAt: null, tracks: ["health", "engineering"], nodeId: "hst", cohortId });
    await deliverRecords(service, { ...first, status: "SUBMITTED", submittedAt: "2026-06-15T09:30:00.000Z", revision: 3, sharedWithJointOffice: true });
    const older = { ...first, status: "WITHDRAWN" as const, revision: 2 };
    const receipt = await deliver(service, "hst", [await recordProof(service, older)]);
    expect(receipt.data!.receiveFacts).toMatchObject({ applied: 1, refused: 0 });
    expect(await held(first.applicationId)).toEqual({
      applicationId: first.applicationId,
      cohortId,
      nodeId: "hst",
      role: "MENTEE",
      tracks: ["health", "engineering"],
      eligible: true,
      ruleVersion: 1,
      status: "SUBMITTED",
      placement: null,
      waitlistPosition: null,
      sharedWithJointOffice: true,
      submittedAt: "2026-06-15T09:30:00.000Z",
      receivedAt: expect.any(String),
      updatedAt: expect.any(String),
      revision: 3,
    });
    const [row] = await service.sql(`SELECT * FROM application_records WHERE application_id = $1`, [first.applicationId]);
    expect(Object.keys(row!).sort()).toEqual(
      [
        "accepted_at",
        "application_id",
        "cohort_id",
        "eligible",
        "enrolment_id",
        "node_id",
        "outcome_revision",
        "participant_id",
        "placement",
        "received_at",
        "revision",
        "role",
        "rule_version",
        "shared_with_joint_office",
        "status",
        "submitted_at",
        "track_codes",
        "updated_at",
        "waitlist_position",
      ].sort(),
    );
    expect(row).toMatchObject({ participant_id: first.participantId, revision: 3 });
  });

  it("applies the same fact once: delivered twice, it changes nothing", async () => {
    const claims = record(cohortId, "zcu", { role: "MENTOR" });
    const proof = await recordProof(service, claims);
    expect((await deliver(service, "zcu", [proof])).data!.receiveFacts).toMatchObject({ applied: 1, duplicates: 0 });
    const before = await snapshotTables(service.sql, ["audit_log", "schema_migrations", "gateway_token_uses", "fact_positions"]);
    expect((await deliver(service, "zcu", [proof])).data!.receiveFacts).toMatchObject({ applied: 0, duplicates: 1 });
    expect(await snapshotTables(service.sql, ["audit_log", "schema_migrations", "gateway_token_uses", "fact_positions"])).toEqual(before);
  });

  it("refuses, without stopping the delivery, a record of a node outside the programme or about no cohort of the office, keeping nothing of it", async () => {
    const outsider = record(cohortId, "othaw");
    const nowhere = record("coord:cohort:00000000-0000-4000-8000-000000000000", "othaw");
    const foreign = record("hst:cohort:00000000-0000-4000-8000-000000000000", "othaw");
    const fine = record(cohortId, "hst");
    const receipt = await deliver(service, "othaw", [await recordProof(service, outsider), await recordProof(service, nowhere), await recordProof(service, foreign)]);
    expect(receipt.data!.receiveFacts).toMatchObject({ applied: 0, refused: 3 });
    await deliverRecords(service, fine);
    const kept = await service.sql<{ application_id: string }>(`SELECT application_id FROM application_records WHERE application_id = ANY($1)`, [
      [outsider, nowhere, foreign, fine].map((claims) => claims.applicationId),
    ]);
    expect(kept.map((row) => row.application_id)).toEqual([fine.applicationId]);
    const outcomes = await service.sql<{ kind: string; outcome: string }>(`SELECT kind, outcome FROM applied_facts WHERE source = 'othaw' ORDER BY seq`);
    expect(outcomes).toEqual([
      { kind: "application-record", outcome: "FORBIDDEN" },
      { kind: "application-record", outcome: "NOT_FOUND" },
      { kind: "application-record", outcome: "NOT_FOUND" },
    ]);
  });

  it.each([
    ["signed with another node's key", async (s: TestCoordination) => recordProof(s, record(cohortId, "hst"), "zcu"), "hst"],
    ["by a node about another node's application", async (s: TestCoordination) => recordProof(s, { ...record(cohortId, "zcu"), applicationId: `hst:application:${randomUUID()}` }, "hst"), "hst"],
    ["by the applicant's node, delivered as another source's", async (s: TestCoordination) => recordProof(s, record(cohortId, "hst")), "zcu"],
  ])("refuses a record %s: the delivery stops with INVALID_PROOF, keeping nothing", async (_case, forge, source) => {
    const before = await snapshotTables(service.sql);
    const result = await deliver(service, source, [await forge(service)]);
    expect(firstError(result)).toMatchObject({ code: "INVALID_PROOF", field: "facts.proof" });
    expect(await snapshotTables(service.sql)).toEqual(before);
  });

  it("refuses records delivered by anyone but the gateway", async () => {
    const proof = await recordProof(service, record(cohortId, "hst"));
    const result = await service
      .as(as.nodeCoordinator("hst"))
      .query(`mutation($f: [FactInput!]!) { receiveFacts(node: "coord", source: "hst", facts: $f) { applied } }`, { f: [{ seq: "9999", proof }] });
    expect(firstError(result)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("tells the cohort's pipeline of every record that arrives or changes, by ids only, and the pipeline of the record's home node", async () => {
    const feed = service.feed();
    const head = await service.coordination.outbox.feed.head();
    const [cohortTopic, zcuTopic, hstTopic] = [
      feed.subscribe([`application-pipeline:${cohortId}`], head),
      feed.subscribe([`application-pipeline:${cohortId}:zcu`], head),
      feed.subscribe([`application-pipeline:${cohortId}:hst`], head),
    ];
    const claims = record(cohortId, "zcu");
    await deliverRecords(service, claims, { ...claims, status: "WITHDRAWN", revision: 2 });
    const zcuChanges = [
      ["SUBMITTED", { cohortId, applicationId: claims.applicationId }],
      ["WITHDRAWN", { cohortId, applicationId: claims.applicationId }],
    ];
    expect((await cohortTopic.waitFor(2)).map((change) => [change.kind, change.refs])).toEqual(zcuChanges);
    expect((await zcuTopic.waitFor(2)).map((change) => [change.kind, change.refs])).toEqual(zcuChanges);
    // hst's topic: nothing of zcu's application, its own next record first
    const hstClaims = record(cohortId, "hst");
    await deliverRecords(service, hstClaims);
    expect((await hstTopic.waitFor(1)).map((change) => change.refs)).toEqual([{ cohortId, applicationId: hstClaims.applicationId }]);
  });
});
