/**
 * Registrations at a host node: who may register whom, cancel, see them,
 * and get the host's signed proof of a registration.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CANCEL_REGISTRATION, REGISTER, UPDATE_EVENT, createEvent, createParticipant, firstError, ok, register, registerAsParticipant, remoteParticipantId } from "../../../test/fixtures.js";

const GET = `query($id: ID!) { registration(id: $id) { id participantId status disclosureProof event { id } } }`;
const OF_PARTICIPANT = `query($p: ID!) { participantRegistrations(participantId: $p, first: 50) { totalCount edges { node { id } } } }`;
const OF_EVENT = `query($id: ID!) { event(id: $id) { registrations { id participantId } } }`;

describe("registrations: authorisation", () => {
  let node: TestNode;
  let eventId: string;
  const zdenka = remoteParticipantId("zcu");
  const zbynek = remoteParticipantId("zcu");
  let hana: string;
  const reg: Record<string, Record<string, any>> = {};
  beforeAll(async () => {
    node = await startTestNode("hst");
    hana = (await createParticipant(node)).id;
    eventId = (await createEvent(node)).id;
    reg.zdenka = await register(node, eventId, zdenka);
    reg.zbynek = await register(node, eventId, zbynek);
    reg.hana = await register(node, eventId, hana);
  });
  afterAll(() => node.stop());

  const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

  describe("registering", () => {
    it.each<[string, () => Caller, () => string]>([
      ["the host's coordinator a participant of another node", () => as.nodeCoordinator("hst"), () => remoteParticipantId("zcu")],
      ["a participant someone else", () => as.participant(zdenka), () => remoteParticipantId("zcu")],
      ["a joint coordinator anyone", () => as.jointCoordinator(), () => remoteParticipantId("zcu")],
      ["a coordinator of another node a participant of the host", () => as.nodeCoordinator("zcu"), () => hana],
    ])("refuses %s, adding no row", async (_who, caller, participantId) => {
      const before = await node.countRows("registrations");
      const result = await node.as(caller()).query(REGISTER, { eventId: (await createEvent(node)).id, participantId: participantId() });
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "registration.create" });
      expect(await node.countRows("registrations")).toBe(before);
    });

    it("lets a coordinator of the participant's home node register them", async () => {
      const someone = remoteParticipantId("zcu");
      const made = (await ok(node.as(as.nodeCoordinator("zcu")), REGISTER, { eventId, participantId: someone })).registerForEvent;
      expect(made).toMatchObject({ participantId: someone, status: "CONFIRMED" });
    });

    it("accepts only the host node's people for a node-only event", async () => {
      const internal = (await createEvent(node, { visibility: "NODE", kind: "TRAINING" })).id;
      for (const caller of [as.participant(zdenka), as.nodeCoordinator("zcu")]) {
        const error = firstError(await node.as(caller).query(REGISTER, { eventId: internal, participantId: zdenka }));
        expect(error).toMatchObject({ code: "FORBIDDEN", rule: "event.node-only", field: "eventId" });
      }
      expect((await register(node, internal, hana)).status).toBe("CONFIRMED");
    });
  });

  describe("seeing one registration", () => {
    it.each<[string, () => Caller]>([
      ["the registrant", () => as.participant(zdenka)],
      ["a coordinator of the registrant's node", () => as.nodeCoordinator("zcu")],
      ["a coordinator of the host node", () => as.nodeCoordinator("hst")],
      ["a joint coordinator", () => as.jointCoordinator()],
    ])("is open to %s", async (_who, caller) => {
      expect((await ok(node.as(caller()), GET, { id: reg.zdenka!.id })).registration).toMatchObject({ id: reg.zdenka!.id, participantId: zdenka, event: { id: eventId } });
    });

    it.each<[string, () => Caller, string]>([
      ["another participant", () => as.participant(zbynek), "zdenka"],
      ["a participant of the host node", () => as.participant(hana), "zdenka"],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu"), "hana"],
    ])("is null and FORBIDDEN for %s", async (_who, caller, whose) => {
      const result = await node.as(caller()).query(GET, { id: reg[whose]!.id });
      expect(result.data!.registration).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "registration.read" });
    });

    it("answers _entities in place: the caller's own, FORBIDDEN for others'", async () => {
      const result = await node.as(as.participant(hana)).query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Registration { id } } }`, {
        r: [
          { __typename: "Registration", id: reg.zdenka!.id },
          { __typename: "Registration", id: reg.hana!.id },
        ],
      });
      expect(result.data!._entities).toEqual([null, { id: reg.hana!.id }]);
      expect(result.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([[["_entities", 0], "FORBIDDEN"]]);
    });
  });

  describe("listing registrations", () => {
    it.each<[string, () => Caller, () => string[]]>([
      ["the registrant", () => as.participant(zdenka), () => [reg.zdenka!.id]],
      ["a coordinator of the registrant's node", () => as.nodeCoordinator("zcu"), () => [reg.zdenka!.id]],
      ["a joint coordinator", () => as.jointCoordinator(), () => [reg.zdenka!.id]],
      ["another participant", () => as.participant(zbynek), () => []],
      ["a participant of the host node", () => as.participant(hana), () => []],
    ])("gives %s a participant's registrations as entitled", async (_who, caller, expected) => {
      const { participantRegistrations } = await ok(node.as(caller()), OF_PARTICIPANT, { p: zdenka });
      expect(ids(participantRegistrations.edges.map((edge: any) => edge.node))).toEqual(expected().sort());
      expect(participantRegistrations.totalCount).toBe(expected().length);
    });

    it.each<[string, () => Caller, (participantId: string) => boolean]>([
      ["the host's coordinators every registration", () => as.nodeCoordinator("hst"), () => true],
      ["joint coordinators every registration", () => as.jointCoordinator(), () => true],
      ["a coordinator of another node their people's", () => as.nodeCoordinator("zcu"), (participantId) => participantId.startsWith("zcu:")],
      ["a participant their own", () => as.participant(zbynek), (participantId) => participantId === zbynek],
    ])("shows an event's registrations filtered: %s", async (_who, caller, entitled) => {
      const rows = await node.sql<{ id: string; participant_id: string }>(`SELECT id, participant_id FROM registrations WHERE event_id = $1 AND status <> 'CANCELLED'`, [eventId.split(":")[2]]);
      const expected = rows.filter((row) => entitled(row.participant_id)).map((row) => `hst:registration:${row.id}`);
      expect(expected.length).toBeGreaterThan(0);
      expect(ids((await ok(node.as(caller()), OF_EVENT, { id: eventId })).event.registrations)).toEqual(expected.sort());
    });
  });

  it("hides registrations of an event that became node-only from outsiders, the registrant included", async () => {
    const later = (await createEvent(node)).id;
    const registration = await register(node, later, zdenka);
    await ok(node, UPDATE_EVENT, { id: later, input: { visibility: "NODE" } });
    for (const caller of [as.participant(zdenka), as.jointCoordinator(), as.nodeCoordinator("zcu")]) {
      const client = node.as(caller);
      expect(firstError(await client.query(GET, { id: registration.id }))).toMatchObject({ code: "FORBIDDEN", rule: "event.node-only" });
      const listed = (await ok(client, OF_PARTICIPANT, { p: zdenka })).participantRegistrations.edges.map((edge: any) => edge.node.id);
      expect(listed).not.toContain(registration.id);
    }
    expect((await ok(node, GET, { id: registration.id })).registration.id).toBe(registration.id);
  });

  describe("cancelling", () => {
    const cancel = (caller: Caller, id: string) => node.as(caller).query(CANCEL_REGISTRATION, { id });

    it.each<[string, () => Caller, string]>([
      ["another participant", () => as.participant(hana), "zbynek"],
      ["a joint coordinator", () => as.jointCoordinator(), "zbynek"],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu"), "hana"],
    ])("is FORBIDDEN to %s, changing nothing", async (_who, caller, whose) => {
      const before = await node.sql(`SELECT * FROM registrations ORDER BY id`);
      expect(firstError(await cancel(caller(), reg[whose]!.id))).toMatchObject({ code: "FORBIDDEN", rule: "registration.cancel" });
      expect(await node.sql(`SELECT * FROM registrations ORDER BY id`)).toEqual(before);
    });

    it.each<[string, (participantId: string) => Caller]>([
      ["the registrant", (participantId) => as.participant(participantId)],
      ["a coordinator of the registrant's node", () => as.nodeCoordinator("zcu")],
      ["a coordinator of the host node", () => as.nodeCoordinator("hst")],
    ])("is open to %s", async (_who, caller) => {
      const participantId = remoteParticipantId("zcu");
      const made = await register(node, eventId, participantId);
      expect((await ok(node.as(caller(participantId)), CANCEL_REGISTRATION, { id: made.id })).cancelRegistration.status).toBe("CANCELLED");
    });
  });

  describe("the host's proof of a registration", () => {
    it.each<[string, () => Caller]>([
      ["the registrant", () => as.participant(zdenka)],
      ["a coordinator of the registrant's node", () => as.nodeCoordinator("zcu")],
      ["a coordinator of the host node", () => as.nodeCoordinator("hst")],
    ])("is given to %s, signed by the host", async (_who, caller) => {
      const { disclosureProof } = (await ok(node.as(caller()), GET, { id: reg.zdenka!.id })).registration;
      expect(await verifyProof(disclosureProof, node.trust.registry)).toEqual({ type: "event-registration", issuer: "hst", registrationId: reg.zdenka!.id, eventId, participantId: zdenka });
    });

    it("is null, without an error, for a joint coordinator and for cancelled registrations", async () => {
      const result = await node.as(as.jointCoordinator()).query(GET, { id: reg.zdenka!.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.registration.disclosureProof).toBeNull();
      const participantId = remoteParticipantId("zcu");
      const made = await register(node, eventId, participantId);
      await ok(node.as(as.participant(participantId)), CANCEL_REGISTRATION, { id: made.id });
      expect((await ok(node.as(as.participant(participantId)), GET, { id: made.id })).registration.disclosureProof).toBeNull();
    });
  });

  it("still registers the participant themselves, as before", async () => {
    expect((await registerAsParticipant(node, (await createEvent(node)).id, zbynek)).errors).toBeUndefined();
  });
});
