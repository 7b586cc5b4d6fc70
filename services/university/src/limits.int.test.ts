/**
 * Hardening at the node, behind the gateway's own: each operation limit
 * (set small through the environment) lets a request at the limit pass and
 * refuses one above it with its code; production refuses introspection;
 * no error suggests field names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestNode, type TestNode } from "../test/test-node.js";

const LIMITS = { MAX_DEPTH: "4", MAX_ALIASES: "3", MAX_TOKENS: "40", MAX_COST: "32", MAX_DIRECTIVES: "2", MAX_REPRESENTATIONS: "3", MAX_BODY_BYTES: "1500" };
const MISSING = "hst:participant:00000000-0000-4000-8000-000000000000";
/** The gateway's own variable name: the shared limit counts `$representations`. */
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }`;

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: events { totalCount }`).join(" ")} }`;
/** 12 + n tokens, cheap: the node list is an argument. */
const tokens = (n: number) =>
  `{ events(nodes: [${Array(n - 12)
    .fill('"hst"')
    .join(" ")}]) { totalCount } }`;
/** Costs 2 + 1.5 per scalar. */
const cost = (scalars: number) => `{ events { ${Array(scalars).fill("totalCount").join(" ")} } }`;

describe("operation limits at a node", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst", { env: LIMITS });
  });
  afterAll(() => node.stop());

  const codesOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((error) => error.extensions?.code);

  it.each([
    ["depth", "{ events { edges { node { id } } } }", "{ events { edges { node { host { id } } } } }", "QUERY_TOO_DEEP"],
    ["aliases", aliases(3), aliases(4), "TOO_MANY_ALIASES"],
    ["tokens", tokens(40), tokens(41), "TOO_MANY_TOKENS"],
    ["cost", cost(20), cost(21), "QUERY_TOO_COSTLY"],
    [
      "directives",
      "{ events { totalCount @include(if: true) edges { cursor @skip(if: false) } } }",
      "{ events { totalCount @include(if: true) edges { cursor @skip(if: false) } pageInfo { hasNextPage @include(if: true) } } }",
      "TOO_MANY_DIRECTIVES",
    ],
  ])("%s: passes at the limit, refuses one above with its code", async (_limit, atLimit, overLimit, code) => {
    const passing = await node.query(atLimit);
    expect(passing.errors).toBeUndefined();
    expect(passing.data).toBeTruthy();
    const refused = await node.query(overLimit);
    expect(refused.data ?? null).toBeNull();
    expect(codesOf(refused)).toEqual([code]);
  });

  it("representations: passes at the limit, refuses one above with its code", async () => {
    const representations = (n: number) => Array.from({ length: n }, () => ({ __typename: "Participant", id: MISSING }));
    expect((await node.query(ENTITIES, { representations: representations(3) })).data).toEqual({ _entities: [null, null, null] });
    const refused = await node.query(ENTITIES, { representations: representations(4) });
    expect(refused.status).toBe(400);
    expect(codesOf(refused)).toEqual(["TOO_MANY_REPRESENTATIONS"]);
  });

  it("representations: counts them whatever the variable is called, or written inline", async () => {
    const renamed = await node.query(`query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: Array(4).fill({ __typename: "Participant", id: MISSING }) });
    expect(codesOf(renamed)).toEqual(["TOO_MANY_REPRESENTATIONS"]);
    const inline = await node.query(`{ _entities(representations: [{} {} {} {}]) { __typename } }`);
    expect(codesOf(inline)).toEqual(["TOO_MANY_REPRESENTATIONS"]);
  });

  it("body size: passes at the limit, refuses one byte more with PAYLOAD_TOO_LARGE", async () => {
    const padded = (bytes: number) => {
      const base = "{ events { totalCount } }";
      return base + " ".repeat(bytes - JSON.stringify({ query: base, variables: {} }).length);
    };
    const atLimit = await node.query(padded(1500));
    expect(atLimit.errors).toBeUndefined();
    const refused = await node.query(padded(1501));
    expect(refused.status).toBe(413);
    expect(codesOf(refused)).toEqual(["PAYLOAD_TOO_LARGE"]);
  });

  it("allows introspection outside production", async () => {
    expect((await node.query("{ __schema { queryType { name } } }")).data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("refuses batched HTTP requests", async () => {
    const response = await fetch(node.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await node.token()}` },
      body: JSON.stringify([{ query: "{ events { totalCount } }" }, { query: "{ events { totalCount } }" }]),
    });
    expect(response.status).toBe(400);
  });
});

describe("a node in production", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst", { env: { NODE_ENV: "production" } });
  });
  afterAll(() => node.stop());

  it.each(["{ __schema { queryType { name } } }", `{ __type(name: "Participant") { fields { name } } }`])("refuses introspection: %s", async (query) => {
    const result = await node.query(query);
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection/i), extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
  });

  it("still answers the gateway's schema check", async () => {
    expect((await node.query("{ _service { sdl } }")).data!._service.sdl).toContain("type Participant");
  });

  it("sends no stack trace with an error", async () => {
    const result = await node.query(`{ participant(id: "not-an-id") { id } }`);
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "id" });
  });
});

describe.each([
  ["development", {}],
  ["production", { NODE_ENV: "production" }],
])("error messages in %s", (_mode, env) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst", { env });
  });
  afterAll(() => node.stop());

  it.each(["{ events { totalCont } }", '{ event(idd: "x") { id } }', "{ evnts { totalCount } }", `{ participant(id: "${MISSING}") { displayNam } }`])("suggest no names: %s", async (query) => {
    const result = await node.query(query);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(result.errors)).not.toMatch(/did you mean/i);
  });
});
