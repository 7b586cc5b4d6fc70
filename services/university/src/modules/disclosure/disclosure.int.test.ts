/**
 * The owning node decides disclosure (DESIGN.md §6): a zcu participant's
 * personal fields go to them, zcu's coordinators, a tandem partner once a
 * signed acceptance is recorded at zcu, and (name only) the coordinators of
 * a node hosting an event they registered for once that node's signed
 * registration is recorded at zcu. Nobody else, joint coordinators included.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, signProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type NodeClient, type TestNode } from "../../../test/test-node.js";
import { PSEUDONYMOUS_FIELDS, createEvent, createParticipant, ok } from "../../../test/fixtures.js";

const PERSONAL = ["displayName", "email", "phone", "organisation", "about"] as const;
const GET = `query($id: ID!) { participant(id: $id) { ${PSEUDONYMOUS_FIELDS} ${PERSONAL.join(" ")} } }`;
const RECORD = `mutation($node: String!, $proof: String!) { recordDisclosure(node: $node, proof: $proof) { participantId grantee scope basis referenceId } }`;

describe("disclosure of personal fields", () => {
  let hst: TestNode;
  let zcu: TestNode;
  let zuzana: Record<string, any>;
  let hans: Record<string, any>;
  let helga: Record<string, any>;
  const tandemId = `coord:tandem:${randomUUID()}`;
  beforeAll(async () => {
    [hst, zcu] = await Promise.all([startTestNode("hst"), startTestNode("zcu")]);
    zuzana = await createParticipant(zcu, { displayName: "Zuzana Nováková", phone: "+420 377 631 111", organisation: "Škoda Transportation", about: "Rail engineering" });
    hans = await createParticipant(hst, { role: "MENTOR", degreeLevel: null, semester: null, displayName: "Hans Becker", phone: "+49 651 8103 1" });
    helga = await createParticipant(hst, { displayName: "Helga Braun" });
  });
  afterAll(() => Promise.all([hst?.stop(), zcu?.stop()]));

  const tandemProof = () => signProof(zcu.trust.keys.get("coord")!, "coord", { type: "tandem-accepted", tandemId, menteeId: zuzana.id, mentorId: hans.id });

  /** The personal fields a caller gets of a participant at `node`: each value, or NOT_DISCLOSED. */
  async function personalFieldsAs(node: TestNode, caller: Caller, id: string) {
    const result = await node.as(caller).query(GET, { id });
    const refused = new Map((result.errors ?? []).map((error) => [error.path!.at(-1), error.extensions!.code]));
    expect(result.data!.participant.id).toBe(id);
    return Object.fromEntries(PERSONAL.map((field) => [field, refused.get(field) ?? result.data!.participant[field]]));
  }
  const everything = (person: Record<string, any>) => Object.fromEntries(PERSONAL.map((field) => [field, person[field]]));
  const nothing = Object.fromEntries(PERSONAL.map((field) => [field, "NOT_DISCLOSED"]));

  it("gives the person and their node's coordinators every personal field", async () => {
    expect(await personalFieldsAs(zcu, as.participant(zuzana.id), zuzana.id)).toEqual(everything(zuzana));
    expect(await personalFieldsAs(zcu, as.nodeCoordinator("zcu"), zuzana.id)).toEqual(everything(zuzana));
  });

  it.each<[string, () => Caller]>([
    ["a coordinator of hst", () => as.nodeCoordinator("hst")],
    ["a participant of hst", () => as.participant(helga.id)],
  ])("gives %s the pseudonymous view and NOT_DISCLOSED for every personal field", async (_who, caller) => {
    const result = await zcu.as(caller()).query(GET, { id: zuzana.id });
    expect(result.data!.participant).toMatchObject({ id: zuzana.id, nodeId: "zcu", role: "MENTEE", languages: zuzana.languages, tracks: zuzana.tracks, degreeLevel: zuzana.degreeLevel });
    for (const field of PERSONAL) expect(result.data!.participant[field]).toBeNull();
    expect(result.errors!.map((error) => error.extensions)).toEqual(PERSONAL.map((field) => expect.objectContaining({ code: "NOT_DISCLOSED", field })));
  });

  it("gives a joint coordinator, who holds pseudonymised matching profiles, the id and home node only: coded and personal fields NOT_DISCLOSED", async () => {
    const result = await zcu.as(as.jointCoordinator()).query(GET, { id: zuzana.id });
    expect(result.data!.participant).toMatchObject({ id: zuzana.id, nodeId: "zcu", role: null, languages: null, tracks: null, degreeLevel: null, semester: null, discipline: null });
    for (const field of PERSONAL) expect(result.data!.participant[field]).toBeNull();
    const refused = result.errors!.map((error) => [error.extensions!.field, error.extensions!.code]);
    expect(refused).toEqual(expect.arrayContaining([...PERSONAL, "role", "languages", "tracks", "degreeLevel", "semester", "discipline"].map((field) => [field, "NOT_DISCLOSED"])));
  });

  describe("to a tandem partner", () => {
    it("discloses nothing before the signed acceptance is recorded", async () => {
      expect(await personalFieldsAs(zcu, as.participant(hans.id, Role.MENTOR), zuzana.id)).toEqual(nothing);
    });

    it("discloses the contact after it is recorded at the partner's home node, to that partner only", async () => {
      const recorded = (await ok(zcu.as(as.participant(zuzana.id)), RECORD, { node: "zcu", proof: await tandemProof() })).recordDisclosure;
      expect(recorded).toEqual([{ participantId: zuzana.id, grantee: hans.id, scope: "CONTACT", basis: "TANDEM", referenceId: tandemId }]);
      expect(await personalFieldsAs(zcu, as.participant(hans.id, Role.MENTOR), zuzana.id)).toEqual(everything(zuzana));
      expect(await personalFieldsAs(zcu, as.participant(helga.id), zuzana.id)).toEqual(nothing);
      expect(await personalFieldsAs(zcu, as.nodeCoordinator("hst"), zuzana.id)).toEqual(nothing);
      expect(await personalFieldsAs(zcu, as.jointCoordinator(), zuzana.id)).toEqual(nothing);
    });

    it("each node records the acceptance for its own people: the other way needs it at hst", async () => {
      expect(await personalFieldsAs(hst, as.participant(zuzana.id), hans.id)).toEqual(nothing);
      await ok(hst.as(as.participant(hans.id, Role.MENTOR)), RECORD, { node: "hst", proof: await tandemProof() });
      expect(await personalFieldsAs(hst, as.participant(zuzana.id), hans.id)).toEqual(everything(hans));
    });
  });

  describe("to the host of an event", () => {
    let proof: string;
    beforeAll(async () => {
      const event = await createEvent(hst, { title: "Summer school: rail and health" });
      const registration = (
        await ok(hst.as(as.participant(zuzana.id)), `mutation($e: ID!, $p: ID!) { registerForEvent(eventId: $e, participantId: $p) { id disclosureProof } }`, { e: event.id, p: zuzana.id })
      ).registerForEvent;
      proof = registration.disclosureProof;
    });

    it("discloses nothing to the host's coordinators before the registration is recorded at the home node", async () => {
      expect(await personalFieldsAs(zcu, as.nodeCoordinator("hst"), zuzana.id)).toEqual(nothing);
    });

    it("then the name, and only the name, to the host's coordinators", async () => {
      const recorded = (await ok(zcu.as(as.participant(zuzana.id)), RECORD, { node: "zcu", proof })).recordDisclosure;
      expect(recorded).toEqual([expect.objectContaining({ participantId: zuzana.id, grantee: "node:hst", scope: "NAME", basis: "EVENT_REGISTRATION" })]);
      expect(await personalFieldsAs(zcu, as.nodeCoordinator("hst"), zuzana.id)).toEqual({ ...nothing, displayName: zuzana.displayName });
    });

    it("and nothing to the host's other people or to joint coordinators", async () => {
      expect(await personalFieldsAs(zcu, as.participant(helga.id), zuzana.id)).toEqual(nothing);
      expect(await personalFieldsAs(zcu, as.jointCoordinator(), zuzana.id)).toEqual(nothing);
    });
  });

  it("looks grants up once per request, however many participants it resolves", async () => {
    const others = await Promise.all(Array.from({ length: 19 }, () => createParticipant(zcu)));
    const client: NodeClient = zcu.as(as.nodeCoordinator("hst"));
    const statementsOf = async (ids: string[]) => {
      const before = zcu.node.database.statements.total;
      const result = await client.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Participant { id displayName email } } }`, {
        r: ids.map((id) => ({ __typename: "Participant", id })),
      });
      expect(result.data!._entities[0]).toEqual({ id: zuzana.id, displayName: zuzana.displayName, email: null });
      return zcu.node.database.statements.total - before;
    };
    expect(await statementsOf([zuzana.id, ...others.map((p) => p.id)])).toBe(await statementsOf([zuzana.id]));
  });
});
