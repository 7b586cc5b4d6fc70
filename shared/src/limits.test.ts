import { describe, expect, it } from "vitest";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { countRepresentations } from "./limits.js";

const operation = (query: string) => parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

describe("counting representations", () => {
  it("counts them whatever the variable is called, inline, or across several _entities fields", () => {
    expect(countRepresentations(operation(`query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`), { r: [1, 2, 3] })).toBe(3);
    expect(countRepresentations(operation(`{ _entities(representations: [{ __typename: "A", id: "1" }, { __typename: "A", id: "2" }]) { __typename } }`), {})).toBe(2);
    expect(
      countRepresentations(operation(`query($a: [_Any!]!, $b: [_Any!]!) { x: _entities(representations: $a) { __typename } y: _entities(representations: $b) { __typename } }`), { a: [1, 2], b: [3] }),
    ).toBe(3);
    expect(countRepresentations(operation(`{ events { totalCount } }`), {})).toBe(0);
  });
});
