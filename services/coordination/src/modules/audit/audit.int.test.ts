/**
 * The coordination office's audit log: every mutation (and every export of
 * a person's data) leaves one entry saying who did what to which record,
 * via which party, and how it ended; never a token, never a value.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import {
  ACTIVATE,
  CLOSE,
  CREATE_COHORT,
  CREATE_PROGRAMME,
  ENROL,
  PROPOSE_TANDEM,
  RESPOND,
  UPDATE_COHORT,
  UPDATE_PROGRAMME,
  advanceTo,
  cohortInput,
  firstError,
  ok,
  participantId,
  programmeInput,
} from "../../../test/fixtures.js";

const AUDIT_LOG = `query($participantId: ID, $first: Int, $after: String) {
  coordinationAuditLog(participantId: $participantId, first: $first, after: $after) {
    totalCount edges { cursor node { id at actor actorHome actorRoles via requestId action participantId fieldGroup targetId outcome } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("audit log", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  const rows = () => service.sql(`SELECT * FROM audit_log ORDER BY id`);

  it("records every mutation with actor, target and outcome, and no token or value", async () => {
    const hst = as.nodeCoordinator("hst");
    const secretName = "Programme Sesame 4711";
    const programme = (await ok(service, CREATE_PROGRAMME, { input: programmeInput({ name: secretName, description: "Description Sesame 4711" }) })).createProgramme;
    const cohort = (await ok(service, CREATE_COHORT, { input: cohortInput(programme.id, { name: "Cohort Sesame 4711" }) })).createCohort;
    await ok(service, UPDATE_PROGRAMME, { id: programme.id, input: { description: "Changed Sesame 4711", reviewer: "JOINT_OFFICE" } });
    await ok(service, UPDATE_COHORT, { id: cohort.id, input: { name: "Cohort Sesame 4712" } });
    await advanceTo(service, cohort.id, "MATCHING");
    const mentee = participantId("hst");
    const mentor = participantId("zcu");
    const menteeEnrolment = (await ok(service.as(hst), ENROL, { input: { cohortId: cohort.id, participantId: mentee, role: "MENTEE", track: "health" } })).enrol;
    await ok(service.as(as.nodeCoordinator("zcu")), ENROL, { input: { cohortId: cohort.id, participantId: mentor, role: "MENTOR", track: "health" } });
    const spare = (await ok(service, ENROL, { input: { cohortId: cohort.id, participantId: participantId("hst"), role: "MENTOR", track: "health" } })).enrol;
    await ok(service, `mutation($id: ID!) { withdrawEnrolment(id: $id) { id } }`, { id: spare.id });
    const tandem = (await ok(service.as(hst), PROPOSE_TANDEM, { input: { cohortId: cohort.id, menteeId: mentee, mentorId: mentor } })).proposeTandem;
    await ok(service.as(as.participant(mentee)), RESPOND, { id: tandem.id, accept: true });
    await ok(service.as(as.participant(mentor, "mentor")), RESPOND, { id: tandem.id, accept: true });
    await ok(service, ACTIVATE, { id: tandem.id });
    const token = await service.token(as.participant(mentee));
    const closed = await service.post({ query: CLOSE, variables: { id: tandem.id, reason: "OTHER" } }, { authorization: `Bearer ${token}` });
    expect(closed.body.data.closeTandem.status).toBe("CLOSED");
    expect(firstError(await service.as(as.participant(mentor)).query(CREATE_PROGRAMME, { input: programmeInput() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(firstError(await service.query(ACTIVATE, { id: "coord:tandem:nope" }))).toMatchObject({ code: "BAD_USER_INPUT" });

    const log = await rows();
    expect(log.map((row) => [row.action, row.outcome, row.actor, row.target_id, row.participant_id])).toEqual([
      ["createProgramme", "ok", "coord:staff:joint-coordinator", programme.id, null],
      ["createCohort", "ok", "coord:staff:joint-coordinator", cohort.id, null],
      ["updateProgramme", "ok", "coord:staff:joint-coordinator", programme.id, null],
      ["updateCohort", "ok", "coord:staff:joint-coordinator", cohort.id, null],
      ["advanceCohort", "ok", "coord:staff:joint-coordinator", cohort.id, null],
      ["advanceCohort", "ok", "coord:staff:joint-coordinator", cohort.id, null],
      ["advanceCohort", "ok", "coord:staff:joint-coordinator", cohort.id, null],
      ["enrol", "ok", "hst:staff:coordinator", menteeEnrolment.id, mentee],
      ["enrol", "ok", "zcu:staff:coordinator", expect.stringMatching(/^coord:enrolment:/), mentor],
      ["enrol", "ok", "coord:staff:joint-coordinator", spare.id, expect.stringMatching(/^hst:participant:/)],
      ["withdrawEnrolment", "ok", "coord:staff:joint-coordinator", spare.id, null],
      ["proposeTandem", "ok", "hst:staff:coordinator", tandem.id, mentee],
      ["proposeTandem", "ok", "hst:staff:coordinator", tandem.id, mentor],
      ["respondToTandem", "ok", mentee, tandem.id, null],
      ["respondToTandem", "ok", mentor, tandem.id, null],
      // started without signed agreement, by the coordinator's override: its own entry, written with the change
      ["activate-tandem:override", "ok", "coord:staff:joint-coordinator", tandem.id, null],
      ["activateTandem", "ok", "coord:staff:joint-coordinator", tandem.id, null],
      ["closeTandem", "ok", mentee, tandem.id, null],
      ["createProgramme", "FORBIDDEN", mentor, null, null],
      ["activateTandem", "BAD_USER_INPUT", "coord:staff:joint-coordinator", "coord:tandem:nope", null],
    ]);
    for (const row of log) {
      expect(row).toMatchObject({ via: "gateway", field_group: null });
      expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.actor_home).toBe(row.actor.split(":")[0]);
    }
    expect(log[13]!.actor_roles).toEqual(["mentee"]);
    const text = JSON.stringify(log);
    for (const secret of [token, token.split(".")[2]!, "Sesame", "health", "MENTEE"]) expect(text).not.toContain(secret);
  });

  it("records an id argument too long to store as null rather than failing the answer", async () => {
    const result = await service.query(ACTIVATE, { id: `coord:tandem:${"x".repeat(400)}` });
    expect(firstError(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const [last] = await service.sql(`SELECT action, target_id, outcome FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(last).toEqual({ action: "activateTandem", target_id: null, outcome: "BAD_USER_INPUT" });
  });

  it("lets joint coordinators page through the log, newest first, and filter it by participant", async () => {
    const person = participantId("hst");
    for (let i = 0; i < 3; i++) await service.as(as.participant(person)).query(`query($p: ID!) { exportCoordinationRecords(participantId: $p) }`, { p: person });
    const total = await service.countRows("audit_log");
    const seen: { id: string; at: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Record<string, any> = (await ok(service, AUDIT_LOG, { first: 4, after })).coordinationAuditLog;
      expect(page.totalCount).toBe(total);
      seen.push(...page.edges.map((edge: any) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(total);
    const order = seen.map((entry) => [Date.parse(entry.at), Number(entry.id.split(":")[2])]);
    expect([...order].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!)).toEqual(order);
    const about = (await ok(service, AUDIT_LOG, { participantId: person })).coordinationAuditLog;
    expect(about.totalCount).toBe(3);
    expect(about.edges.map((edge: any) => [edge.node.action, edge.node.participantId, edge.node.actor, edge.node.outcome])).toEqual(Array(3).fill(["exportCoordinationRecords", person, person, "ok"]));
    expect(firstError(await service.query(AUDIT_LOG, { after: "garbage" }))).toMatchObject({ code: "BAD_CURSOR" });
  });

  it("refuses the log to everyone but joint coordinators", async () => {
    for (const caller of [as.nodeCoordinator("hst"), as.participant(participantId("zcu"))]) {
      const result = await service.as(caller).query(AUDIT_LOG, {});
      expect(result.data).toEqual({ coordinationAuditLog: null });
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "read-audit-log" });
    }
  });
});
