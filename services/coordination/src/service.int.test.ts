import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaFingerprint } from "@tandem/shared";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";

describe("the coordination service around its subgraph", () => {
  let service: TestCoordination;
  beforeAll(async () => {
    service = await startTestCoordination();
  });
  afterAll(() => service.stop());

  it("exposes /health and /metrics beside /graphql", async () => {
    const base = service.url.replace(/\/graphql$/, "");
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    // with the fingerprint of the schema it serves: the composed one (the gateway compares it, reading no SDL)
    expect(await health.json()).toEqual({
      status: "ok",
      service: "coordination",
      coordination: "coord",
      schema: schemaFingerprint(readFileSync(new URL("../../../infra/supergraph/coordination.graphql", import.meta.url), "utf8")),
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain("tandem_sql_statements_total");
  });

  it("does not count /health's database check as SQL statements (the gateway probes it every few seconds)", async () => {
    const base = service.url.replace(/\/graphql$/, "");
    const before = service.coordination.database.statements.total;
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(service.coordination.database.statements.total).toBe(before);
  });

  it("reports its SDL with ConsortiumNode and Participant as stubs (the gateway serves nodes from the registry)", async () => {
    const result = await service.query(`{ _service { sdl } }`);
    const sdl: string = result.data!._service.sdl;
    expect(sdl).toMatch(/type ConsortiumNode\s+@key\(fields: "id", resolvable: false\)\s*\{\s*"""[^"]*"""\s*id: ID!\s*\}/);
    expect(sdl).not.toMatch(/\bconsortium\s*:/);
    expect(sdl).toMatch(/type Participant\s+@key\(fields: "id", resolvable: false\)\s*\{\s*id: ID!\s*\}/);
    expect(sdl).not.toMatch(/type ConsortiumNode[^}]*\bstatus\b/);
  });
});
