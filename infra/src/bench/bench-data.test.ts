import { parse, validate, buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { batchDocument, interleave, pairUp } from "./bench-data.js";

describe("the benchmark's bulk path through the API", () => {
  it("writes one aliased call per item, each with its own variable, sharing the rest", () => {
    const document = batchDocument("createParticipant", "input", "CreateParticipantInput!", 2, { node: "String!" });
    expect(document).toBe(
      "mutation Bench_createParticipant($node: String!, $a0: CreateParticipantInput!, $a1: CreateParticipantInput!) { m0: createParticipant(node: $node, input: $a0) { id } m1: createParticipant(node: $node, input: $a1) { id } }",
    );
    const schema = buildSchema(
      `type Query { x: Int } input CreateParticipantInput { name: String } type P { id: ID! } type Mutation { createParticipant(node: String!, input: CreateParticipantInput!): P! }`,
    );
    expect(validate(schema, parse(document))).toEqual([]);
  });

  it("pairs mentees with mentors in order, refusing too few mentors", () => {
    expect(pairUp(["a", "b"], ["x", "y", "z"])).toEqual([
      { mentee: "a", mentor: "x" },
      { mentee: "b", mentor: "y" },
    ]);
    expect(() => pairUp(["a", "b"], ["x"])).toThrow(/2 mentees need as many mentors/);
  });

  it("interleaves lists of different lengths", () => {
    expect(interleave([["a1", "a2", "a3"], ["b1"], ["c1", "c2"]])).toEqual(["a1", "b1", "c1", "a2", "c2", "a3"]);
  });
});
