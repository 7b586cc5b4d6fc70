import { describe, expect, it } from "vitest";
import { parse, print } from "graphql";
import { buildSubOperation, collectFields, parseOperation } from "./operation.js";

describe("collectFields", () => {
  it("spreads named and inline fragments, applies @skip/@include and groups fields by response key", () => {
    const parsed = parseOperation(`query($on: Boolean!) {
      a: participant(id: "x") { id }
      ...More
      ... @include(if: $on) { c: event(id: "z") { id } }
      ... @skip(if: $on) { d: event(id: "w") { id } }
    }
    fragment More on Query { a: participant(id: "x") { displayName } b: event(id: "y") { title } ...More }`);
    const fields = collectFields(parsed.operation.selectionSet, parsed.fragments, { on: true });
    expect(fields.map((field) => [field.responseKey, field.name, field.nodes.length])).toEqual([
      ["a", "participant", 2],
      ["b", "event", 1],
      ["c", "event", 1],
    ]);
  });
});

describe("buildSubOperation", () => {
  it("keeps the operation name and type and only the variables and fragments the fields use", () => {
    const parsed = parseOperation(`query Overview($id: ID!, $other: ID!, $with: Boolean = true) {
      a: participant(id: $id) { ...P @include(if: $with) }
      b: event(id: $other) { ...E }
    }
    fragment P on Participant { id ...Q }
    fragment Q on Participant { displayName }
    fragment E on Event { title }`);
    const [a] = collectFields(parsed.operation.selectionSet, parsed.fragments, { with: true });
    const sub = buildSubOperation(parsed, a!.nodes, { id: "hst:participant:1", other: "zcu:event:2", with: true });
    expect(sub.variables).toEqual({ id: "hst:participant:1", with: true });
    expect(print(parse(sub.query))).toBe(
      print(
        parse(`query Overview($id: ID!, $with: Boolean = true) { a: participant(id: $id) { ...P @include(if: $with) } }
        fragment P on Participant { id ...Q }
        fragment Q on Participant { displayName }`),
      ),
    );
  });
});
