import { describe, expect, it } from "vitest";
import { parse, print } from "graphql";
import { collectFields, parseOperation } from "../documents/operation.js";
import { planSelection, SelectionQueries, selectionVariables } from "./selection.js";

function selectionOf(document: string, variables: Record<string, unknown> = {}): SelectionQueries {
  const parsed = parseOperation(document);
  const [root] = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
  return new SelectionQueries(planSelection(root!, parsed, variables), parsed, variables);
}

describe("a subscription's selection", () => {
  it("resolves a change's entities with the client's own selection, variables and fragments", () => {
    const selection = selectionOf(
      `subscription($with: Boolean!) { eventRegistrations(eventId: "hst:event:1") { cursor change e: event { ...E } registration { status participant @include(if: $with) { displayName } } } }
      fragment E on Event { title seatsLeft }`,
      { with: true },
    );
    expect(selection.plan.scalars.map((scalar) => scalar.name)).toEqual(["cursor", "change"]);
    const prepared = selection.prepare({ eventId: "hst:event:1", registrationId: "zcu:registration:2" })!;
    expect(print(parse(prepared.query))).toBe(
      print(
        parse(`query LiveUpdate($__eventId: ID!, $__registrationId: ID!, $with: Boolean!) {
          e: event(id: $__eventId) { ...E }
          registration: registration(id: $__registrationId) { status participant @include(if: $with) { displayName } }
        }
        fragment E on Event { title seatsLeft }`),
      ),
    );
    expect(prepared.variables).toEqual({ with: true, __eventId: "hst:event:1", __registrationId: "zcu:registration:2" });
    expect(JSON.parse(prepared.variablesKey)).toEqual(prepared.variables);
  });

  it("builds each query once per set of references a change carries, and none without any", () => {
    const selection = selectionOf(`subscription { eventRegistrations(eventId: "hst:event:1") { cursor event { title } registration { status } } }`);
    const both = selection.queryFor({ eventId: "hst:event:1", registrationId: "hst:registration:1" });
    expect(selection.queryFor({ eventId: "hst:event:9", registrationId: "hst:registration:9" })).toBe(both);
    const eventOnly = selection.queryFor({ eventId: "hst:event:1" });
    expect(eventOnly).not.toBe(both);
    expect(eventOnly!.refs).toEqual(["eventId"]);
    expect(selection.queryFor({})).toBeNull();
    expect(selection.prepare({})).toBeNull();
  });

  it("keeps the variables the update's selection uses, not those only of the subscription's arguments", () => {
    const document = `subscription($after: String, $id: ID!, $with: Boolean!) { eventRegistrations(eventId: $id, after: $after) { cursor registration { participant @include(if: $with) { displayName } } } }`;
    const parsed = parseOperation(document);
    const forCursor = (after: string) => {
      const variables = { after, id: "hst:event:1", with: true };
      const [root] = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
      return selectionVariables(root!, parsed, variables);
    };
    expect(forCursor("l1.a")).toEqual({ with: true });
    expect(forCursor("l1.b")).toEqual(forCursor("l1.a"));
  });
});
