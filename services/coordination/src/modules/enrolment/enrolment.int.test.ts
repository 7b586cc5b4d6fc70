import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { assertWalk, type ConnectionPage } from "@tandem/shared/testkit";
import { ENROL, createCohort, createProgramme, enrolNew, firstError, ok, participantId } from "../../../test/fixtures.js";

const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { id status withdrawnAt } }`;
const QUOTAS = `query($id: ID!) { cohort(id: $id) { quotas { nodeId enrolledMentees enrolledMentors } } }`;

describe("enrolments", () => {
  let service: TestCoordination;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    const programme = await createProgramme(service, { participatingNodeIds: ["hst", "zcu", "unilu"] });
    cohortId = (
      await createCohort(service, programme.id, {
        quotas: [
          { nodeId: "hst", mentees: 10, mentors: 10 },
          { nodeId: "zcu", mentees: 1, mentors: 1 },
        ],
      })
    ).id;
  });
  afterAll(() => service.stop());

  const enrol = (input: Record<string, unknown>) => service.query(ENROL, { input: { cohortId, role: "MENTEE", track: "health", ...input } });

  it("enrols a participant of a participating node by reference", async () => {
    const id = participantId("hst");
    const result = await enrol({ participantId: id });
    expect(result.errors).toBeUndefined();
    const enrolment = result.data!.enrol;
    expect(enrolment.id).toMatch(/^coord:enrolment:[0-9a-f-]{36}$/);
    expect(enrolment).toMatchObject({ cohortId, participantId: id, participant: { id }, role: "MENTEE", track: "health", status: "ACTIVE", withdrawnAt: null });
    const data = await ok(service, `query($id: ID!) { enrolment(id: $id) { id cohort { id } } }`, { id: enrolment.id });
    expect(data.enrolment).toEqual({ id: enrolment.id, cohort: { id: cohortId } });
  });

  it("is idempotent: enrolling again returns the active enrolment", async () => {
    const id = participantId("hst");
    const first = await enrol({ participantId: id, role: "MENTOR", track: "engineering" });
    const before = await service.countRows("enrolments");
    const again = await enrol({ participantId: id, role: "MENTOR", track: "engineering" });
    expect(again.data!.enrol.id).toBe(first.data!.enrol.id);
    expect(await service.countRows("enrolments")).toBe(before);
  });

  it.each([
    [{ role: "MENTOR" }, "input.role"],
    [{ track: "engineering" }, "input.track"],
  ])("refuses a second, different enrolment of the same participant (%o)", async (change, field) => {
    const id = participantId("hst");
    await enrol({ participantId: id });
    const before = await service.countRows("enrolments");
    expect(firstError(await enrol({ participantId: id, ...change }))).toMatchObject({ code: "CONFLICT", field });
    expect(await service.countRows("enrolments")).toBe(before);
  });

  it.each([
    [{ track: "Health" }, "BAD_USER_INPUT", "track"],
    [{ track: "law" }, "BAD_USER_INPUT", "input.track"],
    [{ participantId: participantId("othaw") }, "BAD_USER_INPUT", "input.participantId"],
    [{ participantId: participantId("mars") }, "UNKNOWN_NODE", "input.participantId"],
    [{ participantId: "coord:participant:00000000-0000-4000-8000-000000000000" }, "UNKNOWN_NODE", "input.participantId"],
    [{ participantId: "hst:event:00000000-0000-4000-8000-000000000000" }, "BAD_USER_INPUT", "input.participantId"],
    [{ participantId: "hst:participant:42" }, "BAD_USER_INPUT", "input.participantId"],
    [{ cohortId: "coord:cohort:00000000-0000-4000-8000-000000000000" }, "NOT_FOUND", "input.cohortId"],
    [{ cohortId: "hst:cohort:00000000-0000-4000-8000-000000000000" }, "WRONG_NODE", "input.cohortId"],
  ])("refuses %o with %s on %s, leaving no row", async (override, code, field) => {
    const before = await service.countRows("enrolments");
    const error = firstError(await enrol({ participantId: participantId("hst"), ...override }));
    expect(error.code).toBe(code);
    if (error.fields && !error.field) expect((error.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    else expect(error.field).toBe(field);
    expect(await service.countRows("enrolments")).toBe(before);
  });

  it("enforces the quota per node and role, and counts places taken", async () => {
    await enrolNew(service, cohortId, "zcu", "MENTEE");
    const before = await service.countRows("enrolments");
    const refused = await enrol({ participantId: participantId("zcu") });
    expect(firstError(refused)).toMatchObject({ code: "QUOTA_EXCEEDED", field: "input.role", node: "zcu", role: "MENTEE", quota: 1 });
    expect(await service.countRows("enrolments")).toBe(before);
    await enrolNew(service, cohortId, "zcu", "MENTOR");
    const quotas = (await ok(service, QUOTAS, { id: cohortId })).cohort.quotas;
    expect(quotas.find((q: { nodeId: string }) => q.nodeId === "zcu")).toEqual({ nodeId: "zcu", enrolledMentees: 1, enrolledMentors: 1 });
  });

  it("gives a participating node without a quota no places", async () => {
    expect(firstError(await enrol({ participantId: participantId("unilu") }))).toMatchObject({ code: "QUOTA_EXCEEDED", node: "unilu", quota: 0 });
  });

  it("withdraws an enrolment, freeing its place; withdrawing again is harmless; re-enrolling starts afresh", async () => {
    const programme = await createProgramme(service);
    const small = (await createCohort(service, programme.id, { quotas: [{ nodeId: "hst", mentees: 1, mentors: 0 }] })).id;
    const id = participantId("hst");
    const first = await ok(service, ENROL, { input: { cohortId: small, participantId: id, role: "MENTEE", track: "health" } });
    const withdrawn = (await ok(service, WITHDRAW, { id: first.enrol.id })).withdrawEnrolment;
    expect(withdrawn).toMatchObject({ id: first.enrol.id, status: "WITHDRAWN" });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect((await ok(service, WITHDRAW, { id: first.enrol.id })).withdrawEnrolment).toEqual(withdrawn);
    const again = await ok(service, ENROL, { input: { cohortId: small, participantId: id, role: "MENTEE", track: "health" } });
    expect(again.enrol.id).not.toBe(first.enrol.id);
    expect(firstError(await service.query(WITHDRAW, { id: "coord:enrolment:00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });

  it("pages through a cohort's enrolments in enrolment order, filtered by role", async () => {
    const programme = await createProgramme(service);
    const cohort = (await createCohort(service, programme.id)).id;
    const mentees = [];
    for (let i = 0; i < 5; i++) mentees.push(await enrolNew(service, cohort, i % 2 ? "zcu" : "hst", "MENTEE"));
    await enrolNew(service, cohort, "hst", "MENTOR");
    const seen: { participantId: string; enrolledAt: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Record<string, any> = await ok(
        service,
        `query($cohortId: ID!, $after: String) { enrolments(cohortId: $cohortId, role: MENTEE, first: 2, after: $after) { totalCount edges { node { participantId enrolledAt } } pageInfo { hasNextPage endCursor } } }`,
        { cohortId: cohort, after },
      );
      expect(page.enrolments.totalCount).toBe(5);
      seen.push(...page.enrolments.edges.map((edge: any) => edge.node));
      if (!page.enrolments.pageInfo.hasNextPage) break;
      after = page.enrolments.pageInfo.endCursor;
    }
    expect(seen.map((e) => e.participantId).sort()).toEqual([...mentees].sort());
    const times = seen.map((e) => e.enrolledAt);
    expect([...times].sort()).toEqual(times);
    const all = await ok(service, `query($id: ID!) { cohort(id: $id) { enrolments { role } } }`, { id: cohort });
    expect(all.cohort.enrolments).toHaveLength(6);
  });

  it("walks every enrolment exactly once in (enrolment time, id) order, also among enrolments of the same instant, and binds cursors to the filter", async () => {
    const cohort = (await createCohort(service, (await createProgramme(service)).id)).id;
    for (let i = 0; i < 9; i++) await enrolNew(service, cohort, i % 2 ? "zcu" : "hst", i % 3 ? "MENTEE" : "MENTOR");
    await service.sql(`UPDATE enrolments SET enrolled_at = (SELECT min(enrolled_at) FROM enrolments WHERE cohort_id = $1) WHERE cohort_id = $1 AND role = 'MENTEE'`, [cohort.split(":")[2]]);
    const PAGE = `query($cohortId: ID!, $role: EnrolmentRole, $first: Int!, $after: String) {
      enrolments(cohortId: $cohortId, role: $role, first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }`;
    const page = async (variables: Record<string, unknown>): Promise<ConnectionPage<{ id: string }>> => (await ok(service, PAGE, { cohortId: cohort, ...variables })).enrolments;
    const inOrder = async (role?: string) =>
      (await service.sql<{ id: string }>(`SELECT id FROM enrolments WHERE cohort_id = $1 AND ($2::text IS NULL OR role = $2) ORDER BY enrolled_at, id`, [cohort.split(":")[2], role ?? null])).map(
        (row) => `coord:enrolment:${row.id}`,
      );
    for (const [first, role] of [[1], [2], [4, "MENTEE"], [2, "MENTOR"]] as const) {
      await assertWalk(
        first,
        (after) => page({ first, after, role }),
        await inOrder(role),
        (node) => node.id,
      );
    }
    const mentees = (await page({ first: 2, role: "MENTEE" })).pageInfo.endCursor;
    for (const other of [{ role: null }, { role: "MENTOR" }, { cohortId }]) {
      expect(firstError(await service.query(PAGE, { cohortId: cohort, first: 2, after: mentees, role: "MENTEE", ...other })), JSON.stringify(other)).toMatchObject({
        code: "BAD_CURSOR",
        field: "after",
      });
    }
  });

  it("answers BAD_CURSOR for a malformed cursor and NOT_FOUND for an unknown cohort", async () => {
    const bad = await service.query(`query($id: ID!) { enrolments(cohortId: $id, after: "garbage") { totalCount } }`, { id: cohortId });
    expect(firstError(bad)).toMatchObject({ code: "BAD_CURSOR", field: "after" });
    const missing = await service.query(`{ enrolments(cohortId: "coord:cohort:00000000-0000-4000-8000-000000000000") { totalCount } }`);
    expect(firstError(missing)).toMatchObject({ code: "NOT_FOUND", field: "cohortId" });
  });
});
