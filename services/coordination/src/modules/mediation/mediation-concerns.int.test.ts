/**
 * Concerns raised at a partner's home node reach the office as signed facts
 * (codes and the statement's reference): the first opens the tandem's case,
 * the partner's joins it; closing a case marks what check-ins asked for as
 * handled; cases and monitoring figures are announced per node on the change
 * feed, and followed only by those the office lets read that node.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofType, signProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ACTIVATE, CLOSE, acceptByBoth, firstError, ok, proposeNew, seedCohort } from "../../../test/fixtures.js";
import { deliver } from "../../../test/journey-fixtures.js";

const CASE = `query($id: ID!) { mediationCase(id: $id) { id raisedBy raiserId concern mediator outcome statements { id } } }`;
const CASES = `query($c: ID!, $n: String) { mediationCases(cohortId: $c, nodeId: $n, first: 10) { edges { node { id raisedBy } } } }`;
const RESOLVE = `mutation($id: ID!, $outcome: MediationOutcome!) { resolveMediationCase(id: $id, outcome: $outcome) { id outcome } }`;
const OPEN = `mutation($input: OpenMediationCaseInput!) { openMediationCase(input: $input) { id } }`;
const MONITORING = `query($c: ID!, $n: String) { tandemMonitoring(cohortId: $c, nodeId: $n) { groups { nodeIds } } }`;

describe("concerns raised at home, cases and monitoring live", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    cohortId = (await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] }, 8, "MATCHING")).cohort.id;
  });
  afterAll(() => service.stop());

  async function runningTandem() {
    const tandem = await proposeNew(service, cohortId, "hst", "zcu");
    await acceptByBoth(service, tandem);
    await ok(service, ACTIVATE, { id: tandem.id });
    return tandem;
  }
  const concern = (tandemId: string, participantId: string, overrides: Record<string, unknown> = {}, signer = participantId.split(":")[0]!) =>
    signProof(service.trust.keys.get(signer)!, signer, {
      type: ProofType.CONCERN_RAISED,
      concernId: `${participantId.split(":")[0]}:concern:${randomUUID()}`,
      tandemId,
      participantId,
      concern: "AVAILABILITY",
      mediator: "HOME_NODE",
      ...overrides,
    } as never);
  const receipt = async (source: string, proof: string) => (await deliver(service, source, [proof])).data!.receiveFacts;
  const claimsOf = (proof: string) => JSON.parse(Buffer.from(proof.split(".")[1]!, "base64url").toString()) as { concernId: string };

  it("opens the case from the first concern and adds the partner's statement to it, announcing each on the case's, the node's and the monitoring topics", async () => {
    const tandem = await runningTandem();
    const feed = service.feed();
    const head = await service.coordination.outbox.feed.head();
    const [hstCases, zcuCases, hstMonitoring] = [
      feed.subscribe([`mediation-cases:${cohortId}:hst`], head),
      feed.subscribe([`mediation-cases:${cohortId}:zcu`], head),
      feed.subscribe([`monitoring:${cohortId}:hst`], head),
    ];
    const first = await concern(tandem.id, tandem.menteeId);
    expect(await receipt("hst", first)).toMatchObject({ applied: 1, refused: 0 });
    const [opened] = (await ok(service.as(as.nodeCoordinator("hst")), CASES, { c: cohortId, n: "hst" })).mediationCases.edges.map((edge: any) => edge.node);
    const second = await concern(tandem.id, tandem.mentorId, { concern: "COMMUNICATION", mediator: "JOINT_OFFICE" });
    expect(await receipt("zcu", second)).toMatchObject({ applied: 1, refused: 0 });
    const found = (await ok(service, CASE, { id: opened.id })).mediationCase;
    expect(found).toEqual({
      id: opened.id,
      raisedBy: "MENTEE",
      raiserId: tandem.menteeId,
      concern: "AVAILABILITY",
      mediator: "HOME_NODE",
      outcome: null,
      statements: [{ id: claimsOf(first).concernId }, { id: claimsOf(second).concernId }],
    });
    // the same fact delivered again changes nothing
    expect((await deliver(service, "hst", [first])).data!.receiveFacts).toMatchObject({ applied: 0 });
    expect((await hstCases.waitFor(2)).map((change) => [change.kind, change.refs])).toEqual([
      ["OPENED", { caseId: opened.id, cohortId }],
      ["STATEMENT_ADDED", { caseId: opened.id, cohortId }],
    ]);
    expect((await hstMonitoring.waitFor(1)).map((change) => [change.kind, change.refs])).toContainEqual(["CASE", { cohortId }]);
    await ok(service.as(as.nodeCoordinator("hst")), RESOLVE, { id: opened.id, outcome: "RESOLVED" });
    expect((await hstCases.waitFor(3)).map((change) => change.kind)).toEqual(["OPENED", "STATEMENT_ADDED", "RESOLVED"]);
    // the case was raised at hst: zcu's topic heard nothing of it
    expect(zcuCases.received).toEqual([]);
    // the raiser reads her case; the partner, who did not raise it, does not
    expect((await ok(service.as(as.participant(tandem.menteeId)), CASE, { id: opened.id })).mediationCase.outcome).toBe("RESOLVED");
    expect(firstError(await service.as(as.participant(tandem.mentorId, "mentor")).query(CASE, { id: opened.id }))).toMatchObject({ code: "FORBIDDEN", rule: "read-mediation-case" });
  });

  it("refuses a concern about a tandem that ended, of someone who is no partner, or signed by another node", async () => {
    const tandem = await runningTandem();
    const stranger = `hst:participant:${randomUUID()}`;
    expect(await receipt("hst", await concern(tandem.id, stranger))).toMatchObject({ applied: 0, refused: 1 });
    const forged = await deliver(service, "zcu", [await concern(tandem.id, tandem.menteeId, {}, "zcu")]);
    expect(firstError(forged)).toMatchObject({ code: "INVALID_PROOF" });
    await ok(service, CLOSE, { id: tandem.id, reason: "COMPLETED" });
    expect(await receipt("hst", await concern(tandem.id, tandem.menteeId))).toMatchObject({ applied: 0, refused: 1 });
    expect(await service.sql(`SELECT id FROM mediation_cases WHERE tandem_id = $1`, [tandem.id.split(":")[2]])).toEqual([]);
  });

  it("marks what the check-ins asked for as handled once the case is closed", async () => {
    const tandem = await runningTandem();
    const checkIn = await signProof(service.trust.keys.get("hst")!, "hst", {
      type: ProofType.CHECK_IN,
      tandemId: tandem.id,
      participantId: tandem.menteeId,
      dueOn: "2027-03-01",
      satisfaction: 1,
      onTrack: false,
      contactRequested: true,
    });
    expect(await receipt("hst", checkIn)).toMatchObject({ applied: 1 });
    const attention = async () =>
      (await ok(service, `query($c: ID!) { tandemsNeedingAttention(cohortId: $c, first: 50) { edges { node { tandemId handledAt } } } }`, { c: cohortId })).tandemsNeedingAttention.edges
        .map((edge: any) => edge.node)
        .filter((node: any) => node.tandemId === tandem.id);
    expect(await attention()).toEqual([{ tandemId: tandem.id, handledAt: null }]);
    const [opened] = await service.sql<{ id: string }>(`SELECT id FROM mediation_cases WHERE tandem_id = $1`, [tandem.id.split(":")[2]]);
    await ok(service, RESOLVE, { id: `coord:mediation-case:${opened!.id}`, outcome: "RESOLVED" });
    expect(await attention()).toEqual([]);
  });

  it("lets a node's cases and figures be read by its coordinators and joint coordinators only; the office's own cases by joint coordinators only", async () => {
    const tandem = await runningTandem();
    const byOffice = (await ok(service, OPEN, { input: { tandemId: tandem.id, concern: "OTHER" } })).openMediationCase;
    expect((await ok(service, CASES, { c: cohortId, n: "coord" })).mediationCases.edges.map((edge: any) => edge.node.id)).toContain(byOffice.id);
    for (const [caller, node] of [
      [as.nodeCoordinator("hst"), "zcu"],
      [as.nodeCoordinator("hst"), "coord"],
      [as.participant(tandem.menteeId), "hst"],
    ] as const) {
      expect(firstError(await service.as(caller).query(CASES, { c: cohortId, n: node }))).toMatchObject({ code: "FORBIDDEN", rule: "read-node-mediation-cases" });
    }
    expect(firstError(await service.query(CASES, { c: cohortId, n: "mars" }))).toMatchObject({ code: "UNKNOWN_NODE", field: "nodeId" });
    expect((await ok(service.as(as.nodeCoordinator("hst")), MONITORING, { c: cohortId, n: "hst" })).tandemMonitoring.groups.flatMap((group: any) => group.nodeIds)).toEqual(["hst"]);
    expect(firstError(await service.as(as.nodeCoordinator("hst")).query(MONITORING, { c: cohortId, n: "zcu" }))).toMatchObject({ code: "FORBIDDEN", rule: "read-monitoring" });
    expect(firstError(await service.query(MONITORING, { c: cohortId, n: "mars" }))).toMatchObject({ code: "UNKNOWN_NODE", field: "nodeId" });
  });
});
