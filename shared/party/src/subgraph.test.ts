import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { graphql } from "graphql";
import { Length } from "class-validator";
import { Arg, Field, ID, InputType, Int, Mutation, Query, Resolver } from "type-graphql";
import { AppError } from "@tandem/shared";
import { buildSubgraph } from "./subgraph.js";

@InputType()
class TagInput {
  @Field(() => String)
  @Length(2, 20)
  label: string;
}

@InputType()
class NoteInput {
  @Field(() => String)
  @Length(3, 200)
  title: string;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => [String], { defaultValue: [] })
  keywords: string[];

  @Field(() => [TagInput], { defaultValue: [] })
  tags: TagInput[];
}

/** What a resolver received, to show normalisation happened before it. */
const received: unknown[] = [];

@Resolver()
class NoteResolver {
  @Query(() => Boolean)
  ok(): boolean {
    return true;
  }

  @Mutation(() => String)
  saveNote(@Arg("id", () => ID) id: string, @Arg("input", () => NoteInput) input: NoteInput, @Arg("reason", () => String, { nullable: true }) reason?: string | null): string {
    received.push({ id, input: { ...input, tags: input.tags.map((tag) => ({ ...tag })) }, reason });
    return input.title;
  }

  @Mutation(() => Int)
  count(@Arg("n", () => Int) n: number): number {
    return n;
  }
}

const { schema } = await buildSubgraph({ resolvers: [NoteResolver] });
const SAVE = "mutation($id: ID!, $input: NoteInput!, $reason: String) { saveNote(id: $id, input: $input, reason: $reason) }";

async function save(variableValues: Record<string, unknown>) {
  received.length = 0;
  return graphql({ schema, source: SAVE, variableValues });
}

describe("every text argument of a subgraph, as resolvers and validation see it", () => {
  it("is normalised before the resolver, however deep", async () => {
    const result = await save({ id: " hst:note:1 ", input: { title: "  Cafe\u0301 club ", body: " text ", keywords: [" a ", "b "], tags: [{ label: " Re\u0301sume\u0301 " }] }, reason: "  why " });
    expect(result.errors).toBeUndefined();
    expect(received).toEqual([{ id: "hst:note:1", input: { title: "Caf\u00E9 club", body: "text", keywords: ["a", "b"], tags: [{ label: "R\u00E9sum\u00E9" }] }, reason: "why" }]);
  });

  it("is validated after normalisation: spaces do not count towards a minimum", async () => {
    for (const title of ["   ", " ab "]) {
      const result = await save({ id: "n", input: { title } });
      expect(result.errors?.[0]?.originalError).toMatchObject({ extensions: { validationErrors: [expect.objectContaining({ property: "title" })] } });
      expect(received).toEqual([]);
    }
  });

  it.each([
    ["an argument", { id: "n\u0000", input: { title: "Title" } }, "id"],
    ["a scalar argument", { id: "n", input: { title: "Title" }, reason: "\u0000" }, "reason"],
    ["an input field", { id: "n", input: { title: "Ti\u0000tle" } }, "input.title"],
    ["an optional input field", { id: "n", input: { title: "Title", body: "x\u0000" } }, "input.body"],
    ["a list item", { id: "n", input: { title: "Title", keywords: ["ok", "n\u0000o"] } }, "input.keywords.1"],
    ["a field of a list item", { id: "n", input: { title: "Title", tags: [{ label: "ok" }, { label: "\u0000" }] } }, "input.tags.1.label"],
  ])("refuses a control character in %s, naming it, before the resolver", async (_what, variables, field) => {
    const result = await save(variables);
    const error = result.errors?.[0]?.originalError;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions).toEqual({ code: "BAD_USER_INPUT", field, fields: [{ field, reasons: ["must not contain control characters (found U+0000)"] }] });
    expect(received).toEqual([]);
  });

  it("names every faulty field at once", async () => {
    const result = await save({ id: "n\u0001", input: { title: "a\u0000bc", keywords: ["\uDC00"] } });
    const fields = ((result.errors?.[0]?.originalError as AppError).extensions.fields as { field: string }[]).map((entry) => entry.field);
    expect(fields.sort()).toEqual(["id", "input.keywords.0", "input.title"]);
  });

  it("leaves fields without text arguments alone", async () => {
    expect((await graphql({ schema, source: "mutation { count(n: 3) }" })).data).toEqual({ count: 3 });
  });
});
