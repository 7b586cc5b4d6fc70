/**
 * `_entities` fetches: representations partitioned by home node, one batched
 * request per node in parallel, answers put back in the original order and
 * error paths renumbered to the original positions.
 */
import { ErrorCode, tryParseGlobalId } from "@tandem/shared";
import type { GraphQLBody, GraphQLErrorBody, NodeRequest } from "./node-client.js";
import { nodeError, type NodeCaller } from "./node-pool.js";

interface Representation {
  __typename: string;
  id?: unknown;
}

export async function routeEntities(caller: NodeCaller, request: NodeRequest, headers: Record<string, string>): Promise<GraphQLBody> {
  const representations = (request.variables?.representations ?? []) as Representation[];
  const entities: unknown[] = representations.map(() => null);
  const errors: GraphQLErrorBody[] = [];
  const partitions = new Map<string, number[]>();
  representations.forEach((representation, index) => {
    const parsed = typeof representation.id === "string" ? tryParseGlobalId(representation.id) : null;
    if (!parsed) {
      errors.push({ message: `Cannot route ${representation.__typename} reference "${String(representation.id)}"`, path: ["_entities", index], extensions: { code: ErrorCode.BAD_USER_INPUT } });
    } else if (!caller.has(parsed.node)) {
      errors.push(nodeError(ErrorCode.UNKNOWN_NODE, parsed.node, `"${parsed.node}" is not a node of this consortium`, ["_entities", index]));
    } else {
      partitions.set(parsed.node, [...(partitions.get(parsed.node) ?? []), index]);
    }
  });
  await Promise.all(
    [...partitions].map(async ([node, indexes]) => {
      const subset = indexes.map((index) => representations[index]);
      const result = await caller.call(node, { ...request, variables: { ...request.variables, representations: subset } }, headers);
      if (!result.ok) {
        for (const index of indexes) errors.push({ ...result.error, path: ["_entities", index] });
        return;
      }
      const answered = (result.body.data?._entities as unknown[] | undefined) ?? [];
      indexes.forEach((original, position) => {
        entities[original] = answered[position] ?? null;
      });
      for (const error of result.body.errors ?? []) errors.push(...renumber(error, indexes, node));
    }),
  );
  return { data: { _entities: entities }, ...(errors.length ? { errors } : {}) };
}

/** Maps a node's error path onto the original positions; an error without one applies to all of that node's entities. */
function renumber(error: GraphQLErrorBody, indexes: number[], node: string): GraphQLErrorBody[] {
  const extensions = { ...error.extensions, node };
  const [head, position, ...rest] = error.path ?? [];
  if (head === "_entities" && typeof position === "number" && indexes[position] !== undefined) {
    return [{ ...error, path: ["_entities", indexes[position]!, ...rest], extensions }];
  }
  return indexes.map((index) => ({ ...error, path: ["_entities", index], extensions }));
}
