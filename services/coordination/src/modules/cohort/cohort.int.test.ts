import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { CREATE_COHORT, cohortInput, createCohort, createProgramme, firstError, ok } from "../../../test/fixtures.js";

describe("cohorts", () => {
  let service: TestCoordination;
  let programmeId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    programmeId = (await createProgramme(service, { participatingNodeIds: ["hst", "zcu", "unilu"] })).id;
  });
  afterAll(() => service.stop());

  async function rowCounts() {
    return { cohorts: await service.countRows("cohorts"), quotas: await service.countRows("cohort_quotas") };
  }

  it("creates a cohort with quotas per node, reachable from its programme", async () => {
    const cohort = await createCohort(service, programmeId, { name: "Winter 2026" });
    expect(cohort.id).toMatch(/^coord:cohort:[0-9a-f-]{36}$/);
    expect(cohort).toMatchObject({
      programmeId,
      name: "Winter 2026",
      startsOn: "2026-10-01",
      endsOn: "2027-06-30",
      quotas: [
        { nodeId: "hst", mentees: 5, mentors: 5, enrolledMentees: 0, enrolledMentors: 0, node: { id: "hst" } },
        { nodeId: "zcu", mentees: 5, mentors: 5, enrolledMentees: 0, enrolledMentors: 0, node: { id: "zcu" } },
      ],
    });
    const data = await ok(service, `query($id: ID!) { cohort(id: $id) { id programme { id cohorts { id } } enrolments { id } tandems { id } } }`, { id: cohort.id });
    expect(data.cohort).toEqual({ id: cohort.id, programme: { id: programmeId, cohorts: [{ id: cohort.id }] }, enrolments: [], tandems: [] });
  });

  it.each([
    [{ name: "x" }, "name"],
    [{ quotas: [{ nodeId: "hst", mentees: -1, mentors: 1 }] }, "quotas.0.mentees"],
    [{ quotas: [{ nodeId: "hst", mentees: 1, mentors: 5000 }] }, "quotas.0.mentors"],
    [{ quotas: [{ nodeId: "H S T", mentees: 1, mentors: 1 }] }, "quotas.0.nodeId"],
  ])("validates input %o, naming the field and leaving no rows", async (override, field) => {
    const before = await rowCounts();
    const result = await service.query(CREATE_COHORT, { input: cohortInput(programmeId, { name: "Refused", ...override }) });
    const error = firstError(result);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect((error.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    [{ endsOn: "2026-10-01" }, "BAD_USER_INPUT", "input.endsOn"],
    [{ endsOn: "2026-09-01" }, "BAD_USER_INPUT", "input.endsOn"],
    [{ endsOn: "2028-10-02" }, "BAD_USER_INPUT", "input.endsOn"],
    [{ quotas: [{ nodeId: "othaw", mentees: 1, mentors: 1 }] }, "BAD_USER_INPUT", "input.quotas.0.nodeId"],
    [
      {
        quotas: [
          { nodeId: "hst", mentees: 1, mentors: 1 },
          { nodeId: "mars", mentees: 1, mentors: 1 },
        ],
      },
      "UNKNOWN_NODE",
      "input.quotas.1.nodeId",
    ],
    [
      {
        quotas: [
          { nodeId: "hst", mentees: 1, mentors: 1 },
          { nodeId: "hst", mentees: 2, mentors: 2 },
        ],
      },
      "BAD_USER_INPUT",
      "input.quotas.1.nodeId",
    ],
    [{ programmeId: "coord:programme:00000000-0000-4000-8000-000000000000" }, "NOT_FOUND", "input.programmeId"],
    [{ programmeId: "coord:cohort:00000000-0000-4000-8000-000000000000" }, "BAD_USER_INPUT", "input.programmeId"],
  ])("applies business rules %o → %s on %s, leaving no rows", async (override, code, field) => {
    const before = await rowCounts();
    const result = await service.query(CREATE_COHORT, { input: cohortInput(programmeId, { name: "Refused", ...override }) });
    expect(firstError(result)).toMatchObject({ code, field });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an impossible calendar date before any resolver runs", async () => {
    const result = await service.query(CREATE_COHORT, { input: cohortInput(programmeId, { startsOn: "2026-02-30" }) });
    expect(firstError(result).code).toBe("BAD_USER_INPUT");
  });

  it("refuses a second cohort of the same name in one programme, but not in another", async () => {
    await createCohort(service, programmeId, { name: "Spring 2027" });
    const before = await rowCounts();
    const result = await service.query(CREATE_COHORT, { input: cohortInput(programmeId, { name: "Spring 2027" }) });
    expect(firstError(result)).toMatchObject({ code: "CONFLICT", field: "input.name" });
    expect(await rowCounts()).toEqual(before);
    const other = await createProgramme(service);
    await createCohort(service, other.id, { name: "Spring 2027" });
  });

  it("lets a participating node go without a quota (it then has no places)", async () => {
    const cohort = await createCohort(service, programmeId, { name: "Small", quotas: [] });
    expect(cohort.quotas).toEqual([]);
  });
});
