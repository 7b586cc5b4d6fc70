/**
 * Self-service (issue 12, item 6): a person their home node signs in (a
 * token whose subject has no participant record yet) creates their own
 * profile under that subject, in a role the sign-in grants, and can then
 * apply. Nobody creates a profile for someone else this way; coordinators
 * still create external mentors with createParticipant.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { snapshotTables } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, fieldsOf, firstError, ok, participantInput } from "../../../test/fixtures.js";
import { CREATE_MY_PROFILE, apply, openCohort } from "../../../test/applications.js";

describe("creating one's own profile", () => {
  let hst: TestNode;
  beforeAll(async () => {
    hst = await startTestNode("hst");
  });
  afterAll(() => hst.stop());

  const newcomer = () => `hst:participant:${randomUUID()}`;
  const createOwn = (caller: Parameters<TestNode["as"]>[0], participantId: string, input: Record<string, unknown> = participantInput()) =>
    hst.as(caller).query(CREATE_MY_PROFILE, { p: participantId, input });

  async function expectRefused(send: () => Promise<{ errors?: unknown }>, code: string, extensions: Record<string, unknown> = {}) {
    const before = await snapshotTables(hst.sql);
    const error = firstError((await send()) as Parameters<typeof firstError>[0]);
    expect(error).toMatchObject({ code, ...extensions });
    expect(await snapshotTables(hst.sql)).toEqual(before);
    return error;
  }

  it("creates the profile under the token's subject, and the person can then apply", async () => {
    const me = newcomer();
    const created = (await ok(hst.as(as.participant(me)), CREATE_MY_PROFILE, { p: me, input: participantInput({ displayName: "Lena Vogt", degreeLevel: "BACHELOR", semester: 4 }) })).createMyProfile;
    expect(created).toMatchObject({ id: me, role: "MENTEE", displayName: "Lena Vogt", degreeLevel: "BACHELOR", semester: 4 });
    expect((await ok(hst, `query($id: ID!) { participant(id: $id) { id displayName } }`, { id: me })).participant).toEqual({ id: me, displayName: "Lena Vogt" });
    const { cohortId } = await openCohort(hst);
    expect(await apply(hst, me, cohortId)).toMatchObject({ participantId: me, status: "SUBMITTED" });
  });

  it("gives a person who has a profile that profile back, unchanged", async () => {
    const me = newcomer();
    const first = (await ok(hst.as(as.participant(me)), CREATE_MY_PROFILE, { p: me, input: participantInput({ displayName: "Mia Roth" }) })).createMyProfile;
    const again = (await ok(hst.as(as.participant(me)), CREATE_MY_PROFILE, { p: me, input: participantInput({ displayName: "Someone Else" }) })).createMyProfile;
    expect(again).toEqual(first);
  });

  it("never tells a person that another participant uses their address", async () => {
    const other = await createParticipant(hst);
    const me = newcomer();
    expect((await ok(hst.as(as.participant(me)), CREATE_MY_PROFILE, { p: me, input: participantInput({ email: other.email }) })).createMyProfile).toMatchObject({ id: me, email: other.email });
  });

  it("creates alumni and mentors only for people whose sign-in grants that role", async () => {
    const alumna = newcomer();
    expect(
      (await ok(hst.as(as.participant(alumna, Role.ALUMNUS)), CREATE_MY_PROFILE, { p: alumna, input: participantInput({ role: "ALUMNUS", degreeLevel: "MASTER", semester: null }) })).createMyProfile,
    ).toMatchObject({
      role: "ALUMNUS",
    });
    const student = newcomer();
    await expectRefused(() => createOwn(as.participant(student, Role.MENTEE), student, participantInput({ role: "MENTOR", degreeLevel: null, semester: null })), "FORBIDDEN", {
      rule: "participant.createOwn",
    });
  });

  it.each<[string, () => Parameters<TestNode["as"]>[0]]>([
    ["another person", () => as.participant(newcomer())],
    ["the node's coordinator (who uses createParticipant)", () => as.nodeCoordinator("hst")],
    ["a joint coordinator", () => as.jointCoordinator()],
    ["a person of another node", () => as.participant(`zcu:participant:${randomUUID()}`)],
  ])("refuses %s creating someone's profile, leaving no row", async (_who, caller) => {
    await expectRefused(() => createOwn(caller(), newcomer()), "FORBIDDEN", { rule: "participant.createOwn" });
  });

  it("refuses an id of another node before any rule (WRONG_NODE), and bad input naming the field", async () => {
    const stranger = `zcu:participant:${randomUUID()}`;
    await expectRefused(() => createOwn(as.participant(stranger), stranger), "WRONG_NODE", { field: "participantId" });
    const me = newcomer();
    const error = await expectRefused(() => createOwn(as.participant(me), me, participantInput({ email: "not-an-address" })), "BAD_USER_INPUT");
    expect(fieldsOf(error)).toContain("email");
    await expectRefused(() => createOwn(as.participant(me), me, participantInput({ degreeLevel: null })), "BAD_USER_INPUT", { field: "input.degreeLevel" });
  });
});
