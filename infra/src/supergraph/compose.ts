/**
 * Composes the supergraph from the subgraphs' own SDL (as each serves it on
 * `_service { sdl }`) with @apollo/composition. The result is committed in
 * infra/supergraph/ and read by the gateway at start.
 */
import { composeServices } from "@apollo/composition";
import { execute, parse, type GraphQLSchema } from "graphql";
import { buildCoordinationSubgraph } from "@tandem/coordination";
import { GATEWAY_SUBGRAPH_NAME, buildGatewayLocalSchema } from "@tandem/gateway";
import { buildUniversitySubgraph } from "@tandem/university";

export interface Composition {
  supergraph: string;
  subgraphs: Record<string, string>;
  hints: string[];
}

/** Subgraph URLs in the supergraph are placeholders: the gateway routes by the consortium registry. */
const placeholderUrl = (name: string) => `http://${name}.routed-by-registry.invalid/graphql`;

async function servedSdl(schema: GraphQLSchema): Promise<string> {
  const result = await execute({ schema, document: parse("{ _service { sdl } }") });
  const sdl = (result.data?._service as { sdl?: string } | undefined)?.sdl;
  if (!sdl) throw new Error(`subgraph did not serve its SDL: ${result.errors?.[0]?.message}`);
  return sdl;
}

export async function composeSupergraph(): Promise<Composition> {
  const subgraphs: Record<string, string> = {
    university: await servedSdl((await buildUniversitySubgraph()).schema),
    coordination: await servedSdl((await buildCoordinationSubgraph()).schema),
    [GATEWAY_SUBGRAPH_NAME]: await servedSdl(
      buildGatewayLocalSchema({
        registry: { consortium: { id: "", name: "" }, nodes: [], coordination: { id: "", name: "", url: "http://coordination.invalid/graphql", jwks: { keys: [] } } },
        deliveries: () => [],
        health: { get: () => ({ status: "UNKNOWN", reason: null, checkedAt: null }) },
        parties: [],
        nodeIds: [],
        credentials: { verify: () => Promise.reject(new Error("composition only")) },
      }),
    ),
  };
  const result = composeServices(Object.entries(subgraphs).map(([name, sdl]) => ({ name, url: placeholderUrl(name), typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n  - ${result.errors.map((error) => error.message).join("\n  - ")}`);
  }
  return { supergraph: result.supergraphSdl, subgraphs, hints: result.hints.map((hint) => hint.toString()) };
}
