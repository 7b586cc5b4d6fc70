/**
 * The coordination part of the GDPR rights: a person (or a coordinator of
 * their home node) exports everything the office holds about them, or has
 * every reference to them replaced by one pseudonym, so that nothing at the
 * office points back to them any more while pairs stay countable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import type { Caller } from "@tandem/shared";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { ACTIVATE, CLOSE, ENROL, PROPOSE_TANDEM, acceptByBoth, enrolNew, firstError, ok, participantId, seedCohort } from "../../../test/fixtures.js";

const EXPORT = `query($p: ID!) { exportCoordinationRecords(participantId: $p) }`;
const ERASE = `mutation($p: ID!) { eraseCoordinationRecords(participantId: $p) { party participantId heldPersonalData removedRecords anonymisedRecords confirmedAt } }`;

describe("GDPR rights at the coordination office", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  /** A mentee with a closed and an open tandem in one cohort and an enrolment in another. */
  async function personWithHistory() {
    const first = await seedCohort(service);
    const second = await seedCohort(service);
    const person = await enrolNew(service, first.cohort.id, "hst", "MENTEE");
    await ok(service, ENROL, { input: { cohortId: second.cohort.id, participantId: person, role: "MENTOR", track: "engineering" } });
    const propose = async (mentorId: string) => (await ok(service, PROPOSE_TANDEM, { input: { cohortId: first.cohort.id, menteeId: person, mentorId } })).proposeTandem;
    const closed = await propose(await enrolNew(service, first.cohort.id, "zcu", "MENTOR"));
    await acceptByBoth(service, closed);
    await ok(service, ACTIVATE, { id: closed.id });
    await ok(service, CLOSE, { id: closed.id, reason: "COMPLETED" });
    const open = await propose(await enrolNew(service, first.cohort.id, "zcu", "MENTOR"));
    await ok(service.as(as.participant(person)), `mutation($id: ID!) { respondToTandem(id: $id, accept: true) { id } }`, { id: open.id });
    return { person, first, second, closed, open };
  }

  /** Every text-like column of every table holding `value`, as `table.column`. */
  async function columnsHolding(value: string): Promise<string[]> {
    const columns = await service.sql<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'ARRAY', 'jsonb', 'json', 'character')`,
    );
    expect(columns.length).toBeGreaterThan(10);
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [row] = await service.sql(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE '%' || $1 || '%'`, [value]);
      if (row!.n > 0) hits.push(`${table_name}.${column_name}`);
    }
    return hits.sort();
  }

  it("exports every enrolment, tandem and audit entry about a person to them and to their node's coordinators", async () => {
    const { person, first, second, closed, open } = await personWithHistory();
    for (const caller of [as.participant(person), as.nodeCoordinator("hst")]) {
      const result = await service.as(caller).query(EXPORT, { p: person });
      expect(result.errors).toBeUndefined();
      const document = result.data!.exportCoordinationRecords;
      expect(document).toMatchObject({ party: "coord", participantId: person, heldPersonalData: false });
      expect(document.enrolments).toEqual([
        expect.objectContaining({
          cohort: { id: first.cohort.id, name: "2026/27" },
          programme: { id: first.programme.id, name: first.programme.name },
          role: "MENTEE",
          track: "health",
          status: "ACTIVE",
        }),
        expect.objectContaining({ cohort: { id: second.cohort.id, name: "2026/27" }, programme: { id: second.programme.id, name: second.programme.name }, role: "MENTOR", track: "engineering" }),
      ]);
      expect(document.tandems).toEqual([
        expect.objectContaining({ id: closed.id, role: "MENTEE", partnerId: closed.mentorId, status: "CLOSED", closeReason: "COMPLETED", menteeResponse: "ACCEPTED", mentorResponse: "ACCEPTED" }),
        expect.objectContaining({ id: open.id, role: "MENTEE", partnerId: open.mentorId, status: "PROPOSED", menteeResponse: "ACCEPTED", mentorResponse: "PENDING", mentorRespondedAt: null }),
      ]);
      expect(document.tandems[0].activatedAt).toEqual(expect.any(String));
      const actions = document.auditEntries.map((entry: any) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(["enrol", "proposeTandem", "respondToTandem", "activateTandem", "closeTandem"]));
      expect(JSON.stringify(document.auditEntries)).not.toMatch(/requestId|participantId/);
    }
    const exports = await service.sql(`SELECT actor, outcome FROM audit_log WHERE action = 'exportCoordinationRecords' AND participant_id = $1 ORDER BY id`, [person]);
    expect(exports).toEqual([
      { actor: person, outcome: "ok" },
      { actor: "hst:staff:coordinator", outcome: "ok" },
    ]);
  });

  it.each([
    ["a joint coordinator", () => as.jointCoordinator()],
    ["another node's coordinator", () => as.nodeCoordinator("zcu")],
    ["another participant", () => as.participant(participantId("hst"))],
  ])("refuses export and erasure to %s, changing nothing", async (_name, caller: () => Caller) => {
    const { person } = await personWithHistory();
    const before = await columnsHolding(person);
    const audited = await service.countRows("audit_log");
    const exported = await service.as(caller()).query(EXPORT, { p: person });
    expect(exported.data).toEqual({ exportCoordinationRecords: null });
    expect(firstError(exported)).toMatchObject({ code: "FORBIDDEN", rule: "exercise-data-rights" });
    const erased = await service.as(caller()).query(ERASE, { p: person });
    expect(erased.data).toEqual({ eraseCoordinationRecords: null });
    expect(firstError(erased)).toMatchObject({ code: "FORBIDDEN", rule: "exercise-data-rights" });
    expect(await columnsHolding(person)).toEqual([...new Set([...before, "audit_log.participant_id"])].sort());
    const refusals = await service.sql(`SELECT action, outcome, participant_id FROM audit_log ORDER BY id OFFSET $1`, [audited]);
    expect(refusals).toEqual([
      { action: "exportCoordinationRecords", outcome: "FORBIDDEN", participant_id: person },
      { action: "eraseCoordinationRecords", outcome: "FORBIDDEN", participant_id: person },
    ]);
    expect(await service.sql(`SELECT count(*)::int AS n FROM tandems WHERE mentee_id = $1 AND status <> 'CLOSED'`, [person])).toEqual([{ n: 1 }]);
  });

  it("anonymises every reference with one pseudonym per person, closing open tandems; harmless to repeat", async () => {
    const { person, first, closed, open } = await personWithHistory();
    const partner = open.mentorId;
    expect(await columnsHolding(person)).toEqual(["audit_log.actor", "audit_log.participant_id", "enrolments.participant_id", "facts.subjects", "tandems.mentee_id"]);
    const auditRows = (await service.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE $1 IN (participant_id, actor, target_id)`, [person]))[0]!.n;
    const result = await service.as(as.participant(person)).query(ERASE, { p: person });
    expect(result.errors).toBeUndefined();
    const confirmation = result.data!.eraseCoordinationRecords;
    expect(confirmation).toMatchObject({ party: "coord", participantId: person, heldPersonalData: false, removedRecords: 0 });
    expect(auditRows).toBe(6); // their two enrolments and two proposed tandems, and their two answers
    expect(confirmation.anonymisedRecords).toBe(2 + 2 + auditRows);
    expect(Math.abs(Date.parse(confirmation.confirmedAt) - Date.now())).toBeLessThan(60_000);

    expect(await columnsHolding(person)).toEqual([]);
    const pseudonyms = await service.sql(
      `SELECT participant_id AS id FROM enrolments WHERE participant_id LIKE 'hst:erased:%' UNION SELECT mentee_id FROM tandems WHERE mentee_id LIKE 'hst:erased:%'`,
    );
    expect(pseudonyms).toHaveLength(1);
    const pseudonym = pseudonyms[0]!.id as string;
    expect(pseudonym).toMatch(/^hst:erased:[0-9a-f-]{36}$/);
    expect((await service.sql(`SELECT action, actor, participant_id FROM audit_log ORDER BY id DESC LIMIT 1`))[0]).toEqual({
      action: "eraseCoordinationRecords",
      actor: pseudonym,
      participant_id: pseudonym,
    });

    const tandems = (
      await ok(
        service.as(as.nodeCoordinator("hst")),
        `query($c: ID!) { tandems(cohortId: $c) { edges { node { id menteeId mentee { id } mentorId mentor { id } status closeReason acceptanceProof } } } }`,
        { c: first.cohort.id },
      )
    ).tandems.edges.map((edge: any) => edge.node);
    expect(tandems).toEqual([
      { id: closed.id, menteeId: pseudonym, mentee: null, mentorId: closed.mentorId, mentor: { id: closed.mentorId }, status: "CLOSED", closeReason: "COMPLETED", acceptanceProof: null },
      { id: open.id, menteeId: pseudonym, mentee: null, mentorId: partner, mentor: { id: partner }, status: "CLOSED", closeReason: "ERASED", acceptanceProof: null },
    ]);
    const enrolments = await service.sql(`SELECT status FROM enrolments WHERE participant_id = $1`, [pseudonym]);
    expect(enrolments).toEqual([{ status: "WITHDRAWN" }, { status: "WITHDRAWN" }]);
    const stub = (await ok(service, `query($c: ID!) { cohort(id: $c) { enrolments { participantId participant { id } } } }`, { c: first.cohort.id })).cohort.enrolments;
    expect(stub.find((e: any) => e.participantId === pseudonym)).toEqual({ participantId: pseudonym, participant: null });

    const again = (await ok(service.as(as.nodeCoordinator("hst")), ERASE, { p: person })).eraseCoordinationRecords;
    expect(again).toMatchObject({ participantId: person, removedRecords: 0, anonymisedRecords: 0 });
    expect(await columnsHolding(person)).toEqual([]);
    expect((await ok(service.as(as.participant(partner, "mentor")), EXPORT, { p: partner })).exportCoordinationRecords.tandems).toEqual([
      expect.objectContaining({ id: open.id, partnerId: pseudonym, status: "CLOSED" }),
    ]);
  });

  it("lets an erased person's former place and partner be used again, and keeps two erased partners apart", async () => {
    const { cohort } = await seedCohort(service, {}, 1);
    const mentee = await enrolNew(service, cohort.id, "hst", "MENTEE");
    const mentor = await enrolNew(service, cohort.id, "zcu", "MENTOR");
    const tandem = (await ok(service, PROPOSE_TANDEM, { input: { cohortId: cohort.id, menteeId: mentee, mentorId: mentor } })).proposeTandem;
    await ok(service.as(as.participant(mentee)), ERASE, { p: mentee });
    await ok(service.as(as.participant(mentor)), ERASE, { p: mentor });
    const [row] = await service.sql(`SELECT mentee_id, mentor_id, status FROM tandems WHERE id = $1`, [tandem.id.split(":")[2]]);
    expect(row!.mentee_id).toMatch(/^hst:erased:/);
    expect(row!.mentor_id).toMatch(/^zcu:erased:/);
    const newcomer = await enrolNew(service, cohort.id, "hst", "MENTEE");
    const newMentor = await enrolNew(service, cohort.id, "zcu", "MENTOR");
    expect((await ok(service, PROPOSE_TANDEM, { input: { cohortId: cohort.id, menteeId: newcomer, mentorId: newMentor } })).proposeTandem.status).toBe("PROPOSED");
  });

  it("validates the participant id", async () => {
    const hst = service.as(as.nodeCoordinator("hst"));
    const person = participantId("hst");
    expect((await ok(hst, EXPORT, { p: person })).exportCoordinationRecords).toMatchObject({ participantId: person, enrolments: [], tandems: [] });
    expect(firstError(await hst.query(ERASE, { p: "hst:staff:coordinator" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "participantId" });
    expect(firstError(await hst.query(EXPORT, { p: "hst:erased:00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(firstError(await hst.query(ERASE, { p: `hst:participant:${"x".repeat(200)}` }))).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});
