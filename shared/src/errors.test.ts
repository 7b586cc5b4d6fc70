import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { IsEmail, Length, Matches, ValidateNested, validate } from "class-validator";
import { buildSchema, graphql, GraphQLError, locatedError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { AppError, ErrorCode, flattenValidationErrors, formatError, invalidField, isAppError, rejectNulls, variableFieldOf } from "./errors.js";

class AddressInput {
  @Matches(/^[0-9]{5}$/, { message: "must be a five-digit postcode" })
  postcode: string;
}

class SignUpInput {
  @IsEmail({}, { message: "must be an e-mail address" })
  email: string;

  @Length(2, 200)
  displayName: string;

  @ValidateNested()
  address: AddressInput;
}

/** What Apollo Server hands `formatError`: the error as JSON, a code always, a stack trace outside production. */
function formattedByApollo(error: GraphQLError, withStack: boolean): GraphQLFormattedError {
  const extensions = { ...error.extensions, code: error.extensions.code ?? "INTERNAL_SERVER_ERROR", ...(withStack ? { stacktrace: error.stack?.split("\n") } : {}) };
  return { ...error.toJSON(), extensions };
}

/** An error thrown by a resolver at `path`, as graphql-js reports it. */
function thrownAt(error: Error, path: (string | number)[] = ["signUp"]): GraphQLError {
  return locatedError(error, undefined, path);
}

async function invalidSignUp(): Promise<ArgumentValidationError> {
  const address = Object.assign(new AddressInput(), { postcode: "54-29" });
  const input = Object.assign(new SignUpInput(), { email: "anna-at-example.org", displayName: "Anna", address });
  return new ArgumentValidationError(await validate(input));
}

describe("AppError", () => {
  it("is a GraphQL error carrying its code and extensions", () => {
    const error = new AppError(ErrorCode.WRONG_NODE, "eventId: belongs to zcu", { field: "eventId", node: "zcu" });
    expect(error).toBeInstanceOf(GraphQLError);
    expect(isAppError(error)).toBe(true);
    expect(isAppError(new GraphQLError("x"))).toBe(false);
    expect(error.extensions).toEqual({ field: "eventId", node: "zcu", code: "WRONG_NODE" });
  });

  it("keeps its own code even when the extensions carry another", () => {
    expect(new AppError(ErrorCode.NOT_FOUND, "x", { code: "SOMETHING_ELSE" }).extensions.code).toBe("NOT_FOUND");
  });

  it("builds field errors naming the field and why", () => {
    expect(invalidField("input.endsAt", "must be after startsAt").extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.endsAt",
      fields: [{ field: "input.endsAt", reasons: ["must be after startsAt"] }],
    });
  });
});

describe("rejectNulls", () => {
  it("accepts omitted and given values", () => {
    expect(() => rejectNulls({ title: "Panel", capacity: undefined }, ["title", "capacity"])).not.toThrow();
  });

  it("names every field given as null, in the order asked", () => {
    let caught: AppError | undefined;
    try {
      rejectNulls({ tracks: null, title: null, location: null }, ["title", "capacity", "tracks"]);
    } catch (error) {
      caught = error as AppError;
    }
    expect(caught?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title", fields: [{ field: "input.title" }, { field: "input.tracks" }] });
    expect(caught?.message).toMatch(/input\.title: .*; input\.tracks: /);
  });
});

describe("flattenValidationErrors", () => {
  it("gives nested fields dotted paths and skips parents without constraints of their own", async () => {
    const fields = flattenValidationErrors((await invalidSignUp()).extensions.validationErrors as never);
    expect(fields).toEqual([
      { field: "email", reasons: ["must be an e-mail address"] },
      { field: "address.postcode", reasons: ["must be a five-digit postcode"] },
    ]);
  });
});

describe("formatError", () => {
  it("turns class-validator failures into BAD_USER_INPUT naming each field and why", async () => {
    const error = thrownAt(await invalidSignUp());
    const formatted = formatError(formattedByApollo(error, true), error);
    expect(formatted).toEqual({
      message: "Invalid input: email must be an e-mail address; address.postcode must be a five-digit postcode",
      path: ["signUp"],
      extensions: {
        code: "BAD_USER_INPUT",
        field: "email",
        fields: [
          { field: "email", reasons: ["must be an e-mail address"] },
          { field: "address.postcode", reasons: ["must be a five-digit postcode"] },
        ],
      },
    });
  });

  it.each([true, false])("passes known codes through; stack traces only when exposed (%s)", (exposeStack) => {
    const error = thrownAt(new AppError(ErrorCode.EVENT_IN_PAST, "eventId: the event has already started", { field: "eventId" }));
    const formatted = formatError(formattedByApollo(error, true), error, { exposeStack });
    expect(formatted.message).toBe("eventId: the event has already started");
    expect(formatted.path).toEqual(["signUp"]);
    expect(formatted.extensions).toMatchObject({ code: "EVENT_IN_PAST", field: "eventId" });
    expect("stacktrace" in formatted.extensions!).toBe(exposeStack);
  });

  it("passes GraphQL's own request errors through", () => {
    const error = new GraphQLError('Cannot query field "secret" on type "Query".', { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(formatError(formattedByApollo(error, false), error)).toMatchObject({ message: error.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
  });

  it.each([
    ["a plain Error", new Error('password authentication failed for user "tandem" at db.internal:5432')],
    ["a driver error", Object.assign(new Error('duplicate key value violates unique constraint "participants_email_unique"'), { code: "23505" })],
    ["a GraphQLError without a code", new GraphQLError("Cannot read /srv/tandem/secrets.json")],
    ["an unknown code", new GraphQLError("upstream said: token for alice@example.org expired", { extensions: { code: "UNAUTHENTICATED_UPSTREAM" } })],
  ])("masks %s as INTERNAL_SERVER_ERROR without leaking its message, in development too", (_, original) => {
    for (const exposeStack of [true, false]) {
      const error = thrownAt(original, ["participant", "email"]);
      const masked: unknown[] = [];
      const formatted = formatError(formattedByApollo(error, exposeStack), error, { exposeStack, onMasked: (e) => masked.push(e) });
      expect(formatted).toEqual({ message: "Internal server error", path: ["participant", "email"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
      expect(masked).toEqual([original]);
    }
  });

  it("answers a database outage as NODE_UNAVAILABLE naming the party, with nothing of the database in it", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.4.2:5432"), { code: "ECONNREFUSED", syscall: "connect" });
    const error = thrownAt(refused, ["events"]);
    const told: unknown[] = [];
    const formatted = formatError(formattedByApollo(error, true), error, { exposeStack: true, party: "hst", onUnavailable: (e) => told.push(e), onMasked: () => told.push("masked") });
    expect(formatted).toEqual({ message: "hst cannot reach its database; try again later", path: ["events"], extensions: { code: "NODE_UNAVAILABLE", node: "hst" } });
    expect(told).toEqual([refused]);
  });

  it("masks a bug as INTERNAL_SERVER_ERROR at a party too, keeping only the party an error names", () => {
    const bug = thrownAt(new TypeError("Cannot read properties of undefined (reading 'id')"), ["events"]);
    expect(formatError(formattedByApollo(bug, false), bug, { party: "hst" })).toEqual({ message: "Internal server error", path: ["events"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
    const fromNode = new GraphQLError('relation "events" does not exist', { path: ["events"], extensions: { code: "INTERNAL_SERVER_ERROR", node: "zcu", serviceName: "university" } });
    expect(formatError(formattedByApollo(fromNode, false), fromNode)).toEqual({ message: "Internal server error", path: ["events"], extensions: { code: "INTERNAL_SERVER_ERROR", node: "zcu" } });
  });

  it("masks an error it is handed already coded INTERNAL_SERVER_ERROR", () => {
    const error = new GraphQLError('relation "participants" does not exist', { extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(formatError(formattedByApollo(error, false), error).message).toBe("Internal server error");
  });
});

describe("formatError on variables graphql-js could not coerce", () => {
  const schema = buildSchema(`
    enum Kind { PANEL TRAINING }
    input EventInput { title: String! kind: Kind tags: [Kind!] }
    type Query { ok: Boolean }
    type Mutation { createEvent(id: ID!, input: EventInput!): Boolean }
  `);
  const MUTATION = "mutation($id: ID!, $input: EventInput!) { createEvent(id: $id, input: $input) }";

  it.each([
    ["an unknown enum value", { id: "x", input: { title: "t", kind: "GALA" } }, "input.kind"],
    ["an unknown enum value in a list", { id: "x", input: { title: "t", tags: ["PANEL", "GALA"] } }, "input.tags.1"],
    ["a missing required field", { id: "x", input: {} }, "input.title"],
    ["a field the type does not have", { id: "x", input: { title: "t", colour: "red" } }, "input.colour"],
    ["a missing variable", { input: { title: "t" } }, "id"],
    ["null for a non-null variable", { id: null, input: { title: "t" } }, "id"],
  ])("names the field of %s", async (_what, variableValues, field) => {
    const { errors } = await graphql({ schema, source: MUTATION, variableValues });
    const error = new GraphQLError(errors![0]!.message, { extensions: { code: "BAD_USER_INPUT" } });
    expect(formatError(formattedByApollo(error, false), error).extensions).toEqual({ code: "BAD_USER_INPUT", field });
  });

  it("leaves other messages and a field already named alone", () => {
    expect(variableFieldOf("input.title: must not contain control characters")).toBeNull();
    const named = new GraphQLError('Variable "$input" got invalid value 1 at "input.kind"; …', { extensions: { code: "BAD_USER_INPUT", field: "input.title" } });
    expect(formatError(formattedByApollo(named, false), named).extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.title" });
  });
});
