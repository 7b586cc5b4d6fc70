/**
 * Who may read, list, create and change participants at their home node.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import {
  CREATE_PARTICIPANT,
  DISCLOSURE,
  PSEUDONYMOUS_FIELDS,
  UPDATE_PARTICIPANT,
  createParticipant,
  firstError,
  notDisclosed,
  ok,
  participantInput,
  remoteParticipantId,
} from "../../../test/fixtures.js";

const PERSONAL = ["displayName", "email", "phone", "organisation", "about"];
/** In the order PSEUDONYMOUS_FIELDS selects them. */
const CODED = ["role", "degreeLevel", "semester", "discipline", "languages", "tracks"];
const GET = `query($id: ID!) { participant(id: $id) { ${PSEUDONYMOUS_FIELDS} ${PERSONAL.join(" ")} } }`;
const LIST = `query($node: String!) { participants(node: $node, first: 100) { totalCount edges { node { id role tracks } } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Participant { ${PSEUDONYMOUS_FIELDS} displayName } } }`;
const WITHHELD = `query($id: ID!) { participant(id: $id) { disclosure { withheld } } }`;

describe("participants: authorisation", () => {
  let node: TestNode;
  let anna: Record<string, any>;
  let ben: Record<string, any>;
  beforeAll(async () => {
    node = await startTestNode("hst");
    anna = await createParticipant(node, { displayName: "Anna Schmitt", phone: "+49 651 8103 0", about: "Health informatics, Trier" });
    ben = await createParticipant(node, { role: "MENTOR", degreeLevel: null, semester: null, displayName: "Ben Weber" });
  });
  afterAll(() => node.stop());

  const pseudonymous = (participant: Record<string, any>) => Object.fromEntries(Object.entries(participant).filter(([key]) => !PERSONAL.includes(key)));
  /** What the joint office reads: the pseudonymous view with every coded field null. */
  const officeView = (participant: Record<string, any>) => ({ ...pseudonymous(participant), ...Object.fromEntries(CODED.map((field) => [field, null])) });

  describe("reading one participant", () => {
    it.each<[string, () => Caller]>([
      ["another participant of the node", () => as.participant(ben.id, Role.MENTOR)],
      ["a participant of another node", () => as.participant(remoteParticipantId("zcu"))],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
    ])("gives %s the pseudonymous view, each personal field withheld", async (_who, caller) => {
      const result = await node.as(caller()).query(GET, { id: anna.id });
      expect(result.data!.participant).toEqual({ ...pseudonymous(anna), ...Object.fromEntries(PERSONAL.map((field) => [field, null])) });
      expect(result.errors).toHaveLength(1);
      expect(notDisclosed(result)).toMatchObject({ path: ["participant", "displayName"], rules: ["disclosure"], fields: PERSONAL, withheld: PERSONAL.length, entities: 1 });
      const { withheld } = (await ok(node.as(caller()), WITHHELD, { id: anna.id })).participant.disclosure;
      expect(withheld).toEqual(expect.arrayContaining(PERSONAL));
      expect(withheld).not.toEqual(expect.arrayContaining(["role"]));
    });

    it("gives a joint coordinator the id, home node and profile flag only, every coded and personal field withheld", async () => {
      const result = await node.as(as.jointCoordinator()).query(GET, { id: anna.id });
      expect(result.data!.participant).toEqual({ ...officeView(anna), ...Object.fromEntries(PERSONAL.map((field) => [field, null])) });
      expect(result.errors).toHaveLength(1);
      expect(notDisclosed(result)).toMatchObject({
        path: ["participant", "role"],
        rules: expect.arrayContaining(["participant.codedFields", "disclosure"]),
        withheld: CODED.length + PERSONAL.length,
        entities: 1,
      });
      const { withheld } = (await ok(node.as(as.jointCoordinator()), WITHHELD, { id: anna.id })).participant.disclosure;
      expect(withheld).toEqual(expect.arrayContaining([...CODED, ...PERSONAL]));
    });

    it.each<[string, () => Caller]>([
      ["the person", () => as.participant(anna.id)],
      ["a coordinator of the node", () => as.nodeCoordinator("hst")],
    ])("gives %s every field", async (_who, caller) => {
      expect((await ok(node.as(caller()), GET, { id: anna.id })).participant).toMatchObject({
        displayName: "Anna Schmitt",
        email: anna.email,
        phone: "+49 651 8103 0",
        about: "Health informatics, Trier",
      });
    });

    it("applies the same rules on the _entities path", async () => {
      const result = await node.as(as.jointCoordinator()).query(ENTITIES, {
        r: [
          { __typename: "Participant", id: anna.id },
          { __typename: "Participant", id: ben.id },
        ],
      });
      expect(result.data!._entities).toEqual([
        { ...officeView(anna), displayName: null },
        { ...officeView(ben), displayName: null },
      ]);
      expect(result.errors).toHaveLength(1);
      expect(notDisclosed(result)).toMatchObject({ path: ["_entities", 0, "role"], fields: expect.arrayContaining([...CODED, "displayName"]), withheld: 2 * (CODED.length + 1), entities: 2 });
      const disclosures = await ok(node.as(as.jointCoordinator()), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Participant { ${DISCLOSURE} } } }`, {
        r: [{ __typename: "Participant", id: anna.id }],
      });
      expect(disclosures._entities[0].disclosure).toMatchObject({ level: "JOINT_OFFICE", withheld: expect.arrayContaining([...CODED, "displayName"]) });
      const own = await ok(node.as(as.participant(anna.id)), ENTITIES, { r: [{ __typename: "Participant", id: anna.id }] });
      expect(own._entities[0].displayName).toBe("Anna Schmitt");
    });
  });

  describe("listing a node's participants", () => {
    it("is open to the node's coordinators", async () => {
      const { participants } = await ok(node.as(as.nodeCoordinator("hst")), LIST, { node: "hst" });
      expect(participants.edges.map((edge: any) => edge.node.id)).toEqual(expect.arrayContaining([anna.id, ben.id]));
    });

    it.each<[string, () => Caller]>([
      // the joint office holds pseudonymised matching profiles: listing by role or track would link them back
      ["a joint coordinator", () => as.jointCoordinator()],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
      ["a participant of the node", () => as.participant(anna.id)],
      ["a participant of another node", () => as.participant(remoteParticipantId("zcu"))],
    ])("is FORBIDDEN to %s", async (_who, caller) => {
      const result = await node.as(caller()).query(LIST, { node: "hst" });
      expect(result.data!.participants).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "participants.list", message: expect.stringContaining("participants.list") });
    });
  });

  describe("creating a participant", () => {
    it.each<[string, () => Caller]>([
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
      ["a joint coordinator", () => as.jointCoordinator()],
      ["a participant", () => as.participant(anna.id)],
    ])("is FORBIDDEN to %s, leaving no row", async (_who, caller) => {
      const before = await node.countRows("participants");
      const result = await node.as(caller()).query(CREATE_PARTICIPANT, { node: "hst", input: participantInput() });
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "participant.create" });
      expect(await node.countRows("participants")).toBe(before);
    });
  });

  describe("changing a participant", () => {
    const rename = (caller: Caller, id: string, displayName: string) => node.as(caller).query(UPDATE_PARTICIPANT, { id, input: { displayName } });

    it("is open to the person and to the node's coordinators", async () => {
      expect((await rename(as.participant(anna.id), anna.id, "Anna Maria Schmitt")).data!.updateParticipant.displayName).toBe("Anna Maria Schmitt");
      expect((await rename(as.nodeCoordinator("hst"), anna.id, "Anna Schmitt")).data!.updateParticipant.displayName).toBe("Anna Schmitt");
    });

    it.each<[string, () => Caller]>([
      ["another participant", () => as.participant(ben.id, Role.MENTOR)],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
      ["a joint coordinator", () => as.jointCoordinator()],
    ])("is FORBIDDEN to %s, changing nothing", async (_who, caller) => {
      const before = await node.sql(`SELECT * FROM participants WHERE id = $1`, [anna.id.split(":")[2]]);
      expect(firstError(await rename(caller(), anna.id, "Mallory"))).toMatchObject({ code: "FORBIDDEN", rule: "participant.update" });
      expect(await node.sql(`SELECT * FROM participants WHERE id = $1`, [anna.id.split(":")[2]])).toEqual(before);
    });
  });

  describe("contact fields", () => {
    it.each([["0651 81030"], ["+49"], ["call me"], ["+49 651 8103 0 1234 5678 99"]])("refuses the phone number %s", async (phone) => {
      expect(firstError(await node.query(CREATE_PARTICIPANT, { node: "hst", input: participantInput({ phone }) }))).toMatchObject({
        code: "BAD_USER_INPUT",
        fields: [expect.objectContaining({ field: "phone" })],
      });
    });

    it("refuses an about text longer than 2000 characters, accepts 2000", async () => {
      expect(firstError(await node.query(CREATE_PARTICIPANT, { node: "hst", input: participantInput({ about: "x".repeat(2001) }) }))).toMatchObject({
        code: "BAD_USER_INPUT",
        fields: [expect.objectContaining({ field: "about" })],
      });
      expect((await createParticipant(node, { about: "x".repeat(2000) })).about).toHaveLength(2000);
    });

    it("clears phone and about given as null", async () => {
      const updated = (await ok(node, UPDATE_PARTICIPANT, { id: anna.id, input: { phone: null, about: null } })).updateParticipant;
      expect(updated).toMatchObject({ phone: null, about: null });
    });
  });
});
