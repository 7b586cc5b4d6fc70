/** The registry the running processes read: the committed one, with the actual URLs. */
import { writeFileSync } from "node:fs";
import { parseRegistry, type ConsortiumRegistry } from "@tandem/shared";
import type { PartyKey } from "./keys.js";
import type { PortPlan } from "./options.js";
import { demoOidcOf } from "./demo-sign-in.js";

/** The committed registry with the actual URLs and, when given, the parties' public keys (and their demo sign-in providers). */
export function effectiveRegistry(committed: ConsortiumRegistry, ports: PortPlan, keys: ReadonlyMap<string, PartyKey> = new Map(), demoSignIn = false): ConsortiumRegistry {
  const oidc = (partyId: string, port: number) => (demoSignIn ? demoOidcOf(port, keys.get(partyId)?.publicJwk) : {});
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const jwks = (partyId: string, published: ConsortiumRegistry["gateway"]["jwks"]) => {
    const key = keys.get(partyId);
    return key ? { keys: [key.publicJwk] } : published;
  };
  return parseRegistry({
    consortium: committed.consortium,
    coordination: {
      ...committed.coordination,
      url: url(ports.coordination),
      jwks: jwks(committed.coordination.id, committed.coordination.jwks),
      ...oidc(committed.coordination.id, ports.coordination),
    },
    gateway: { ...committed.gateway, jwks: jwks(committed.gateway.id, committed.gateway.jwks) },
    nodes: committed.nodes.flatMap((node) => {
      const port = ports.nodes.get(node.id);
      return port === undefined ? [] : [{ ...node, url: url(port), jwks: jwks(node.id, node.jwks), ...oidc(node.id, port) }];
    }),
  });
}

export function writeEffectiveRegistry(committed: ConsortiumRegistry, ports: PortPlan, target: string, keys?: ReadonlyMap<string, PartyKey>, demoSignIn = false): ConsortiumRegistry {
  const registry = effectiveRegistry(committed, ports, keys, demoSignIn);
  writeFileSync(target, `${JSON.stringify(registry, null, 2)}\n`);
  return registry;
}
