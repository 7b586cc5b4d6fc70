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
import { DISCLOSURE, PSEUDONYMOUS_FIELDS, createEvent, createParticipant, notDisclosed, ok, seen } from "../../../test/fixtures.js";

const PERSONAL = ["displayName", "email", "phone", "organisation", "about"] as const;
const GET = `query($id: ID!) { participant(id: $id) { ${PSEUDONYMOUS_FIELDS} ${PERSONAL.join(" ")} ${DISCLOSURE} } }`;
const CODED = ["role", "degreeLevel", "semester", "discipline", "languages", "tracks"];
const MATCHING = ["disciplineCode", "goalCodes", "meetingFormat", "region", "availabilityHoursPerMonth", "mentorCapacity", "experienceYears"];
const ALL_PERSONAL = [...PERSONAL, "employer", "supervisor"];
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

  /** The personal fields a caller gets of a participant at `node`: each value, or NOT_DISCLOSED where the participant's disclosure says it is withheld. */
  async function personalFieldsAs(node: TestNode, caller: Caller, id: string) {
    const result = await node.as(caller).query(GET, { id });
    expect(result.data!.participant.id).toBe(id);
    return seen(result, result.data!.participant, PERSONAL);
  }
  const levelAs = async (node: TestNode, caller: Caller, id: string) =>
    (await ok(node.as(caller), `query($id: ID!) { participant(id: $id) { disclosure { level } } }`, { id })).participant.disclosure.level;
  const everything = (person: Record<string, any>) => Object.fromEntries(PERSONAL.map((field) => [field, person[field]]));
  const nothing = Object.fromEntries(PERSONAL.map((field) => [field, "NOT_DISCLOSED"]));

  it("gives the person and their node's coordinators every personal field", async () => {
    expect(await personalFieldsAs(zcu, as.participant(zuzana.id), zuzana.id)).toEqual(everything(zuzana));
    expect(await personalFieldsAs(zcu, as.nodeCoordinator("zcu"), zuzana.id)).toEqual(everything(zuzana));
    expect(await levelAs(zcu, as.participant(zuzana.id), zuzana.id)).toBe("SELF");
    expect(await levelAs(zcu, as.nodeCoordinator("zcu"), zuzana.id)).toBe("HOME_NODE");
  });

  it.each<[string, () => Caller]>([
    ["a coordinator of hst", () => as.nodeCoordinator("hst")],
    ["a participant of hst", () => as.participant(helga.id)],
  ])("gives %s the pseudonymous view: every personal field withheld, one NOT_DISCLOSED error for them all", async (_who, caller) => {
    const result = await zcu.as(caller()).query(GET, { id: zuzana.id });
    const participant = result.data!.participant;
    expect(participant).toMatchObject({ id: zuzana.id, nodeId: "zcu", role: "MENTEE", languages: zuzana.languages, tracks: zuzana.tracks, degreeLevel: zuzana.degreeLevel });
    expect(participant.disclosure).toEqual({ level: "SIGNED_IN", rule: "disclosure.none", withheld: [...ALL_PERSONAL, ...MATCHING], rules: ["disclosure", "participant.matchingFields"] });
    expect(seen(result, participant, PERSONAL)).toEqual(nothing);
    expect(result.errors).toHaveLength(1);
    expect(notDisclosed(result)).toEqual({ path: ["participant", "displayName"], code: "NOT_DISCLOSED", rule: "disclosure", rules: ["disclosure"], fields: PERSONAL, withheld: 5, entities: 1 });
  });

  it("gives a joint coordinator, who holds pseudonymised matching profiles, the id and home node only: coded and personal fields withheld", async () => {
    const result = await zcu.as(as.jointCoordinator()).query(GET, { id: zuzana.id });
    const participant = result.data!.participant;
    expect(participant).toMatchObject({ id: zuzana.id, nodeId: "zcu", role: null, languages: null, tracks: null, degreeLevel: null, semester: null, discipline: null });
    expect(participant.disclosure).toEqual({
      level: "JOINT_OFFICE",
      rule: "disclosure.none",
      withheld: [...ALL_PERSONAL, ...CODED, ...MATCHING],
      rules: ["disclosure", "participant.codedFields", "participant.matchingFields"],
    });
    expect(seen(result, participant, [...PERSONAL, ...CODED])).toEqual(Object.fromEntries([...PERSONAL, ...CODED].map((field) => [field, "NOT_DISCLOSED"])));
    expect(notDisclosed(result)).toMatchObject({ rules: expect.arrayContaining(["participant.codedFields", "disclosure"]), withheld: 11, entities: 1 });
  });

  describe("to a tandem partner", () => {
    it("discloses nothing before the signed acceptance is recorded", async () => {
      expect(await personalFieldsAs(zcu, as.participant(hans.id, Role.MENTOR), zuzana.id)).toEqual(nothing);
    });

    it("discloses the contact after it is recorded at the partner's home node, to that partner only", async () => {
      const recorded = (await ok(zcu.as(as.participant(zuzana.id)), RECORD, { node: "zcu", proof: await tandemProof() })).recordDisclosure;
      expect(recorded).toEqual([{ participantId: zuzana.id, grantee: hans.id, scope: "CONTACT", basis: "TANDEM", referenceId: tandemId }]);
      expect(await personalFieldsAs(zcu, as.participant(hans.id, Role.MENTOR), zuzana.id)).toEqual(everything(zuzana));
      expect(await levelAs(zcu, as.participant(hans.id, Role.MENTOR), zuzana.id)).toBe("TANDEM_PARTNER");
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
      expect(await levelAs(zcu, as.nodeCoordinator("hst"), zuzana.id)).toBe("EVENT_HOST");
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
