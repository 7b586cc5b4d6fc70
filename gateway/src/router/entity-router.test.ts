import { describe, expect, it } from "vitest";
import { FakeNodes } from "../../test/fake-nodes.js";
import { as } from "@tandem/shared/testkit";
import { routeEntities } from "./entity-router.js";

const AUTH = { caller: as.jointCoordinator(), requestId: "req-1" };

const QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Participant { id displayName } ... on Event { id title } } }`;

function consortium() {
  return new FakeNodes({
    hst: {
      participants: [
        { id: "hst:participant:a1", displayName: "Anna Becker" },
        { id: "hst:participant:a2", displayName: "BOOM" },
      ],
      events: [{ id: "hst:event:e1", title: "Kick-off Trier", startsAt: new Date("2027-01-10T17:00:00Z") }],
    },
    zcu: { participants: [{ id: "zcu:participant:b1", displayName: "Jana Nováková" }], events: [{ id: "zcu:event:e2", title: "Panel Plzeň", startsAt: new Date("2027-02-01T16:00:00Z") }] },
    othaw: { participants: [{ id: "othaw:participant:c1", displayName: "Lukas Meier" }], events: [] },
  });
}

describe("routeEntities", () => {
  it("sends one request per node with only that node's representations and reassembles in the original order", async () => {
    const nodes = consortium();
    const representations = [
      { __typename: "Participant", id: "zcu:participant:b1" },
      { __typename: "Event", id: "hst:event:e1" },
      { __typename: "Participant", id: "hst:participant:a1" },
      { __typename: "Participant", id: "othaw:participant:c1" },
      { __typename: "Event", id: "zcu:event:e2" },
    ];
    const body = await routeEntities(nodes, { query: QUERY, variables: { representations } }, AUTH);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([
      { id: "zcu:participant:b1", displayName: "Jana Nováková" },
      { id: "hst:event:e1", title: "Kick-off Trier" },
      { id: "hst:participant:a1", displayName: "Anna Becker" },
      { id: "othaw:participant:c1", displayName: "Lukas Meier" },
      { id: "zcu:event:e2", title: "Panel Plzeň" },
    ]);
    expect(nodes.calls.map((call) => call.node).sort()).toEqual(["hst", "othaw", "zcu"]);
    expect(nodes.callsTo("hst")[0]!.variables.representations).toEqual([representations[1], representations[2]]);
    expect(nodes.callsTo("zcu")[0]!.variables.representations).toEqual([representations[0], representations[4]]);
  });

  it("renumbers a node's error paths to the original positions", async () => {
    const nodes = consortium();
    const representations = [
      { __typename: "Participant", id: "zcu:participant:b1" },
      { __typename: "Participant", id: "hst:participant:a1" },
      { __typename: "Participant", id: "hst:participant:a2" },
    ];
    const body = await routeEntities(nodes, { query: QUERY, variables: { representations } }, AUTH);
    expect(body.data!._entities).toEqual([
      { id: "zcu:participant:b1", displayName: "Jana Nováková" },
      { id: "hst:participant:a1", displayName: "Anna Becker" },
      { id: "hst:participant:a2", displayName: null },
    ]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ path: ["_entities", 2, "displayName"], extensions: { code: "NOT_DISCLOSED", node: "hst" } });
  });

  it("keeps other nodes' entities when one node is down and names it at each of its positions", async () => {
    const nodes = consortium();
    nodes.down.add("hst");
    const representations = [
      { __typename: "Participant", id: "hst:participant:a1" },
      { __typename: "Participant", id: "zcu:participant:b1" },
      { __typename: "Event", id: "hst:event:e1" },
    ];
    const body = await routeEntities(nodes, { query: QUERY, variables: { representations } }, AUTH);
    expect(body.data!._entities).toEqual([null, { id: "zcu:participant:b1", displayName: "Jana Nováková" }, null]);
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ["_entities", 0], extensions: { code: "NODE_UNAVAILABLE", node: "hst" } }),
      expect.objectContaining({ path: ["_entities", 2], extensions: { code: "NODE_UNAVAILABLE", node: "hst" } }),
    ]);
  });

  it("splits a node's representations into calls of at most the configured size, keeping the order", async () => {
    const nodes = new FakeNodes({
      hst: { participants: Array.from({ length: 7 }, (_, i) => ({ id: `hst:participant:p${i}`, displayName: `Person ${i}` })), events: [] },
    });
    const representations = Array.from({ length: 7 }, (_, i) => ({ __typename: "Participant", id: `hst:participant:p${6 - i}` }));
    const body = await routeEntities(nodes, { query: QUERY, variables: { representations } }, AUTH, 3);
    expect(nodes.callsTo("hst").map((call) => (call.variables.representations as unknown[]).length)).toEqual([3, 3, 1]);
    expect((body.data!._entities as { displayName: string }[]).map((entity) => entity.displayName)).toEqual(["Person 6", "Person 5", "Person 4", "Person 3", "Person 2", "Person 1", "Person 0"]);
  });

  it("answers UNKNOWN_NODE for references to nodes outside the consortium without calling anyone for them", async () => {
    const nodes = consortium();
    const representations = [
      { __typename: "Participant", id: "mars:participant:x1" },
      { __typename: "Participant", id: "zcu:participant:b1" },
      { __typename: "Participant", id: "garbage" },
    ];
    const body = await routeEntities(nodes, { query: QUERY, variables: { representations } }, AUTH);
    expect(body.data!._entities).toEqual([null, { id: "zcu:participant:b1", displayName: "Jana Nováková" }, null]);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["_entities", 0], extensions: expect.objectContaining({ code: "UNKNOWN_NODE", node: "mars" }) }),
        expect.objectContaining({ path: ["_entities", 2], extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      ]),
    );
    expect(nodes.calls.map((call) => call.node)).toEqual(["zcu"]);
  });
});
