/**
 * Operation limits at the coordination office, each tested at its limit
 * (passes) and one above (refused with its own code), with small limits set
 * through the environment; production mode refuses introspection.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";

const NO_COHORT = "coord:cohort:00000000-0000-4000-8000-000000000000";

function codesOf(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

describe("operation limits (structure, representations, body size)", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination({
      env: { MAX_DEPTH: "3", MAX_ALIASES: "2", MAX_DIRECTIVES: "2", MAX_TOKENS: "30", MAX_REPRESENTATIONS: "3", MAX_BODY_BYTES: "2048", MAX_COST: "100000" },
    });
  });
  afterAll(() => service.stop());

  async function atAndAbove(atLimit: string, aboveLimit: string, code: string, limit: number, variables: Record<string, unknown>[] = [{}, {}]) {
    const passing = await service.query(atLimit, variables[0]);
    expect(passing.errors).toBeUndefined();
    const refused = await service.query(aboveLimit, variables[1]);
    expect(codesOf(refused)).toEqual([code]);
    expect(refused.errors![0]!.extensions!.limit).toBe(limit);
    expect(refused.data ?? null).toBeNull();
  }

  it("limits depth (QUERY_TOO_DEEP)", async () => {
    await atAndAbove(`{ cohort(id: "${NO_COHORT}") { programme { id } } }`, `{ cohort(id: "${NO_COHORT}") { programme { cohorts { id } } } }`, "QUERY_TOO_DEEP", 3);
  });

  it("limits aliases (TOO_MANY_ALIASES)", async () => {
    await atAndAbove(`{ a: programmes { id } b: programmes { id } }`, `{ a: programmes { id } b: programmes { id } c: programmes { id } }`, "TOO_MANY_ALIASES", 2);
  });

  it("limits directives (TOO_MANY_DIRECTIVES)", async () => {
    await atAndAbove(`{ programmes @include(if: true) { id @skip(if: false) } }`, `{ programmes @include(if: true) { id @skip(if: false) name @skip(if: false) } }`, "TOO_MANY_DIRECTIVES", 2);
  });

  it("limits tokens (TOO_MANY_TOKENS)", async () => {
    const withNames = (count: number) => `{ programmes { id ${"name ".repeat(count)}} }`;
    await atAndAbove(withNames(24), withNames(25), "TOO_MANY_TOKENS", 30);
  });

  it("limits representations per _entities call (TOO_MANY_REPRESENTATIONS)", async () => {
    // The variable is named as the gateway's query planner names it.
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Programme { id } } }`;
    const nodes = (count: number) => ({ representations: Array.from({ length: count }, (_, i) => ({ __typename: "Programme", id: `coord:programme:00000000-0000-4000-8000-00000000000${i}` })) });
    await atAndAbove(query, query, "TOO_MANY_REPRESENTATIONS", 3, [nodes(3), nodes(4)]);
  });

  it("limits the request body (PAYLOAD_TOO_LARGE), counted in bytes", async () => {
    const bodyOf = (bytes: number) => {
      const head = `{"query":"{ programmes { id } }"`;
      return `${head}${" ".repeat(bytes - head.length - 1)}}`;
    };
    expect(Buffer.byteLength(bodyOf(2048))).toBe(2048);
    const atLimit = await service.post(bodyOf(2048), { authorization: `Bearer ${await service.token()}` });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.data.programmes).toEqual(expect.any(Array));
    const above = await service.post(bodyOf(2049), { authorization: `Bearer ${await service.token()}` });
    expect(above.status).toBe(413);
    expect(above.body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers introspection outside production and never suggests field names", async () => {
    const schema = await service.query(`{ __schema { queryType { name } } }`);
    expect(schema.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const typo = await service.query(`{ programmez { id } }`);
    expect(codesOf(typo)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(typo.errors![0]!.message).not.toMatch(/did you mean/i);
  });
});

describe("operation limits (cost) and production mode", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination({ env: { MAX_COST: "7", NODE_ENV: "production" } });
  });
  afterAll(() => service.stop());

  it("limits cost (QUERY_TOO_COSTLY): 2 per object, 1 per scalar, ×1.5 per level", async () => {
    const atLimit = await service.query(`{ a: programmes { id } b: programmes { id } }`);
    expect(atLimit.errors).toBeUndefined();
    const above = await service.query(`{ a: programmes { id } b: programmes { id name } }`);
    expect(codesOf(above)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(above.errors![0]!.extensions!.limit).toBe(7);
  });

  it("refuses introspection in production, without stack traces", async () => {
    for (const query of [`{ __schema { queryType { name } } }`, `{ __type(name: "Tandem") { name } }`]) {
      const result = await service.query(query);
      expect(codesOf(result)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(result.errors![0]!.message).toMatch(/introspection/i);
    }
    const failing = await service.query(`{ tandem(id: "nonsense") { id } }`);
    expect(codesOf(failing)).toEqual(["BAD_USER_INPUT"]);
    expect(failing.errors![0]!.extensions).not.toHaveProperty("stacktrace");
    expect((await service.query(`{ _service { sdl } }`)).data!._service.sdl).toContain("type Tandem");
  });
});
