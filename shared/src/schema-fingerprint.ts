/**
 * How the gateway and a party agree that the party serves the schema the
 * supergraph was composed from, without sending it: both reduce the
 * subgraph SDL to a canonical form (formatting and descriptions do not
 * matter to callers) and compare a hash of it. A party publishes its own on
 * `GET /health`; the gateway compares it with the composed one's.
 */
import { createHash } from "node:crypto";
import { parse, print, visit } from "graphql";

/** Canonical form for comparing schemas: formatting and descriptions do not matter to callers. */
export function normaliseSdl(sdl: string): string {
  return print(visit(parse(sdl), { enter: (node) => ("description" in node && node.description ? { ...node, description: undefined } : undefined) }));
}

/** SHA-256 (base64url) of the canonical form of a subgraph SDL. */
export function schemaFingerprint(sdl: string): string {
  return createHash("sha256").update(normaliseSdl(sdl)).digest("base64url");
}
