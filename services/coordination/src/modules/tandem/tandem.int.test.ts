import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertWalk, type ConnectionPage } from "@tandem/shared/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { PROPOSE_TANDEM, acceptByBoth, enrolNew, firstError, ok, participantId, seedCohort } from "../../../test/fixtures.js";
import { MAX_OPEN_TANDEMS_PER_MENTOR } from "./tandem.service.js";

const ACTIVATE = `mutation($id: ID!) { activateTandem(id: $id, overrideReason: "Signed on paper at the kick-off") { id status activatedAt closedAt } }`;
const CLOSE = `mutation($id: ID!, $reason: TandemCloseReason!) { closeTandem(id: $id, reason: $reason) { id status activatedAt closedAt closeReason } }`;

describe("tandems", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  const propose = (cohortId: string, menteeId: string, mentorId: string) => service.query(PROPOSE_TANDEM, { input: { cohortId, menteeId, mentorId } });

  async function proposed(cohortId: string, menteeId: string, mentorId: string) {
    const result = await propose(cohortId, menteeId, mentorId);
    expect(result.errors).toBeUndefined();
    return result.data!.proposeTandem;
  }

  async function expectRefused(cohortId: string, menteeId: string, mentorId: string, expected: Record<string, unknown>) {
    const before = await service.countRows("tandems");
    expect(firstError(await propose(cohortId, menteeId, mentorId))).toMatchObject(expected);
    expect(await service.countRows("tandems")).toBe(before);
  }

  it("proposes a tandem between an enrolled mentee and mentor, holding references only", async () => {
    const { cohort } = await seedCohort(service);
    const mentee = await enrolNew(service, cohort.id, "hst", "MENTEE");
    const mentor = await enrolNew(service, cohort.id, "zcu", "MENTOR");
    const tandem = await proposed(cohort.id, mentee, mentor);
    expect(tandem.id).toMatch(/^coord:tandem:[0-9a-f-]{36}$/);
    expect(tandem).toMatchObject({
      cohortId: cohort.id,
      menteeId: mentee,
      mentorId: mentor,
      mentee: { id: mentee },
      mentor: { id: mentor },
      crossBorder: true,
      status: "PROPOSED",
      activatedAt: null,
      closedAt: null,
      closeReason: null,
    });
    const data = await ok(service, `query($id: ID!) { tandem(id: $id) { id cohort { id tandems { id } } } }`, { id: tandem.id });
    expect(data.tandem).toEqual({ id: tandem.id, cohort: { id: cohort.id, tandems: [{ id: tandem.id }] } });
  });

  it("refuses partners who are not enrolled as mentee and mentor of the cohort, or the same person", async () => {
    const { cohort } = await seedCohort(service);
    const mentee = await enrolNew(service, cohort.id, "hst", "MENTEE");
    const otherMentee = await enrolNew(service, cohort.id, "zcu", "MENTEE");
    const mentor = await enrolNew(service, cohort.id, "zcu", "MENTOR");
    const stranger = participantId("zcu");
    await expectRefused(cohort.id, mentee, mentee, { code: "BAD_USER_INPUT", field: "input.mentorId" });
    await expectRefused(cohort.id, stranger, mentor, { code: "BAD_USER_INPUT", field: "input.menteeId" });
    await expectRefused(cohort.id, mentee, stranger, { code: "BAD_USER_INPUT", field: "input.mentorId" });
    await expectRefused(cohort.id, mentee, otherMentee, { code: "BAD_USER_INPUT", field: "input.mentorId" });
    await expectRefused(cohort.id, mentor, mentee, { code: "BAD_USER_INPUT", field: "input.menteeId" });
    await expectRefused(cohort.id, mentee, participantId("mars"), { code: "UNKNOWN_NODE", field: "input.mentorId" });
    await expectRefused(cohort.id, "hst:participant:nope", mentor, { code: "BAD_USER_INPUT", field: "input.menteeId" });
    await expectRefused("coord:cohort:00000000-0000-4000-8000-000000000000", mentee, mentor, { code: "NOT_FOUND", field: "input.cohortId" });
  });

  it("refuses partners enrolled in another cohort", async () => {
    const first = await seedCohort(service);
    const second = await seedCohort(service);
    const mentee = await enrolNew(service, first.cohort.id, "hst", "MENTEE");
    const mentor = await enrolNew(service, second.cohort.id, "zcu", "MENTOR");
    await expectRefused(first.cohort.id, mentee, mentor, { code: "BAD_USER_INPUT", field: "input.mentorId" });
  });

  it("applies DIFFERENT_NODE: same home node refused, another node accepted", async () => {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "othaw"], crossBorderRule: "DIFFERENT_NODE" });
    const mentee = await enrolNew(service, cohort.id, "hst", "MENTEE");
    const sameNode = await enrolNew(service, cohort.id, "hst", "MENTOR");
    const otherNode = await enrolNew(service, cohort.id, "othaw", "MENTOR");
    await expectRefused(cohort.id, mentee, sameNode, { code: "BAD_USER_INPUT", field: "input.mentorId" });
    expect((await proposed(cohort.id, mentee, otherNode)).crossBorder).toBe(true);
  });

  it("applies DIFFERENT_COUNTRY: two German nodes refused, Germany–Czechia accepted", async () => {
    const { cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "othaw", "zcu"], crossBorderRule: "DIFFERENT_COUNTRY" });
    const mentee = await enrolNew(service, cohort.id, "hst", "MENTEE");
    const german = await enrolNew(service, cohort.id, "othaw", "MENTOR");
    const czech = await enrolNew(service, cohort.id, "zcu", "MENTOR");
    await expectRefused(cohort.id, mentee, german, { code: "BAD_USER_INPUT", field: "input.mentorId" });
    expect((await proposed(cohort.id, mentee, czech)).crossBorder).toBe(true);
  });

  it("allows any pair under NONE, marking same-node tandems as not cross-border", async () => {
    const { cohort } = await seedCohort(service, { crossBorderRule: "NONE" });
    const mentee = await enrolNew(service, cohort.id, "hst", "MENTEE");
    const mentor = await enrolNew(service, cohort.id, "hst", "MENTOR");
    expect((await proposed(cohort.id, mentee, mentor)).crossBorder).toBe(false);
  });

  it(`limits open tandems: one per mentee, ${MAX_OPEN_TANDEMS_PER_MENTOR} per mentor; closing frees a slot`, async () => {
    const { cohort } = await seedCohort(service);
    const mentor = await enrolNew(service, cohort.id, "zcu", "MENTOR");
    const otherMentor = await enrolNew(service, cohort.id, "zcu", "MENTOR");
    const mentees = [];
    for (let i = 0; i <= MAX_OPEN_TANDEMS_PER_MENTOR; i++) mentees.push(await enrolNew(service, cohort.id, "hst", "MENTEE"));
    const tandems = [];
    for (let i = 0; i < MAX_OPEN_TANDEMS_PER_MENTOR; i++) tandems.push(await proposed(cohort.id, mentees[i]!, mentor));
    await expectRefused(cohort.id, mentees[0]!, otherMentor, { code: "TANDEM_LIMIT_REACHED", field: "input.menteeId" });
    const last = mentees[MAX_OPEN_TANDEMS_PER_MENTOR]!;
    await expectRefused(cohort.id, last, mentor, { code: "TANDEM_LIMIT_REACHED", field: "input.mentorId", limit: MAX_OPEN_TANDEMS_PER_MENTOR });
    await ok(service, CLOSE, { id: tandems[0].id, reason: "DISSOLVED_BY_PARTICIPANT" });
    await proposed(cohort.id, last, mentor);
    await proposed(cohort.id, mentees[0]!, otherMentor);
  });

  it("moves PROPOSED → ACCEPTED → ACTIVE → CLOSED, repeats harmlessly, and refuses to reopen", async () => {
    const { cohort } = await seedCohort(service);
    const tandem = await proposed(cohort.id, await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTOR"));
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id }))).toMatchObject({ code: "INVALID_TRANSITION", field: "id", from: "PROPOSED", to: "ACTIVE" });
    expect((await acceptByBoth(service, tandem)).status).toBe("ACCEPTED");
    const active = (await ok(service, ACTIVATE, { id: tandem.id })).activateTandem;
    expect(active).toMatchObject({ status: "ACTIVE", closedAt: null });
    expect(active.activatedAt).not.toBeNull();
    expect((await ok(service, ACTIVATE, { id: tandem.id })).activateTandem).toEqual(active);
    const closed = (await ok(service, CLOSE, { id: tandem.id, reason: "COMPLETED" })).closeTandem;
    expect(closed).toMatchObject({ status: "CLOSED", activatedAt: active.activatedAt, closeReason: "COMPLETED" });
    expect((await ok(service, CLOSE, { id: tandem.id, reason: "OTHER" })).closeTandem).toEqual(closed);
    expect(firstError(await service.query(ACTIVATE, { id: tandem.id }))).toMatchObject({ code: "INVALID_TRANSITION", field: "id", from: "CLOSED", to: "ACTIVE" });
  });

  it("closes a proposed tandem directly and validates the reason", async () => {
    const { cohort } = await seedCohort(service);
    const tandem = await proposed(cohort.id, await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTOR"));
    // the office's own codes, and free text, are refused
    for (const reason of ["DECLINED", "ERASED"]) {
      const own = firstError(await service.query(CLOSE, { id: tandem.id, reason }));
      expect(own.code).toBe("BAD_USER_INPUT");
      expect((own.fields as { field: string }[]).map((f) => f.field)).toContain("reason");
    }
    expect(firstError(await service.query(CLOSE, { id: tandem.id, reason: "mentor moved abroad" })).code).toBe("BAD_USER_INPUT");
    expect((await service.sql<{ status: string }>("SELECT status FROM tandems WHERE id = $1", [tandem.id.split(":")[2]]))[0]!.status).toBe("PROPOSED");
    const closed = (await ok(service, CLOSE, { id: tandem.id, reason: "NO_SHOW" })).closeTandem;
    expect(closed).toMatchObject({ status: "CLOSED", activatedAt: null, closeReason: "NO_SHOW" });
    const missing = "coord:tandem:00000000-0000-4000-8000-000000000000";
    expect(firstError(await service.query(ACTIVATE, { id: missing }))).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });

  it("refuses to withdraw an enrolment with an open tandem", async () => {
    const { cohort } = await seedCohort(service);
    const mentee = await enrolNew(service, cohort.id, "hst", "MENTEE");
    const tandem = await proposed(cohort.id, mentee, await enrolNew(service, cohort.id, "zcu", "MENTOR"));
    const enrolment = (await ok(service, `query($id: ID!) { cohort(id: $id) { enrolments { id participantId } } }`, { id: cohort.id })).cohort.enrolments.find(
      (e: { participantId: string }) => e.participantId === mentee,
    );
    const withdraw = `mutation($id: ID!) { withdrawEnrolment(id: $id) { status } }`;
    expect(firstError(await service.query(withdraw, { id: enrolment.id }))).toMatchObject({ code: "CONFLICT", field: "id" });
    await ok(service, CLOSE, { id: tandem.id, reason: "COMPLETED" });
    expect((await ok(service, withdraw, { id: enrolment.id })).withdrawEnrolment.status).toBe("WITHDRAWN");
  });

  it("lists a cohort's tandems as a connection, filtered by status and participant", async () => {
    const { cohort } = await seedCohort(service);
    const mentor = await enrolNew(service, cohort.id, "zcu", "MENTOR");
    const created = [];
    for (let i = 0; i < 2; i++) created.push(await proposed(cohort.id, await enrolNew(service, cohort.id, "hst", "MENTEE"), mentor));
    for (let i = 0; i < 3; i++) {
      created.push(await proposed(cohort.id, await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTOR")));
    }
    await acceptByBoth(service, created[4]);
    await ok(service, ACTIVATE, { id: created[4].id });
    const list = `query($cohortId: ID!, $status: TandemStatus, $participantId: ID, $after: String) {
      tandems(cohortId: $cohortId, status: $status, participantId: $participantId, first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Record<string, any> = await ok(service, list, { cohortId: cohort.id, after });
      expect(page.tandems.totalCount).toBe(5);
      seen.push(...page.tandems.edges.map((edge: any) => edge.node.id));
      if (!page.tandems.pageInfo.hasNextPage) break;
      after = page.tandems.pageInfo.endCursor;
    }
    expect([...seen].sort()).toEqual(created.map((t) => t.id).sort());
    expect((await ok(service, list, { cohortId: cohort.id, status: "ACTIVE" })).tandems.edges).toEqual([{ node: { id: created[4].id } }]);
    expect((await ok(service, list, { cohortId: cohort.id, participantId: mentor })).tandems.totalCount).toBe(2);
    const bad = await service.query(list, { cohortId: cohort.id, participantId: "mars:participant:00000000-0000-4000-8000-000000000000" });
    expect(firstError(bad)).toMatchObject({ code: "UNKNOWN_NODE", field: "participantId" });
  });

  it("walks every tandem exactly once in (creation time, id) order, also among tandems created together, and binds cursors to the filter", async () => {
    const { cohort } = await seedCohort(service, {}, 10);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await proposed(cohort.id, await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTOR"))).id);
    const localIds = created.map((id) => id.split(":")[2]);
    await service.sql(`UPDATE tandems SET created_at = (SELECT min(created_at) FROM tandems WHERE id = ANY($1::uuid[])) WHERE id = ANY($1::uuid[])`, [localIds.filter((_, i) => i % 2)]);
    await ok(service, CLOSE, { id: created[3], reason: "DISSOLVED_BY_PARTICIPANT" });
    const PAGE = `query($cohortId: ID!, $status: TandemStatus, $first: Int!, $after: String) {
      tandems(cohortId: $cohortId, status: $status, first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }`;
    const page = async (variables: Record<string, unknown>): Promise<ConnectionPage<{ id: string }>> => (await ok(service, PAGE, { cohortId: cohort.id, ...variables })).tandems;
    const inOrder = async (status?: string) =>
      (await service.sql<{ id: string }>(`SELECT id FROM tandems WHERE id = ANY($1::uuid[]) AND ($2::text IS NULL OR status = $2) ORDER BY created_at, id`, [localIds, status ?? null])).map(
        (row) => `coord:tandem:${row.id}`,
      );
    for (const [first, status] of [[1], [3], [2, "PROPOSED"]] as const) {
      await assertWalk(
        first,
        (after) => page({ first, after, status }),
        await inOrder(status),
        (node) => node.id,
      );
    }
    const proposedOnes = (await page({ first: 2, status: "PROPOSED" })).pageInfo.endCursor;
    for (const status of [null, "CLOSED"]) {
      expect(firstError(await service.query(PAGE, { cohortId: cohort.id, first: 2, after: proposedOnes, status })), String(status)).toMatchObject({ code: "BAD_CURSOR", field: "after" });
    }
  });

  it("resolves Tandem references through _entities, null for unknown or foreign ids", async () => {
    const { cohort } = await seedCohort(service);
    const tandem = await proposed(cohort.id, await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTOR"));
    const result = await service.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Tandem { id menteeId mentorId status cohort { id } } } }`, {
      r: [
        { __typename: "Tandem", id: tandem.id },
        { __typename: "Tandem", id: "coord:tandem:00000000-0000-4000-8000-000000000000" },
        { __typename: "Tandem", id: "hst:tandem:00000000-0000-4000-8000-000000000000" },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([{ id: tandem.id, menteeId: tandem.menteeId, mentorId: tandem.mentorId, status: "PROPOSED", cohort: { id: cohort.id } }, null, null]);
  });

  it("batches relations: statements do not grow with the number of tandems", async () => {
    const { cohort } = await seedCohort(service, {}, 20);
    const query = `query($id: ID!) { cohort(id: $id) { tandems { id cohort { id programme { id tracks { code } } } } enrolments { id cohort { id } } quotas { enrolledMentees } } }`;
    const statementsFor = async () => {
      const before = service.coordination.database.statements.total;
      await ok(service, query, { id: cohort.id });
      return service.coordination.database.statements.total - before;
    };
    await proposed(cohort.id, await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTOR"));
    const withOne = await statementsFor();
    for (let i = 0; i < 6; i++) {
      await proposed(cohort.id, await enrolNew(service, cohort.id, "hst", "MENTEE"), await enrolNew(service, cohort.id, "zcu", "MENTOR"));
    }
    expect(await statementsFor()).toBe(withOne);
    expect(withOne).toBeLessThanOrEqual(8); // 7 for the data, 1 to record the gateway token
  });
});
