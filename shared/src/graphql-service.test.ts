import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { pino } from "pino";
import { AppError, ErrorCode } from "./errors.js";
import { graphqlRequest } from "./graphql-client.js";
import { startGraphQLService, type RunningService } from "./graphql-service.js";

const SECRET = "password authentication failed for user tandem_admin";

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      hello: { type: GraphQLString, resolve: () => "hello" },
      missing: {
        type: GraphQLString,
        resolve: () => {
          throw new AppError(ErrorCode.NOT_FOUND, "id: no participant hst:participant:1", { field: "id" });
        },
      },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error(SECRET);
        },
      },
      uncoded: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError(SECRET);
        },
      },
    },
  }),
});

/** A service on a free port whose log lines are kept for inspection. */
async function startService(production: boolean, etag?: boolean) {
  const lines: Record<string, any>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const service = await startGraphQLService({ name: "test", schema, logger, port: 0, production, context: async () => ({}), ...(etag === undefined ? {} : { etag }) });
  return { service, lines };
}

describe.each([true, false])("a GraphQL service (production: %s)", (production) => {
  let service: RunningService;
  let lines: Record<string, any>[];
  beforeAll(async () => {
    ({ service, lines } = await startService(production));
  });
  afterAll(() => service.stop());

  it("answers queries", async () => {
    expect(await graphqlRequest(service.url, "{ hello }")).toEqual({ status: 200, data: { hello: "hello" } });
  });

  it("passes known errors through with their code and field, stack traces only outside production", async () => {
    const result = await graphqlRequest(service.url, "{ hello missing }");
    expect(result.data).toEqual({ hello: "hello", missing: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ message: "id: no participant hst:participant:1", path: ["missing"], extensions: { code: "NOT_FOUND", field: "id" } });
    expect("stacktrace" in result.errors![0]!.extensions!).toBe(!production);
  });

  it("masks unexpected errors, keeps their path, and logs what it masked", async () => {
    const result = await graphqlRequest(service.url, "{ hello broken uncoded }");
    expect(result.data).toEqual({ hello: "hello", broken: null, uncoded: null });
    expect(result.errors).toEqual([
      { message: "Internal server error", path: ["broken"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      { message: "Internal server error", path: ["uncoded"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
    expect(JSON.stringify(result)).not.toContain("tandem_admin");
    const logged = lines.filter((line) => line.err?.message === SECRET);
    expect(logged).toHaveLength(2);
  });

  it("reports GraphQL validation errors as such", async () => {
    const result = await graphqlRequest(service.url, "{ nope }");
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses malformed and oversized bodies with GraphQL-shaped errors", async () => {
    const post = (body: string) => fetch(service.url, { method: "POST", headers: { "content-type": "application/json" }, body });
    const malformed = await post("{ not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ message: "Malformed request body", extensions: { code: "BAD_REQUEST" } }] });
    const oversized = await post(JSON.stringify({ query: `{ hello } # ${"x".repeat(1_100_000)}` }));
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toEqual({ errors: [{ message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it("echoes a well-formed x-request-id and makes one up otherwise", async () => {
    const send = (id?: string) => fetch(service.url, { method: "POST", headers: { "content-type": "application/json", ...(id ? { "x-request-id": id } : {}) }, body: '{"query":"{ hello }"}' });
    expect((await send("req-42.a:b")).headers.get("x-request-id")).toBe("req-42.a:b");
    for (const response of [await send(), await send("no spaces allowed")]) {
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("ETags of a GraphQL service's answers", () => {
  const ask = (url: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ hello }"}' });

  it("are sent by default, and not at all when turned off (a party's answers: no hash of every answer)", async () => {
    const { service: withTags } = await startService(true);
    const { service: without } = await startService(true, false);
    try {
      expect((await ask(withTags.url)).headers.get("etag")).toMatch(/^W\//);
      const answer = await ask(without.url);
      expect(answer.headers.get("etag")).toBeNull();
      expect(await answer.json()).toEqual({ data: { hello: "hello" } });
    } finally {
      await withTags.stop();
      await without.stop();
    }
  });
});
