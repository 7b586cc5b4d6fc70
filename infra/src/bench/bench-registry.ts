/** The scaling series' registry: the committed consortium with synthetic universities beside the real five. */
import { writeFileSync } from "node:fs";
import { loadRegistry, type ConsortiumRegistry } from "@tandem/shared";
import { repoPaths } from "../paths.js";

export const syntheticNodeId = (index: number) => `syn${String(index + 1).padStart(2, "0")}`;

export function withSyntheticNodes(committed: ConsortiumRegistry, count: number): ConsortiumRegistry {
  const synthetic = Array.from({ length: count }, (_, index) => ({
    id: syntheticNodeId(index),
    name: `Synthetic University ${index + 1}`,
    shortName: `Syn ${index + 1}`,
    country: "DE",
    city: "Trier",
    timeZone: "Europe/Berlin",
    url: `http://127.0.0.1:${5000 + index}/graphql`,
    jwks: { keys: [] },
  }));
  return { ...committed, nodes: [...committed.nodes, ...synthetic] };
}

/** Writes the committed registry plus `count` synthetic nodes to `file`; the launcher runs whichever of them it is asked to. */
export function writeBenchRegistry(file: string, count: number): ConsortiumRegistry {
  const registry = withSyntheticNodes(loadRegistry(repoPaths.registry), count);
  writeFileSync(file, `${JSON.stringify(registry, null, 2)}\n`);
  return registry;
}
