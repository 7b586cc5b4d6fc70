/** The registry the running processes read: the committed one, with the actual URLs. */
import { writeFileSync } from "node:fs";
import { parseRegistry, type ConsortiumRegistry } from "@tandem/shared";
import type { PortPlan } from "./options.js";

export function effectiveRegistry(committed: ConsortiumRegistry, ports: PortPlan): ConsortiumRegistry {
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  return parseRegistry({
    consortium: committed.consortium,
    coordination: { ...committed.coordination, url: url(ports.coordination) },
    nodes: committed.nodes.flatMap((node) => {
      const port = ports.nodes.get(node.id);
      return port === undefined ? [] : [{ ...node, url: url(port) }];
    }),
  });
}

export function writeEffectiveRegistry(committed: ConsortiumRegistry, ports: PortPlan, target: string): ConsortiumRegistry {
  const registry = effectiveRegistry(committed, ports);
  writeFileSync(target, `${JSON.stringify(registry, null, 2)}\n`);
  return registry;
}
