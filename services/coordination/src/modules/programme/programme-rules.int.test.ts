/**
 * A programme's rules for applications: eligibility per role, the reviewer,
 * versioned (every version kept), validated field by field against the
 * shared contract's schema, and told to the nodes as signed facts — to every
 * node of the old and the new list when they change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ELIGIBILITY_RULES } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { snapshotTables } from "@tandem/party/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { CREATE_PROGRAMME, ENROL, UPDATE_PROGRAMME, createProgramme, firstError, ok, participantId, programmeInput, seedCohort } from "../../../test/fixtures.js";
import { factsOfKind } from "../../../test/journey-fixtures.js";

const RULES = {
  mentee: { minSemester: [{ degreeLevel: "MASTER", minSemester: 1 }] },
  mentor: { backgrounds: ["ALUMNUS"], minExperienceYears: 3 },
  languages: ["de", "fr"],
};

const VERSIONS = `query($id: ID!, $v: Int) { programme(id: $id) { rulesVersion rulesVersions(version: $v) { version reviewer participatingNodeIds trackCodes eligibility { mentee { minSemester { degreeLevel minSemester } } mentor { backgrounds minExperienceYears } languages } } } }`;

describe("programme rules", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  const rulesFactsOf = async (node: string, programmeId: string) => (await factsOfKind(service, node, "programme-rules")).filter((fact) => fact.programmeId === programmeId);

  it("gives a new programme version 1 of the default rules (bachelor from semester 3, master from 2, doctoral any time), told to each participating node", async () => {
    const programme = await createProgramme(service, { participatingNodeIds: ["hst", "zcu"] });
    expect(programme).toMatchObject({
      rulesVersion: 1,
      reviewer: "HOME_NODE",
      eligibility: {
        mentee: {
          minSemester: [
            { degreeLevel: "BACHELOR", minSemester: 3 },
            { degreeLevel: "MASTER", minSemester: 2 },
            { degreeLevel: "DOCTORAL", minSemester: 1 },
          ],
        },
        mentor: { backgrounds: ["PROFESSIONAL", "ALUMNUS"], minExperienceYears: null },
        languages: [],
      },
    });
    for (const node of ["hst", "zcu"]) {
      expect(await rulesFactsOf(node, programme.id)).toEqual([
        { programmeId: programme.id, version: 1, rules: DEFAULT_ELIGIBILITY_RULES, reviewer: "HOME_NODE", participatingNodeIds: ["hst", "zcu"], trackCodes: ["health", "engineering"] },
      ]);
    }
    expect(await rulesFactsOf("othaw", programme.id)).toEqual([]);
  });

  it("creates a programme with the rules and reviewer given", async () => {
    const programme = (await ok(service, CREATE_PROGRAMME, { input: programmeInput({ eligibility: RULES, reviewer: "JOINT_OFFICE" }) })).createProgramme;
    expect(programme).toMatchObject({ reviewer: "JOINT_OFFICE", eligibility: RULES });
    expect((await rulesFactsOf("hst", programme.id))[0]).toMatchObject({
      version: 1,
      reviewer: "JOINT_OFFICE",
      rules: { mentee: { minSemester: { MASTER: 1 } }, mentor: { backgrounds: ["ALUMNUS"], minExperienceYears: 3 }, languages: ["de", "fr"] },
    });
  });

  it("changes a programme field by field; a change of the rules is a new version, told to every node of the old and the new list; every version is kept", async () => {
    const programme = await createProgramme(service, { participatingNodeIds: ["hst", "zcu"] });
    const renamed = (await ok(service, UPDATE_PROGRAMME, { id: programme.id, input: { name: `${programme.name} (renamed)`, description: "New text" } })).updateProgramme;
    expect(renamed).toMatchObject({ name: `${programme.name} (renamed)`, description: "New text", rulesVersion: 1, tracks: programme.tracks, participatingNodeIds: ["hst", "zcu"] });
    expect(await rulesFactsOf("hst", programme.id)).toHaveLength(1);

    const stricter = (await ok(service, UPDATE_PROGRAMME, { id: programme.id, input: { eligibility: RULES } })).updateProgramme;
    expect(stricter).toMatchObject({ rulesVersion: 2, eligibility: RULES, reviewer: "HOME_NODE" });
    expect((await rulesFactsOf("zcu", programme.id)).map((fact) => fact.version)).toEqual([1, 2]);

    const moved = (await ok(service, UPDATE_PROGRAMME, { id: programme.id, input: { participatingNodeIds: ["hst", "unilu"], reviewer: "JOINT_OFFICE" } })).updateProgramme;
    expect(moved).toMatchObject({ rulesVersion: 3, participatingNodeIds: ["hst", "unilu"], reviewer: "JOINT_OFFICE", participatingNodes: [{ id: "hst" }, { id: "unilu" }] });
    for (const node of ["hst", "zcu", "unilu"]) {
      const last = (await rulesFactsOf(node, programme.id)).at(-1);
      expect(last, node).toMatchObject({ version: 3, participatingNodeIds: ["hst", "unilu"], reviewer: "JOINT_OFFICE" });
    }
    expect((await rulesFactsOf("unilu", programme.id)).map((fact) => fact.version)).toEqual([3]);

    const tracks = (await ok(service, UPDATE_PROGRAMME, { id: programme.id, input: { tracks: [{ code: "health", name: "Health" }] } })).updateProgramme;
    expect(tracks).toMatchObject({ rulesVersion: 4, tracks: [{ code: "health", name: "Health" }] });
    const renamedTrack = (await ok(service, UPDATE_PROGRAMME, { id: programme.id, input: { tracks: [{ code: "health", name: "Health and care" }] } })).updateProgramme;
    expect(renamedTrack.rulesVersion).toBe(4);

    const all = (await ok(service, VERSIONS, { id: programme.id, v: null })).programme;
    expect(all.rulesVersion).toBe(4);
    expect(all.rulesVersions.map((version: { version: number }) => version.version)).toEqual([4, 3, 2, 1]);
    const second = (await ok(service, VERSIONS, { id: programme.id, v: 2 })).programme.rulesVersions;
    expect(second).toEqual([{ version: 2, reviewer: "HOME_NODE", participatingNodeIds: ["hst", "zcu"], trackCodes: ["health", "engineering"], eligibility: RULES }]);
    expect((await ok(service, VERSIONS, { id: programme.id, v: 9 })).programme.rulesVersions).toEqual([]);
  });

  it("tells a node that joins of the programme's open cohorts", async () => {
    const { programme, cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] });
    await ok(service, UPDATE_PROGRAMME, { id: programme.id, input: { participatingNodeIds: ["hst", "zcu", "othaw"] } });
    const states = (await factsOfKind(service, "othaw", "cohort-state")).filter((fact) => fact.cohortId === cohort.id);
    expect(states).toEqual([
      {
        cohortId: cohort.id,
        programmeId: programme.id,
        state: "MATCHING",
        applicationsOpenAt: cohort.applicationsOpenAt,
        applicationsCloseAt: cohort.applicationsCloseAt,
        revision: cohort.revision,
        details: { name: cohort.name, programmeName: programme.name, language: "en", startsOn: "2026-10-01", endsOn: "2027-06-30" },
      },
    ]);
  });

  const eligibility = (override: Record<string, unknown>) => ({ ...RULES, ...override });
  it.each([
    [{ eligibility: eligibility({ mentee: { minSemester: [{ degreeLevel: "MASTER", minSemester: 0 }] } }) }, "BAD_USER_INPUT", "input.eligibility.mentee.minSemester.0.minSemester"],
    [
      {
        eligibility: eligibility({
          mentee: {
            minSemester: [
              { degreeLevel: "MASTER", minSemester: 2 },
              { degreeLevel: "BACHELOR", minSemester: 21 },
            ],
          },
        }),
      },
      "BAD_USER_INPUT",
      "input.eligibility.mentee.minSemester.1.minSemester",
    ],
    [
      {
        eligibility: eligibility({
          mentee: {
            minSemester: [
              { degreeLevel: "MASTER", minSemester: 2 },
              { degreeLevel: "MASTER", minSemester: 3 },
            ],
          },
        }),
      },
      "BAD_USER_INPUT",
      "input.eligibility.mentee.minSemester.1.degreeLevel",
    ],
    [{ eligibility: eligibility({ mentor: { backgrounds: [], minExperienceYears: null } }) }, "BAD_USER_INPUT", "input.eligibility.mentor.backgrounds"],
    [{ eligibility: eligibility({ mentor: { backgrounds: ["ALUMNUS"], minExperienceYears: 61 } }) }, "BAD_USER_INPUT", "input.eligibility.mentor.minExperienceYears"],
    [{ eligibility: eligibility({ languages: ["de", "english"] }) }, "BAD_USER_INPUT", "input.eligibility.languages.1"],
    [{ eligibility: eligibility({ languages: Array.from({ length: 13 }, (_, i) => `a${String.fromCharCode(97 + i)}`) }) }, "BAD_USER_INPUT", "input.eligibility.languages"],
    [{ name: null }, "BAD_USER_INPUT", "input.name"],
    [{ reviewer: null }, "BAD_USER_INPUT", "input.reviewer"],
    [{ participatingNodeIds: ["hst", "mars"] }, "UNKNOWN_NODE", "input.participatingNodeIds"],
    [{ participatingNodeIds: ["hst"], crossBorderRule: "DIFFERENT_NODE" }, "BAD_USER_INPUT", "input.crossBorderRule"],
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
  ])("refuses %j with %s naming %s, changing nothing", async (input, code, field) => {
    const programme = await createProgramme(service);
    const before = await snapshotTables(service.sql);
    const error = firstError(await service.query(UPDATE_PROGRAMME, { id: programme.id, input }));
    expect(error).toMatchObject({ code, field });
    expect(await snapshotTables(service.sql)).toEqual(before);
  });

  it("refuses to take a name another programme has, to drop a track an enrolment names, or a node with enrolments, changing nothing", async () => {
    const other = await createProgramme(service);
    const { programme, cohort } = await seedCohort(service, { participatingNodeIds: ["hst", "zcu"] });
    await ok(service, ENROL, { input: { cohortId: cohort.id, participantId: participantId("zcu"), role: "MENTOR", track: "engineering" } });
    const before = await snapshotTables(service.sql);
    const refusals = [
      [{ name: other.name }, "CONFLICT", "input.name"],
      [{ tracks: [{ code: "health", name: "Health" }] }, "CONFLICT", "input.tracks"],
      [{ participatingNodeIds: ["hst", "unilu"] }, "CONFLICT", "input.participatingNodeIds"],
    ] as const;
    for (const [input, code, field] of refusals) expect(firstError(await service.query(UPDATE_PROGRAMME, { id: programme.id, input }))).toMatchObject({ code, field });
    expect(await snapshotTables(service.sql)).toEqual(before);
  });

  it("lets joint coordinators only change a programme", async () => {
    const programme = await createProgramme(service);
    for (const caller of [as.nodeCoordinator("hst"), as.participant(participantId("hst"))]) {
      expect(firstError(await service.as(caller).query(UPDATE_PROGRAMME, { id: programme.id, input: { description: "Mine" } }))).toMatchObject({ code: "FORBIDDEN", rule: "manage-catalogue" });
    }
  });

  it("answers NOT_FOUND for a well-formed id of no programme", async () => {
    expect(firstError(await service.query(UPDATE_PROGRAMME, { id: "coord:programme:00000000-0000-4000-8000-000000000000", input: { description: "x" } }))).toMatchObject({
      code: "NOT_FOUND",
      field: "id",
    });
  });
});
