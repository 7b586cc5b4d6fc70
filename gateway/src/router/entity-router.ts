/**
 * `_entities` fetches: representations partitioned by home node, one batched
 * request per node in parallel, answers put back in the original order and
 * error paths renumbered to the original positions.
 */
import { ErrorCode, tryParseGlobalId } from "@tandem/shared";
import { partyError, type GraphQLBody, type GraphQLErrorBody, type PartyRequest } from "../parties/party-answer.js";
import type { NodeCaller } from "../parties/parties.js";
import type { CallAuth } from "../parties/party-tokens.js";

interface Representation {
  __typename: string;
  id?: unknown;
}

/** Representations per call to one node; larger sets travel in several calls, in parallel. */
export const DEFAULT_REPRESENTATIONS_PER_CALL = 200;

export async function routeEntities(nodes: NodeCaller, request: PartyRequest, auth: CallAuth, perCall = DEFAULT_REPRESENTATIONS_PER_CALL): Promise<GraphQLBody> {
  const representations = (request.variables?.representations ?? []) as Representation[];
  const entities: unknown[] = representations.map(() => null);
  const errors: GraphQLErrorBody[] = [];
  const partitions = new Map<string, number[]>();
  representations.forEach((representation, index) => {
    const parsed = typeof representation.id === "string" ? tryParseGlobalId(representation.id) : null;
    if (!parsed) {
      errors.push({ message: `Cannot route ${representation.__typename} reference "${String(representation.id)}"`, path: ["_entities", index], extensions: { code: ErrorCode.BAD_USER_INPUT } });
    } else if (!nodes.has(parsed.node)) {
      errors.push(partyError(ErrorCode.UNKNOWN_NODE, parsed.node, `"${parsed.node}" is not a node of this consortium`, ["_entities", index]));
    } else {
      partitions.set(parsed.node, [...(partitions.get(parsed.node) ?? []), index]);
    }
  });
  const calls = [...partitions].flatMap(([node, indexes]) => chunks(indexes, perCall).map((chunk) => [node, chunk] as const));
  await Promise.all(
    calls.map(async ([node, indexes]) => {
      const subset = indexes.map((index) => representations[index]);
      const result = await nodes.call(node, { ...request, variables: { ...request.variables, representations: subset } }, auth);
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

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
