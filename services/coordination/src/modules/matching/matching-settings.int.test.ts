/** A programme's matching weights (validated, 0–10 each) and a cohort's pins and bans between pseudonyms. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { firstError, ok, seedCohort } from "../../../test/fixtures.js";
import { pseudonym } from "../../../test/matching-fixtures.js";

const WEIGHTS = `mutation($p: ID!, $w: MatchingWeightsInput!) {
  updateMatchingWeights(programmeId: $p, weights: $w) { id matchingWeights { track discipline goals experienceGap formatRegion languageDepth } }
}`;
const PIN = `mutation($c: ID!, $e: String!, $m: String!) { pinPair(cohortId: $c, menteePseudonym: $e, mentorPseudonym: $m) { id cohortId kind menteePseudonym mentorPseudonym createdAt } }`;
const BAN = `mutation($c: ID!, $e: String!, $m: String!) { banPair(cohortId: $c, menteePseudonym: $e, mentorPseudonym: $m) { id cohortId kind menteePseudonym mentorPseudonym createdAt } }`;
const REMOVE = `mutation($id: ID!) { removePinOrBan(id: $id) }`;
const RULES = `query($c: ID!) { cohort(id: $c) { matchingPairRules { id kind menteePseudonym mentorPseudonym } } }`;

describe("matching settings", () => {
  let service: TestCoordination;
  let programmeId: string;
  let cohortId: string;
  beforeAll(async () => {
    service = await startTestCoordination();
    const seeded = await seedCohort(service);
    programmeId = seeded.programme.id;
    cohortId = seeded.cohort.id;
  });
  afterAll(() => service.stop());

  it("gives a programme the default weights, documented per criterion in the schema", async () => {
    const { programme } = await ok(service, `query($p: ID!) { programme(id: $p) { matchingWeights { track discipline goals experienceGap formatRegion languageDepth } } }`, { p: programmeId });
    expect(programme.matchingWeights).toEqual({ track: 3, discipline: 3, goals: 2, experienceGap: 1, formatRegion: 1, languageDepth: 1 });
    const { sdl } = (await ok(service, `{ _service { sdl } }`))._service;
    expect(sdl).toMatch(/Weight \(0–10\) of EXPERIENCE_GAP: Mentor's years of experience beyond the mentee's, over 10/);
    expect(sdl).toMatch(/FORMAT_REGION[\s\S]*same country 0\.5/);
  });

  it("updates the weights given, keeping the others", async () => {
    const updated = (await ok(service, WEIGHTS, { p: programmeId, w: { goals: 7.5, languageDepth: 0 } })).updateMatchingWeights;
    expect(updated).toEqual({ id: programmeId, matchingWeights: { track: 3, discipline: 3, goals: 7.5, experienceGap: 1, formatRegion: 1, languageDepth: 0 } });
    const again = (await ok(service, WEIGHTS, { p: programmeId, w: { track: 10 } })).updateMatchingWeights;
    expect(again.matchingWeights).toMatchObject({ track: 10, goals: 7.5 });
  });

  it.each([
    [{ track: 10.5 }, "BAD_USER_INPUT", "weights.track"],
    [{ discipline: -1 }, "BAD_USER_INPUT", "weights.discipline"],
    [{ goals: null }, "BAD_USER_INPUT", "weights.goals"],
  ])("refuses weights %o (%s on %s), changing nothing", async (weights, code, field) => {
    const before = await service.sql(`SELECT * FROM programme_matching_weights`);
    const error = firstError(await service.query(WEIGHTS, { p: programmeId, w: weights }));
    expect(error.code).toBe(code);
    const fields = (error.fields as { field: string }[]).map((entry) => entry.field);
    expect(fields.some((name) => name.endsWith(field.split(".")[1]!))).toBe(true);
    expect(await service.sql(`SELECT * FROM programme_matching_weights`)).toEqual(before);
  });

  it("answers NOT_FOUND for the weights of an unknown programme", async () => {
    expect(firstError(await service.query(WEIGHTS, { p: "coord:programme:00000000-0000-4000-8000-000000000000", w: { track: 1 } }))).toMatchObject({ code: "NOT_FOUND", field: "programmeId" });
  });

  it("adds pins and bans, lists them on the cohort, and removes them", async () => {
    const [a, b, m, n] = [pseudonym(), pseudonym(), pseudonym(), pseudonym()];
    const pin = (await ok(service, PIN, { c: cohortId, e: a, m })).pinPair;
    expect(pin).toMatchObject({ cohortId, kind: "PIN", menteePseudonym: a, mentorPseudonym: m });
    expect(pin.id).toMatch(/^coord:matching-rule:/);
    expect((await ok(service, PIN, { c: cohortId, e: a, m })).pinPair.id).toBe(pin.id);
    const ban = (await ok(service, BAN, { c: cohortId, e: b, m })).banPair;
    expect((await ok(service, RULES, { c: cohortId })).cohort.matchingPairRules).toEqual([
      { id: pin.id, kind: "PIN", menteePseudonym: a, mentorPseudonym: m },
      { id: ban.id, kind: "BAN", menteePseudonym: b, mentorPseudonym: m },
    ]);
    expect(firstError(await service.query(BAN, { c: cohortId, e: a, m }))).toMatchObject({ code: "CONFLICT", field: "mentorPseudonym" });
    expect(firstError(await service.query(PIN, { c: cohortId, e: a, m: n }))).toMatchObject({ code: "CONFLICT", field: "menteePseudonym" });
    expect((await ok(service, REMOVE, { id: pin.id })).removePinOrBan).toBe(true);
    expect((await ok(service, REMOVE, { id: pin.id })).removePinOrBan).toBe(false);
    expect((await ok(service, PIN, { c: cohortId, e: a, m: n })).pinPair.mentorPseudonym).toBe(n);
  });

  it.each([
    [{ e: "Alice Example" }, "BAD_USER_INPUT"],
    [{ m: "mp1.short" }, "BAD_USER_INPUT"],
    [{ c: "coord:cohort:00000000-0000-4000-8000-000000000000" }, "NOT_FOUND"],
  ])("refuses a pin %o with %s, storing nothing", async (override, code) => {
    const before = await service.countRows("matching_pair_rules");
    expect(firstError(await service.query(PIN, { c: cohortId, e: pseudonym(), m: pseudonym(), ...override })).code).toBe(code);
    expect(await service.countRows("matching_pair_rules")).toBe(before);
  });
});
