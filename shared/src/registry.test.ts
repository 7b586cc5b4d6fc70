import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry, parseRegistry } from "./registry.js";

const hst = { id: "hst", name: "Hochschule Trier", shortName: "HST", country: "DE", city: "Trier", timeZone: "Europe/Berlin", url: "http://127.0.0.1:4001/graphql" };
const zcu = { id: "zcu", name: "University of West Bohemia", shortName: "ZCU", country: "CZ", city: "Plzeň", timeZone: "Europe/Prague", url: "http://127.0.0.1:4002/graphql" };

function registry(overrides: Record<string, unknown> = {}) {
  return {
    consortium: { id: "greater-region", name: "Greater Region mentoring" },
    coordination: { id: "coord", name: "Joint coordination office", url: "http://127.0.0.1:4000/graphql" },
    nodes: [hst, zcu],
    ...overrides,
  };
}

function problemsOf(value: unknown): string[] {
  try {
    parseRegistry(value);
  } catch (error) {
    const message = (error as Error).message;
    expect(message.split("\n")[0]).toBe("Invalid consortium registry:");
    return message
      .split("\n")
      .slice(1)
      .map((line) => line.replace(/^ {2}- /, ""));
  }
  throw new Error("expected the registry to be refused");
}

describe("the consortium registry", () => {
  it("accepts a well-formed registry, with no published keys and the default gateway id until keys exist", () => {
    const parsed = parseRegistry(registry());
    expect(parsed).toEqual({
      ...registry(),
      nodes: [hst, zcu].map((node) => ({ ...node, jwks: { keys: [] } })),
      coordination: { ...registry().coordination, jwks: { keys: [] } },
      gateway: { id: "gateway", jwks: { keys: [] } },
    });
  });

  it("refuses a private key in the registry", () => {
    const leaked = { ...hst, jwks: { keys: [{ kty: "OKP", crv: "Ed25519", kid: "hst-1", x: "abc", d: "secret" }] } };
    expect(problemsOf(registry({ nodes: [leaked, zcu] }))[0]).toMatch(/nodes\.0\.jwks\.keys\.0.*private part/);
  });

  it("refuses two nodes with one id, naming the second", () => {
    expect(problemsOf(registry({ nodes: [hst, zcu, { ...zcu, name: "Copy" }] }))).toEqual(['nodes.2.id: duplicate id "zcu"']);
  });

  it("refuses a node with the coordination office's id", () => {
    expect(problemsOf(registry({ nodes: [hst, { ...zcu, id: "coord" }] }))).toEqual(['nodes.1.id: duplicate id "coord"']);
  });

  it.each([["de"], ["DEU"], ["D"], [""]])("refuses the country code %j", (country) => {
    expect(problemsOf(registry({ nodes: [hst, { ...zcu, country }] }))).toEqual(["nodes.1.country: ISO 3166-1 alpha-2 country code"]);
  });

  it.each([["HST"], ["h"], ["1st"], ["hst-trier"], ["averyveryverylongid"]])("refuses the node id %j", (id) => {
    expect(problemsOf(registry({ nodes: [{ ...hst, id }, zcu] }))).toEqual([expect.stringMatching(/^nodes\.0\.id: /)]);
  });

  it("reports every problem at once", () => {
    const problems = problemsOf(
      registry({
        coordination: { id: "coord", name: "", url: "not a url" },
        nodes: [
          { ...hst, country: "de", url: "trier" },
          { ...zcu, city: "" },
        ],
      }),
    );
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["coordination.name", "coordination.url", "nodes.0.country", "nodes.0.url", "nodes.1.city"].sort());
  });

  it("refuses a consortium without nodes", () => {
    expect(problemsOf(registry({ nodes: [] }))).toEqual([expect.stringMatching(/^nodes: /)]);
  });

  it("loads and validates a registry file", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-registry-test-"));
    const good = join(dir, "good.json");
    const bad = join(dir, "bad.json");
    writeFileSync(good, JSON.stringify(registry()));
    writeFileSync(bad, JSON.stringify(registry({ nodes: [hst, hst] })));
    expect(loadRegistry(good).nodes.map((node) => node.id)).toEqual(["hst", "zcu"]);
    expect(() => loadRegistry(bad)).toThrow('nodes.1.id: duplicate id "hst"');
  });
});
