/**
 * A programme's completion rules (issue 15), set by joint coordinators as a
 * new version of the programme's rules, checked field by field against the
 * shared contract, audited, and told to the programme's nodes in the signed
 * programme-rules fact; a refusal leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { snapshotTables } from "@tandem/party/testkit";
import { startTestCoordination, type TestCoordination } from "../../../test/test-coordination.js";
import { UPDATE_PROGRAMME, createProgramme, firstError, ok, participantId } from "../../../test/fixtures.js";
import { factsOfKind } from "../../../test/journey-fixtures.js";

const RULE_FIELDS = `mentee { code count } mentor { code count }`;
const SET = `mutation($id: ID!, $input: CompletionRulesInput!) { setCompletionRules(programmeId: $id, input: $input) { id rulesVersion completionRules { ${RULE_FIELDS} } } }`;
const READ = `query($id: ID!) { programme(id: $id) { rulesVersion completionRules { ${RULE_FIELDS} } rulesVersions { version completionRules { ${RULE_FIELDS} } } } }`;
const RULES = {
  mentee: [
    { code: "AGREEMENT_SIGNED", count: null },
    { code: "KICK_OFF_ATTENDED", count: null },
    { code: "MANDATORY_TRAININGS_ATTENDED", count: 2 },
    { code: "MEETINGS_LOGGED", count: 6 },
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
    { code: "CLOSING_ATTENDED", count: null },
    { code: "PACKAGE_COMPLETE", count: null },
  ],
  mentor: [
    { code: "AGREEMENT_SIGNED", count: null },
    { code: "MEETINGS_LOGGED", count: 6 },
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
  ],
};

describe("completion rules", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  const rulesFactsOf = async (node: string, programmeId: string) => (await factsOfKind(service, node, "programme-rules")).filter((fact) => fact.programmeId === programmeId);

  it("are none until set; set, they are a new version of the programme's rules, audited and told to every participating node", async () => {
    const programme = await createProgramme(service, { participatingNodeIds: ["hst", "zcu"] });
    expect((await ok(service, READ, { id: programme.id })).programme).toMatchObject({ rulesVersion: 1, completionRules: null });
    expect((await rulesFactsOf("hst", programme.id))[0]).not.toHaveProperty("completion");

    const set = (await ok(service, SET, { id: programme.id, input: RULES })).setCompletionRules;
    expect(set).toEqual({ id: programme.id, rulesVersion: 2, completionRules: RULES });
    for (const node of ["hst", "zcu"]) {
      const facts = await rulesFactsOf(node, programme.id);
      expect(facts.map((fact) => fact.version)).toEqual([1, 2]);
      expect(facts[1]).toMatchObject({ completion: RULES, participatingNodeIds: ["hst", "zcu"], reviewer: "HOME_NODE" });
    }
    expect(await rulesFactsOf("othaw", programme.id)).toEqual([]);
    expect(await service.sql(`SELECT action, outcome FROM audit_log WHERE action = 'setCompletionRules' AND target_id = $1`, [programme.id])).toEqual([
      { action: "setCompletionRules", outcome: "ok" },
    ]);

    // the same rules again change nothing; another change of the programme keeps them
    expect((await ok(service, SET, { id: programme.id, input: RULES })).setCompletionRules.rulesVersion).toBe(2);
    const moved = (await ok(service, UPDATE_PROGRAMME, { id: programme.id, input: { participatingNodeIds: ["hst", "zcu", "unilu"] } })).updateProgramme;
    expect(moved.rulesVersion).toBe(3);
    expect((await rulesFactsOf("unilu", programme.id)).at(-1)).toMatchObject({ version: 3, completion: RULES });
    const read = (await ok(service, READ, { id: programme.id })).programme;
    expect(read.completionRules).toEqual(RULES);
    expect(read.rulesVersions.map((version: { version: number; completionRules: unknown }) => [version.version, version.completionRules])).toEqual([
      [3, RULES],
      [2, RULES],
      [1, null],
    ]);
  });

  it.each([
    [{ ...RULES, mentee: [{ code: "MEETINGS_LOGGED", count: 0 }] }, "input.mentee.0.count"],
    [{ ...RULES, mentee: [{ code: "MEETINGS_LOGGED", count: 101 }] }, "input.mentee.0.count"],
    [{ ...RULES, mentor: [{ code: "MANDATORY_TRAININGS_ATTENDED", count: null }] }, "input.mentor.0.count"],
    [{ ...RULES, mentor: [{ code: "AGREEMENT_SIGNED", count: 3 }] }, "input.mentor.0.count"],
    [{ ...RULES, mentee: [RULES.mentee[0], RULES.mentee[1], RULES.mentee[0]] }, "input.mentee.2.code"],
    [{ ...RULES, mentor: [] }, "input.mentor"],
  ])("refuses %j naming %s, leaving nothing", async (input, field) => {
    const programme = await createProgramme(service);
    const before = await snapshotTables(service.sql);
    expect(firstError(await service.query(SET, { id: programme.id, input }))).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await snapshotTables(service.sql)).toEqual(before);
  });

  it("lets joint coordinators only set them, and answers NOT_FOUND for no programme", async () => {
    const programme = await createProgramme(service);
    for (const caller of [as.nodeCoordinator("hst"), as.participant(participantId("hst"))]) {
      expect(firstError(await service.as(caller).query(SET, { id: programme.id, input: RULES }))).toMatchObject({ code: "FORBIDDEN", rule: "manage-catalogue" });
    }
    expect(firstError(await service.query(SET, { id: "coord:programme:00000000-0000-4000-8000-000000000000", input: RULES }))).toMatchObject({ code: "NOT_FOUND", field: "programmeId" });
    expect((await ok(service, READ, { id: programme.id })).programme.completionRules).toBeNull();
  });
});
