import { describe, expect, it } from "vitest";
import { collectFields, parseOperation } from "./operation.js";

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
