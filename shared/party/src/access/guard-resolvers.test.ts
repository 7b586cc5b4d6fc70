import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { graphql, type GraphQLSchema } from "graphql";
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { AccessControl, AppError, ErrorCode, isNodeCoordinatorOf, isSubject, isUser, rule, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { buildSubgraph } from "../subgraph.js";
import { startPartyService, type PartyServiceOptions } from "../party-service.js";
import { before, inside, onResult, withParent, type AccessContext, type AccessTable } from "./access-table.js";
import { WithheldFields } from "./withheld.js";

const ANNA = "hst:participant:00000000-0000-4000-8000-000000000001";
const BEN = "hst:participant:00000000-0000-4000-8000-000000000002";

@ObjectType()
@Directive(`@key(fields: "id")`)
class Note {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  author: string;
}

const notes: Note[] = [Object.assign(new Note(), { id: "hst:note:1", author: ANNA }), Object.assign(new Note(), { id: "hst:note:2", author: BEN })];
/** How often each resolver ran, to show a refused one did not. */
const ran: string[] = [];

interface TestContext extends AccessContext {
  /** Set by a test to make a resolver ask its rule (or not). */
  asks: boolean;
}

const readNotes = rule("notes.read", "signed-in people", (caller) => isUser(caller));
const manageNotes = rule("notes.manage", "coordinators of this node", (caller, _target: void, self) => isNodeCoordinatorOf(caller, self));
const ownNote = rule<{ author: string }>("note.own", "the note's author", (caller, note) => isSubject(caller, note.author));
const writeFor = rule<string>("note.writeFor", "the person themselves", (caller, author) => isSubject(caller, author));

@Resolver(() => Note)
class NoteResolver {
  @Query(() => [Note])
  notes(): Note[] {
    ran.push("notes");
    return notes;
  }

  @Query(() => Note, { nullable: true })
  note(@Arg("id", () => ID) id: string): Note | null {
    ran.push("note");
    return notes.find((note) => note.id === id) ?? null;
  }

  @Mutation(() => Note, { nullable: true })
  addNote(@Arg("node", () => String) _node: string, @Arg("author", () => ID) author: string): Note {
    ran.push("addNote");
    return Object.assign(new Note(), { id: "hst:note:3", author });
  }

  @Mutation(() => Note, { nullable: true })
  claimNote(@Arg("id", () => ID) id: string, @Ctx() ctx: TestContext): Note | null {
    ran.push("claimNote");
    const note = notes.find((candidate) => candidate.id === id) ?? null;
    if (note && ctx.asks) ctx.access.require(ownNote, note);
    return note;
  }

  @FieldResolver(() => String)
  summary(@Root() note: Note): string {
    return `by ${note.author}`;
  }

  @FieldResolver(() => String, { nullable: true })
  reviewerNotes(): string {
    ran.push("reviewerNotes");
    return "seen by coordinators";
  }
}

/** An entity with a resolvable key and no reference resolver: federation would answer it from the representation. */
@ObjectType()
@Directive(`@key(fields: "id")`)
class Label {
  @Field(() => ID)
  id: string;
}

@Resolver(() => Label)
class LabelResolver {
  @Query(() => [Label])
  labels(): Label[] {
    return [];
  }
}

const noteReference = {
  Note: {
    __resolveReference: (reference: { id: string }) => notes.find((note) => note.id === reference.id) ?? null,
  },
};

const ACCESS: AccessTable<TestContext> = {
  "Query.notes": [before(readNotes), onResult(ownNote)],
  "Query.note": onResult(ownNote, { otherwise: () => null }),
  "Mutation.addNote": before(writeFor, { addressed: "node", target: ({ args }) => args.author as string }),
  "Mutation.claimNote": [before(manageNotes), inside(ownNote)],
  "Note.summary": withParent(),
  "Note.reviewerNotes": before(manageNotes),
  "Note.__resolveReference": onResult(ownNote),
};

const build = (access: AccessTable<never>) => buildSubgraph({ resolvers: [NoteResolver], referenceResolvers: noteReference, access });

function run(schema: GraphQLSchema, caller: Caller, source: string, asks = true, withheld = new WithheldFields()) {
  const contextValue: TestContext = {
    access: new AccessControl(caller, "hst"),
    withheld,
    asks,
    assertSelf: (node) => {
      if (node !== "hst") throw new AppError(ErrorCode.WRONG_NODE, `node: this is hst, not ${node}`, { field: "node" });
    },
  };
  return graphql({ schema, source, contextValue });
}

describe("access declared per operation", () => {
  it("refuses to build a subgraph with a root field, field resolver or reference resolver that declares no access (NO_ACCESS_RULE)", async () => {
    const { "Query.note": _root, "Note.summary": _field, "Note.__resolveReference": _reference, ...incomplete } = ACCESS;
    const refusal = build({ ...incomplete, "Query.archive": before(readNotes) });
    await expect(refusal).rejects.toMatchObject({ extensions: expect.objectContaining({ code: "NO_ACCESS_RULE" }) });
    const { problems } = ((await refusal.catch((error: AppError) => error)) as AppError).extensions as { problems: string[] };
    expect(problems).toEqual([
      "Query.note has no access rule",
      "Note.summary has no access rule",
      "Note.__resolveReference has no access rule",
      "Query.archive is declared, but the subgraph has no such operation",
    ]);
    await expect(build({ ...ACCESS, "Note.summary": [] })).rejects.toThrow(/Note.summary declares no access/);
  });

  it("asks a rule for every entity the subgraph resolves, with a reference resolver or without one", async () => {
    const withLabels = (access: AccessTable<never>) => buildSubgraph({ resolvers: [NoteResolver, LabelResolver], referenceResolvers: noteReference, access });
    const refusal = await withLabels({ ...ACCESS, "Query.labels": before(readNotes) }).catch((error: AppError) => error);
    expect((refusal as AppError).extensions).toMatchObject({ code: "NO_ACCESS_RULE", problems: ["Label.__resolveReference has no access rule"] });
    await expect(withLabels({ ...ACCESS, "Query.labels": before(readNotes), "Label.__resolveReference": before(readNotes) })).rejects.toThrow(/Label.__resolveReference: no resolver to guard/);
  });

  it("checks a field resolver's rule before it runs, at the field's path", async () => {
    const { schema } = await build(ACCESS);
    ran.length = 0;
    const refused = await run(schema, as.participant(BEN), `{ notes { id reviewerNotes } }`);
    expect(refused.data).toEqual({ notes: [{ id: "hst:note:2", reviewerNotes: null }] });
    expect(refused.errors?.map((error) => [error.path, error.extensions.rule])).toEqual([[["notes", 0, "reviewerNotes"], "notes.manage"]]);
    expect(ran).toEqual(["notes"]);
  });

  it("withholds a refused field of an entity: null without an error of its own, summarised once for the answer", async () => {
    const { schema } = await build({ ...ACCESS, "Query.notes": before(readNotes), "Note.reviewerNotes": before(manageNotes, { otherwise: "withhold" }) });
    ran.length = 0;
    const withheld = new WithheldFields();
    const refused = await run(schema, as.participant(BEN), `{ notes { id reviewerNotes } }`, true, withheld);
    expect(refused).toEqual({
      data: {
        notes: [
          { id: "hst:note:1", reviewerNotes: null },
          { id: "hst:note:2", reviewerNotes: null },
        ],
      },
    });
    expect(withheld.summary("hst")).toMatchObject({
      path: ["notes", 0, "reviewerNotes"],
      extensions: { code: "NOT_DISCLOSED", rule: "notes.manage", rules: ["notes.manage"], fields: ["reviewerNotes"], withheld: 2, entities: 2 },
    });
    expect(ran).toEqual(["notes"]);
    expect(new WithheldFields().summary("hst")).toBeNull();
  });

  it("does not serve a subgraph built without an access table", async () => {
    const { schema } = await buildSubgraph({ resolvers: [NoteResolver] });
    const options = { name: "node hst", schema, database: { dataSource: { initialize: () => Promise.reject(new Error("reached the database")) } } };
    await expect(startPartyService(options as unknown as PartyServiceOptions<never>)).rejects.toMatchObject({ extensions: expect.objectContaining({ code: "NO_ACCESS_RULE" }) });
  });

  it("checks a rule before the resolver, which a refused caller never reaches", async () => {
    const { schema } = await build(ACCESS);
    ran.length = 0;
    const refused = await run(schema, as.system(), `{ notes { id } }`);
    expect(refused.errors?.[0]).toMatchObject({ message: "notes.read: only signed-in people may do this", extensions: { code: "FORBIDDEN", rule: "notes.read" } });
    expect(ran).toEqual([]);
    const wrongAuthor = await run(schema, as.participant(ANNA), `mutation { addNote(node: "hst", author: "${BEN}") { id } }`);
    expect(wrongAuthor.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "note.writeFor" });
    expect(ran).toEqual([]);
    expect((await run(schema, as.participant(ANNA), `mutation { addNote(node: "hst", author: "${ANNA}") { author summary } }`)).data).toEqual({ addNote: { author: ANNA, summary: `by ${ANNA}` } });
  });

  it("reads the argument naming the party before a rule of the party judges the caller", async () => {
    const { schema } = await build(ACCESS);
    const result = await run(schema, as.participant(ANNA), `mutation { addNote(node: "zcu", author: "${BEN}") { id } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "WRONG_NODE", field: "node" });
  });

  it("checks what the resolver found: a list filtered, an object refused or answered otherwise, in _entities alike", async () => {
    const { schema } = await build(ACCESS);
    const ben = as.participant(BEN);
    expect((await run(schema, ben, `{ notes { id } }`)).data).toEqual({ notes: [{ id: "hst:note:2" }] });
    expect(await run(schema, ben, `{ note(id: "hst:note:1") { id } }`)).toEqual({ data: { note: null } });
    const entities = await run(schema, ben, `{ _entities(representations: [{ __typename: "Note", id: "hst:note:1" }, { __typename: "Note", id: "hst:note:2" }]) { ... on Note { id } } }`);
    expect(entities.data).toEqual({ _entities: [null, { id: "hst:note:2" }] });
    expect(entities.errors?.map((error) => [error.path, error.extensions.code, error.extensions.rule])).toEqual([[["_entities", 0], "FORBIDDEN", "note.own"]]);
  });

  it("gives no answer from a resolver that did not ask the rule it declared to ask itself", async () => {
    const { schema } = await build(ACCESS);
    const coordinator = as.nodeCoordinator("hst");
    const unasked = await run(schema, coordinator, `mutation { claimNote(id: "hst:note:1") { id } }`, false);
    expect(unasked.data).toEqual({ claimNote: null });
    expect(unasked.errors?.[0]?.message).toBe("Mutation.claimNote answered without asking its declared rule note.own");
    const asked = await run(schema, coordinator, `mutation { claimNote(id: "hst:note:1") { id } }`);
    expect(asked.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "note.own" });
    expect(await run(schema, coordinator, `mutation { claimNote(id: "hst:note:9") { id } }`, false)).toEqual({ data: { claimNote: null } });
  });
});
