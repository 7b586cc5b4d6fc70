/**
 * The matching profile of a participant: coded fields anyone authenticated
 * may read, validated with the field named; employer and supervisor are
 * personal, disclosed like the organisation and audited as it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CREATE_PARTICIPANT, UPDATE_PARTICIPANT, createParticipant, fieldsOf, firstError, notDisclosed, ok, participantInput, seen } from "../../../test/fixtures.js";

const MATCHING = `disciplineCode goalCodes meetingFormat region availabilityHoursPerMonth mentorCapacity experienceYears`;
const CREATE = `mutation($node: String!, $input: CreateParticipantInput!) { createParticipant(node: $node, input: $input) { id role ${MATCHING} employer supervisor } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateParticipantInput!) { updateParticipant(id: $id, input: $input) { id ${MATCHING} employer supervisor } }`;
const GET = `query($id: ID!) { participant(id: $id) { id ${MATCHING} employer supervisor } }`;
const MENTOR = { role: "MENTOR", degreeLevel: null, semester: null };
const PROFILE = {
  disciplineCode: "medical-informatics",
  goalCodes: ["career-industry", "networking", "career-industry"],
  meetingFormat: "HYBRID",
  region: "DE-RP",
  availabilityHoursPerMonth: 4,
  experienceYears: 0,
};

describe("matching profile fields of participants", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  const create = (input: Record<string, unknown>) => node.query(CREATE, { node: "hst", input: participantInput(input) });

  it("stores coded fields, deduplicating goals, for the person and their node's coordinators", async () => {
    const created = (await ok(node, CREATE, { node: "hst", input: participantInput({ ...PROFILE, employer: " Siemens AG ", supervisor: "Prof. Katrin Becker" }) })).createParticipant;
    const coded = { ...PROFILE, goalCodes: ["career-industry", "networking"], mentorCapacity: null };
    expect(created).toMatchObject({ ...coded, employer: "Siemens AG", supervisor: "Prof. Katrin Becker" });
    expect((await ok(node.as(as.participant(created.id)), GET, { id: created.id })).participant).toMatchObject(coded);
  });

  it.each([
    ["a joint coordinator", () => as.jointCoordinator()],
    ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
    ["a participant of another node", () => as.participant(`zcu:participant:${randomUUID()}`)],
  ])("withholds coded fields from %s, who could link them to pseudonymised profiles", async (who, caller) => {
    const created = await createParticipant(node, PROFILE);
    const result = await node.as(caller()).query(`query($id: ID!) { participant(id: $id) { id role ${MATCHING} disclosure { withheld rules } } }`, { id: created.id });
    // the joint office, which holds the profiles, does not even see the role (participant.codedFields)
    const office = who === "a joint coordinator";
    const { disclosure, ...fields } = result.data!.participant;
    expect(fields).toEqual({ id: created.id, role: office ? null : "MENTEE", ...Object.fromEntries(MATCHING.split(" ").map((field) => [field, null])) });
    expect(seen(result, result.data!.participant, ["role", ...MATCHING.split(" ")])).toEqual({
      role: office ? "NOT_DISCLOSED" : "MENTEE",
      ...Object.fromEntries(MATCHING.split(" ").map((field) => [field, "NOT_DISCLOSED"])),
    });
    expect(disclosure.rules).toEqual(expect.arrayContaining(office ? ["participant.codedFields", "participant.matchingFields"] : ["participant.matchingFields"]));
    expect(notDisclosed(result)).toMatchObject({ rules: office ? ["participant.codedFields", "participant.matchingFields"] : ["participant.matchingFields"], entities: 1 });
  });

  it("gives mentors a capacity of 1 unless they say otherwise; null restores the default", async () => {
    const mentor = (await ok(node, CREATE, { node: "hst", input: participantInput(MENTOR) })).createParticipant;
    expect(mentor.mentorCapacity).toBe(1);
    expect((await ok(node, UPDATE, { id: mentor.id, input: { mentorCapacity: 3 } })).updateParticipant.mentorCapacity).toBe(3);
    expect((await ok(node, UPDATE, { id: mentor.id, input: { region: "LU" } })).updateParticipant.mentorCapacity).toBe(3);
    expect((await ok(node, UPDATE, { id: mentor.id, input: { mentorCapacity: null } })).updateParticipant.mentorCapacity).toBe(1);
  });

  it("refuses a capacity for anyone but mentors, on create and on update", async () => {
    expect(firstError(await create({ mentorCapacity: 2 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.mentorCapacity" });
    const alumnus = await createParticipant(node, { role: "ALUMNUS", degreeLevel: "PROFESSIONAL", semester: null });
    expect(firstError(await node.query(UPDATE, { id: alumnus.id, input: { mentorCapacity: 2 } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.mentorCapacity" });
  });

  it.each([
    [{ region: "de-rp" }, "region"],
    [{ region: "Rhineland-Palatinate" }, "region"],
    [{ region: "DE-" }, "region"],
    [{ region: "DE-RPXX" }, "region"],
    [{ goalCodes: ["Career"] }, "goalCodes"],
    [{ goalCodes: ["networking", "x"] }, "goalCodes"],
    [{ goalCodes: Array.from({ length: 11 }, (_, i) => `goal-${i}`) }, "goalCodes"],
    [{ disciplineCode: "Medical Informatics" }, "disciplineCode"],
    [{ availabilityHoursPerMonth: 0 }, "availabilityHoursPerMonth"],
    [{ availabilityHoursPerMonth: 41 }, "availabilityHoursPerMonth"],
    [{ ...MENTOR, mentorCapacity: 0 }, "mentorCapacity"],
    [{ ...MENTOR, mentorCapacity: 6 }, "mentorCapacity"],
    [{ experienceYears: -1 }, "experienceYears"],
    [{ experienceYears: 61 }, "experienceYears"],
    [{ employer: "X" }, "employer"],
    [{ supervisor: "y".repeat(201) }, "supervisor"],
  ])("refuses %o naming %s, leaving no row", async (override, field) => {
    const before = await node.countRows("participants");
    const error = firstError(await create(override));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(fieldsOf(error)).toContain(field);
    expect(error.message).toContain(field);
    expect(await node.countRows("participants")).toBe(before);
  });

  it("refuses a meeting format the schema does not know, naming the field", async () => {
    const error = firstError(await create({ meetingFormat: "BY_LETTER" }));
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("meetingFormat") });
  });

  it("validates updates the same way, naming each field", async () => {
    const participant = await createParticipant(node);
    const error = firstError(await node.query(UPDATE_PARTICIPANT, { id: participant.id, input: { region: "Bavaria", experienceYears: 99, goalCodes: ["OK"] } }));
    expect(fieldsOf(error)).toEqual(expect.arrayContaining(["region", "experienceYears", "goalCodes"]));
    expect(firstError(await node.query(UPDATE_PARTICIPANT, { id: participant.id, input: { goalCodes: null } }))).toMatchObject({ field: "input.goalCodes" });
  });

  describe("employer and supervisor", () => {
    let lea: Record<string, any>;
    beforeAll(async () => {
      lea = (
        await ok(node, CREATE_PARTICIPANT.replace("organisation about", "organisation about employer supervisor"), {
          node: "hst",
          input: participantInput({ displayName: "Lea Schmitt", employer: "Moselklinik Digital GmbH", supervisor: "Prof. Dr. Katrin Becker" }),
        })
      ).createParticipant;
    });

    it("go to the person and their node's coordinators, audited as the organisation", async () => {
      for (const caller of [as.participant(lea.id), as.nodeCoordinator("hst")]) {
        const before = await node.sql(`SELECT count(*)::int AS n FROM audit_log WHERE participant_id = $1 AND field_group = 'organisation'`, [lea.id]);
        expect((await ok(node.as(caller), GET, { id: lea.id })).participant).toMatchObject({ employer: "Moselklinik Digital GmbH", supervisor: "Prof. Dr. Katrin Becker" });
        const after = await node.sql(`SELECT count(*)::int AS n FROM audit_log WHERE participant_id = $1 AND field_group = 'organisation'`, [lea.id]);
        expect(after[0]!.n).toBe(before[0]!.n + 1);
      }
    });

    it.each([
      ["a joint coordinator", () => as.jointCoordinator()],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
      ["another participant", () => as.participant(`hst:participant:${randomUUID()}`, Role.MENTOR)],
    ])("are withheld from %s", async (_who, caller) => {
      const result = await node.as(caller()).query(`query($id: ID!) { participant(id: $id) { id employer supervisor disclosure { withheld } } }`, { id: lea.id });
      expect(result.data!.participant).toMatchObject({ id: lea.id, employer: null, supervisor: null });
      expect(seen(result, result.data!.participant, ["employer", "supervisor"])).toEqual({ employer: "NOT_DISCLOSED", supervisor: "NOT_DISCLOSED" });
      expect(notDisclosed(result)).toMatchObject({ path: ["participant", "employer"], rules: ["disclosure"], fields: ["employer", "supervisor"], withheld: 2 });
    });

    it("can be changed and cleared by the person", async () => {
      const changed = (await ok(node.as(as.participant(lea.id)), UPDATE, { id: lea.id, input: { employer: "Siemens AG", supervisor: null } })).updateParticipant;
      expect(changed).toMatchObject({ employer: "Siemens AG", supervisor: null });
    });
  });
});
