import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { CREATE_PROGRAMME, createProgramme, firstError, ok, programmeInput } from "../../../test/fixtures.js";

describe("programmes", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  async function rowCounts() {
    return { programmes: await service.countRows("programmes"), tracks: await service.countRows("programme_tracks") };
  }

  it("creates a programme with tracks in order and its participating nodes", async () => {
    const programme = await createProgramme(service, { participatingNodeIds: ["zcu", "hst", "zcu"], crossBorderRule: "DIFFERENT_COUNTRY" });
    expect(programme.id).toMatch(/^coord:programme:[0-9a-f-]{36}$/);
    expect(programme).toMatchObject({
      crossBorderRule: "DIFFERENT_COUNTRY",
      participatingNodeIds: ["zcu", "hst"],
      tracks: [
        { code: "health", name: "Health and care" },
        { code: "engineering", name: "Engineering" },
      ],
      participatingNodes: [{ id: "zcu" }, { id: "hst" }],
    });
    const listed = await ok(service, `query($id: ID!) { programmes { id } programme(id: $id) { id name cohorts { id } } }`, { id: programme.id });
    expect(listed.programmes.map((p: { id: string }) => p.id)).toContain(programme.id);
    expect(listed.programme).toEqual({ id: programme.id, name: programme.name, cohorts: [] });
  });

  it.each([
    [{ name: "x" }, "name"],
    [{ tracks: [] }, "tracks"],
    [{ tracks: [{ code: "Health", name: "Health" }] }, "tracks.0.code"],
    [{ tracks: [{ code: "health", name: "" }] }, "tracks.0.name"],
    [{ participatingNodeIds: [] }, "participatingNodeIds"],
    [{ participatingNodeIds: ["HST"] }, "participatingNodeIds"],
  ])("validates input %o, naming the field and leaving no rows", async (override, field) => {
    const before = await rowCounts();
    const result = await service.query(CREATE_PROGRAMME, { input: programmeInput(override) });
    const error = firstError(result);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect((error.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    [{ participatingNodeIds: ["hst", "mars"] }, "UNKNOWN_NODE", "input.participatingNodeIds"],
    [{ participatingNodeIds: ["coord"] }, "UNKNOWN_NODE", "input.participatingNodeIds"],
    [
      {
        tracks: [
          { code: "health", name: "Health" },
          { code: "health", name: "Care" },
        ],
      },
      "BAD_USER_INPUT",
      "input.tracks",
    ],
    [{ participatingNodeIds: ["hst"], crossBorderRule: "DIFFERENT_NODE" }, "BAD_USER_INPUT", "input.crossBorderRule"],
    [{ participatingNodeIds: ["hst", "othaw"], crossBorderRule: "DIFFERENT_COUNTRY" }, "BAD_USER_INPUT", "input.crossBorderRule"],
  ])("applies business rules %o → %s on %s, leaving no rows", async (override, code, field) => {
    const before = await rowCounts();
    const result = await service.query(CREATE_PROGRAMME, { input: programmeInput(override) });
    expect(firstError(result)).toMatchObject({ code, field });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a second programme with the same name", async () => {
    const first = await createProgramme(service);
    const before = await rowCounts();
    const result = await service.query(CREATE_PROGRAMME, { input: programmeInput({ name: first.name }) });
    expect(firstError(result)).toMatchObject({ code: "CONFLICT", field: "input.name" });
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ["not-an-id", "BAD_USER_INPUT"],
    ["coord:cohort:00000000-0000-4000-8000-000000000000", "BAD_USER_INPUT"],
    ["hst:programme:00000000-0000-4000-8000-000000000000", "WRONG_NODE"],
    ["mars:programme:00000000-0000-4000-8000-000000000000", "UNKNOWN_NODE"],
  ])("answers %s with %s", async (id, code) => {
    const result = await service.query(`query($id: ID!) { programme(id: $id) { id } }`, { id });
    expect(firstError(result)).toMatchObject({ code, field: "id" });
  });

  it("answers null for a well-formed id of no programme", async () => {
    const data = await ok(service, `query($id: ID!) { programme(id: $id) { id } }`, { id: "coord:programme:00000000-0000-4000-8000-000000000000" });
    expect(data.programme).toBeNull();
  });
});
