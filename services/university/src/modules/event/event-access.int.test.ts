/**
 * Events: open to every authenticated user (node-only events to the host
 * node's people), managed by the host node's coordinators only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CANCEL_EVENT, CREATE_EVENT, UPDATE_EVENT, createEvent, createParticipant, eventInput, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";

const READ = `query($id: ID!) { event(id: $id) { id title seatsLeft } events(first: 100) { edges { node { id } } } }`;

describe("events: authorisation", () => {
  let node: TestNode;
  let open: Record<string, any>;
  let internal: Record<string, any>;
  let local: string;
  beforeAll(async () => {
    node = await startTestNode("hst");
    open = await createEvent(node, { title: "Panel: cross-border careers" });
    internal = await createEvent(node, { title: "Mentor training (HST only)", visibility: "NODE", kind: "TRAINING" });
    local = (await createParticipant(node)).id;
  });
  afterAll(() => node.stop());

  const outsiders: [string, () => Caller][] = [
    ["a participant of another node", () => as.participant(remoteParticipantId("zcu"))],
    ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
    ["a joint coordinator", () => as.jointCoordinator()],
  ];
  const insiders: [string, () => Caller][] = [
    ["a participant of the node", () => as.participant(local)],
    ["a coordinator of the node", () => as.nodeCoordinator("hst")],
  ];

  it.each([...outsiders, ...insiders])("shows consortium events to %s", async (_who, caller) => {
    const data = await ok(node.as(caller()), READ, { id: open.id });
    expect(data.event).toMatchObject({ id: open.id, title: "Panel: cross-border careers", seatsLeft: 30 });
    expect(data.events.edges.map((edge: any) => edge.node.id)).toContain(open.id);
  });

  it.each(outsiders)("hides node-only events from %s (event, events and _entities)", async (_who, caller) => {
    const client = node.as(caller());
    const data = await ok(client, READ, { id: internal.id });
    expect(data.event).toBeNull();
    expect(data.events.edges.map((edge: any) => edge.node.id)).not.toContain(internal.id);
    const entities = await ok(client, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Event { id } } }`, { r: [{ __typename: "Event", id: internal.id }] });
    expect(entities._entities).toEqual([null]);
  });

  it.each(insiders)("shows node-only events to %s", async (_who, caller) => {
    const data = await ok(node.as(caller()), READ, { id: internal.id });
    expect(data.event).toMatchObject({ id: internal.id });
    expect(data.events.edges.map((edge: any) => edge.node.id)).toContain(internal.id);
  });

  describe("managing events", () => {
    const managers: [string, () => Caller][] = [...outsiders, ["a participant of the node", () => as.participant(local)]];
    const snapshot = () => node.sql(`SELECT * FROM events ORDER BY id`);

    it.each(managers)("refuses %s to create, change or cancel events", async (_who, caller) => {
      const client = node.as(caller());
      const before = await snapshot();
      for (const [operation, variables] of [
        [CREATE_EVENT, { node: "hst", input: eventInput() }],
        [UPDATE_EVENT, { id: open.id, input: { capacity: 1 } }],
        [CANCEL_EVENT, { id: open.id }],
      ] as const) {
        expect(firstError(await client.query(operation, variables)), operation).toMatchObject({ code: "FORBIDDEN", rule: "event.manage" });
      }
      expect(await snapshot()).toEqual(before);
    });

    it("lets the node's coordinators create, change and cancel events", async () => {
      const created = await createEvent(node, { capacity: 3 });
      expect((await ok(node, UPDATE_EVENT, { id: created.id, input: { capacity: 5 } })).updateEvent.capacity).toBe(5);
      expect((await ok(node, CANCEL_EVENT, { id: created.id })).cancelEvent.status).toBe("CANCELLED");
    });
  });
});
