import { describe, expect, it } from "vitest";
import { UNIVERSITY_SDL } from "../../test/fake-nodes.js";
import { UNIVERSITY_ROUTES, assertRoutingComplete, type RoutingTable } from "./routing-table.js";

function without(table: RoutingTable, rootType: "Query" | "Mutation", field: string): RoutingTable {
  const { [field]: _removed, ...rest } = table[rootType];
  return { ...table, [rootType]: rest };
}

describe("the routing table", () => {
  it("covers every Query and Mutation field of the university subgraph", () => {
    expect(() => assertRoutingComplete(UNIVERSITY_SDL)).not.toThrow();
  });

  it("refuses to start with NO_ROUTING_RULE when a field has no rule", () => {
    expect(() => assertRoutingComplete(UNIVERSITY_SDL, without(UNIVERSITY_ROUTES, "Mutation", "registerForEvent"))).toThrowError(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "NO_ROUTING_RULE" }), message: expect.stringContaining("Mutation.registerForEvent has no routing rule") }),
    );
  });

  it("refuses a new field added to the schema without a rule", () => {
    const sdl = `${UNIVERSITY_SDL}\nextend type Query { mentorsNearby(city: String!): [String] }`;
    expect(() => assertRoutingComplete(sdl)).toThrowError(expect.objectContaining({ message: expect.stringContaining("Query.mentorsNearby has no routing rule") }));
  });

  it("refuses fan-out mutations, missing routing arguments and non-null single-node fields", () => {
    const table: RoutingTable = {
      Query: { ...UNIVERSITY_ROUTES.Query, event: { kind: "byId", arg: "eventId" } },
      Mutation: { ...UNIVERSITY_ROUTES.Mutation, cancelEvent: { kind: "fanOutConnection", nodesArg: "nodes" } },
    };
    const sdl = `${UNIVERSITY_SDL}\nextend type Query { strict(id: ID!): String! }`;
    const strictTable = { ...table, Query: { ...table.Query, strict: { kind: "byId", arg: "id" } as const } };
    expect(() => assertRoutingComplete(sdl, strictTable)).toThrowError(
      expect.objectContaining({
        message: expect.stringMatching(
          /Query\.event: routing argument "eventId" does not exist[\s\S]*Query\.strict is routed to one node and must be nullable[\s\S]*Mutation\.cancelEvent: a mutation must go to exactly one node/,
        ),
      }),
    );
  });
});
