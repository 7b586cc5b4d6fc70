import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCoordination, TEST_REGISTRY, type TestCoordination } from "../../../test/test-coordination.js";

describe("consortium at the coordination subgraph", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  it("serves the consortium and its nodes from the registry", async () => {
    const result = await service.query(`{ consortium { id name nodes { id name shortName country city timeZone } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.consortium).toEqual({
      id: "test",
      name: "Test consortium",
      nodes: TEST_REGISTRY.nodes.map(({ url: _url, ...node }) => node),
    });
  });

  it("resolves ConsortiumNode references through _entities, null for unknown nodes", async () => {
    const result = await service.query(`query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ConsortiumNode { id name country } } }`, {
      representations: [
        { __typename: "ConsortiumNode", id: "zcu" },
        { __typename: "ConsortiumNode", id: "nowhere" },
        { __typename: "ConsortiumNode", id: "hst" },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([{ id: "zcu", name: "University of West Bohemia", country: "CZ" }, null, { id: "hst", name: "Hochschule Trier", country: "DE" }]);
  });

  it("exposes /health and /metrics beside /graphql", async () => {
    const base = service.url.replace(/\/graphql$/, "");
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", coordination: "coord" });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain("tandem_sql_statements_total");
  });

  it("does not count /health's database check as SQL statements (the gateway probes it every few seconds)", async () => {
    const base = service.url.replace(/\/graphql$/, "");
    const before = service.coordination.database.statements.total;
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(service.coordination.database.statements.total).toBe(before);
  });

  it("reports its SDL with ConsortiumNode as a resolvable entity and Participant as a stub", async () => {
    const result = await service.query(`{ _service { sdl } }`);
    const sdl: string = result.data!._service.sdl;
    expect(sdl).toMatch(/type ConsortiumNode\s+@key\(fields: "id"\)\s*\{/);
    expect(sdl).toMatch(/type Participant\s+@key\(fields: "id", resolvable: false\)\s*\{\s*id: ID!\s*\}/);
    expect(sdl).not.toMatch(/type ConsortiumNode[^}]*\bstatus\b/);
  });
});
