/**
 * Text is validated as it is stored at the coordination office too: trimmed
 * and in Unicode NFC, so spaces do not count towards a minimum length;
 * control characters are refused naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";
import { CREATE_COHORT, CREATE_PROGRAMME, cohortInput, createProgramme, firstError, ok, programmeInput } from "../test/fixtures.js";

let service: TestCoordination;
beforeAll(async () => {
  service = await startTestCoordination();
});
afterAll(() => service.stop());

const named = (error: Record<string, unknown>) => [error.field, ...((error.fields as { field: string }[] | undefined) ?? []).map((entry) => entry.field)];

describe("too short once trimmed", () => {
  it.each([
    ["a programme's name", { name: "  ab  " }, "name"],
    ["a programme's name of spaces only", { name: "     " }, "name"],
    ["a track's name", { tracks: [{ code: "health", name: " H " }] }, "tracks.0.name"],
  ])("%s is refused, leaving no programme", async (_what, overrides, field) => {
    const before = await service.countRows("programmes");
    const error = firstError(await service.query(CREATE_PROGRAMME, { input: programmeInput(overrides) }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(named(error)).toContain(field);
    expect(await service.countRows("programmes")).toBe(before);
  });

  it("a cohort's name is refused, leaving no cohort", async () => {
    const programme = await createProgramme(service);
    const error = firstError(await service.query(CREATE_COHORT, { input: cohortInput(programme.id, { name: "\u00A0x\u00A0" }) }));
    expect(named(error)).toContain("name");
    expect(await service.countRows("cohorts")).toBe(0);
  });
});

describe("stored text", () => {
  it("is trimmed and composed (NFC), description and track names included", async () => {
    const { createProgramme: programme } = await ok(service, CREATE_PROGRAMME, {
      input: programmeInput({ name: "  Mentoring Cafe\u0301 ", description: "\n Cross-border \n", tracks: [{ code: "health", name: " Sante\u0301 " }] }),
    });
    expect(programme).toMatchObject({ name: "Mentoring Caf\u00E9", description: "Cross-border", tracks: [{ code: "health", name: "Sant\u00E9" }] });
  });
});

describe("control characters", () => {
  it.each([
    ["a NUL byte in a description", { description: "about\u0000" }, "input.description"],
    ["a NUL byte in a track code", { tracks: [{ code: "health\u0000", name: "Health" }] }, "input.tracks.0.code"],
  ])("%s is refused naming the field, leaving no programme", async (_what, overrides, field) => {
    const before = await service.countRows("programmes");
    expect(firstError(await service.query(CREATE_PROGRAMME, { input: programmeInput(overrides) }))).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await service.countRows("programmes")).toBe(before);
  });
});
