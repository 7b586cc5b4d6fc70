import { describe, expect, it } from "vitest";
import { parse, print } from "graphql";
import { collectFields, parseOperation } from "../documents/operation.js";
import { nodeOperation } from "./node-operations.js";

const QUERY = `query Page($first: Int!, $after: String, $tandemAfter0: String, $id: ID!) {
  events(first: $first, after: $after) { edges { node { id title } } }
  participant(id: $id) { id }
  other: participant(id: $tandemAfter0) { id }
}`;

describe("the operation a node receives", () => {
  const parsed = parseOperation(QUERY);
  const variables = { first: 20, after: "client-cursor", id: "hst:participant:1", tandemAfter0: "hst:participant:2" };
  const [events, participant] = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);

  it("is one text for every node of a fan-out, the node's own position travelling as a variable", () => {
    const atHst = nodeOperation(parsed, [{ field: events!, after: "hst-position" }, { field: participant! }], variables);
    const atZcu = nodeOperation(parsed, [{ field: events!, after: null }], variables);
    const atUl = nodeOperation(parsed, [{ field: events!, after: "ul-position" }], variables);
    expect(atZcu.query).toBe(atUl.query);
    expect(atHst.query).not.toBe(atZcu.query);
    expect(atZcu.query).toContain("events(first: $first, after: $_tandemAfter0)");
    expect(atZcu.query).toMatch(/query Page\(\$first: Int!, \$_tandemAfter0: String\)/);
    expect(atZcu.variables).toEqual({ first: 20, _tandemAfter0: null });
    expect(atUl.variables).toEqual({ first: 20, _tandemAfter0: "ul-position" });
    // the client's own `after` and its variable named like ours reach nobody: they were not used
    expect(atHst.variables).toEqual({ first: 20, id: "hst:participant:1", _tandemAfter0: "hst-position" });
  });

  it("is the same text for the next request of the same shape, whatever its variables", () => {
    const first = nodeOperation(parsed, [{ field: participant! }], variables);
    const again = collectFields(parsed.operation.selectionSet, parsed.fragments, { ...variables, id: "hst:participant:9" });
    const second = nodeOperation(parsed, [{ field: again[1]! }], { ...variables, id: "hst:participant:9" });
    expect(second.query).toBe(first.query);
    expect(second.variables).toEqual({ id: "hst:participant:9" });
  });

  it("keeps the operation name and type and only the variables and fragments the fields use", () => {
    const parsed = parseOperation(`query Overview($id: ID!, $other: ID!, $with: Boolean = true) {
      a: participant(id: $id) { ...P @include(if: $with) }
      b: event(id: $other) { ...E }
    }
    fragment P on Participant { id ...Q }
    fragment Q on Participant { displayName }
    fragment E on Event { title }`);
    const [a] = collectFields(parsed.operation.selectionSet, parsed.fragments, { with: true });
    const sub = nodeOperation(parsed, [{ field: a! }], { id: "hst:participant:1", other: "zcu:event:2", with: true });
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
