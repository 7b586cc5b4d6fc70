import { describe, expect, it } from "vitest";
import { loadRegistry, parseRegistry } from "@tandem/shared";
import { repoPaths } from "../paths.js";
import { syntheticNodeId, withSyntheticNodes } from "./bench-registry.js";

describe("the scaling series' registry", () => {
  it("keeps the real nodes first and adds valid synthetic ones", () => {
    const committed = loadRegistry(repoPaths.registry);
    const registry = parseRegistry(withSyntheticNodes(committed, 35));
    expect(registry.nodes).toHaveLength(committed.nodes.length + 35);
    expect(registry.nodes.slice(0, committed.nodes.length)).toEqual(committed.nodes);
    expect(registry.nodes.at(-1)!.id).toBe(syntheticNodeId(34));
    expect(syntheticNodeId(34)).toBe("syn35");
  });
});
