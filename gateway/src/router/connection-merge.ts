/**
 * Merging one connection field answered by several nodes: a k-way merge by
 * the sort keys the nodes encode in their cursors, cut to `first` items,
 * with composite cursors (each node's own cursor where it stopped) so the
 * next page resumes every node there. Walking all pages yields every item
 * exactly once, in order.
 */
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import { compareSortKeys, listCursor, type SortKey } from "@tandem/shared";
import { collectFields, mergedSelectionSet, type CollectedField, type Variables } from "../documents/operation.js";
import { encodeCompositeCursor, type NodePositions } from "./composite-cursor.js";

/** Aliases the router adds to a connection selection to read positions; stripped from the answer. */
export const EDGES_ALIAS = "_tfEdges";
export const PAGE_ALIAS = "_tfPage";

/** Adds the selections the merge needs (edge cursors, hasNextPage) to one connection field. */
export function withMergeSelections(field: FieldNode): FieldNode {
  const extra: SelectionSetNode["selections"] = [
    aliasedField(EDGES_ALIAS, "edges", [aliasedField("cursor", "cursor")]),
    aliasedField(PAGE_ALIAS, "pageInfo", [aliasedField("hasNextPage", "hasNextPage")]),
  ];
  return {
    ...field,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [...(field.selectionSet?.selections ?? []), ...extra] },
  };
}

function aliasedField(alias: string, name: string, selections?: FieldNode[]): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: alias === name ? undefined : { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: name },
    ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
  };
}

export interface NodeConnectionResult {
  node: string;
  /** The connection object the node returned for the field's response key. */
  value: Record<string, unknown>;
}

export interface MergeInput {
  field: CollectedField;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Variables;
  first: number;
  fingerprint: string;
  /** Positions the page starts from (all nodes asked, including those that failed). */
  start: NodePositions;
  hadCursor: boolean;
  /** GraphQL type name of the connection, for __typename when no node answered. */
  typename: string;
  answered: NodeConnectionResult[];
}

export interface MergedConnection {
  value: Record<string, unknown>;
  /** For each merged edge: which node and which index in that node's edges it came from. */
  origin: { node: string; index: number }[];
}

interface Head {
  node: string;
  cursors: string[];
  keys: SortKey[];
  next: number;
}

export function mergeConnection(input: MergeInput): MergedConnection {
  const heads: Head[] = input.answered.map(({ node, value }) => {
    const cursors = ((value[EDGES_ALIAS] as { cursor: string }[] | undefined) ?? []).map((edge) => edge.cursor);
    return { node, cursors, keys: cursors.map((cursor) => listCursor.read(cursor).position), next: 0 };
  });
  const positions: NodePositions = { ...input.start };
  const origin: MergedConnection["origin"] = [];
  const composite: string[] = [];
  while (origin.length < input.first) {
    let best: Head | undefined;
    for (const head of heads) {
      if (head.next >= head.keys.length) continue;
      if (!best || compareSortKeys(head.keys[head.next]!, best.keys[best.next]!) < 0) best = head;
    }
    if (!best) break;
    origin.push({ node: best.node, index: best.next });
    positions[best.node] = best.cursors[best.next]!;
    best.next++;
    composite.push(encodeCompositeCursor(input.fingerprint, positions));
  }
  const hasNextPage = heads.some(
    (head) => head.next < head.keys.length || Boolean((input.answered.find((a) => a.node === head.node)!.value[PAGE_ALIAS] as { hasNextPage?: boolean } | undefined)?.hasNextPage),
  );
  const byNode = new Map(input.answered.map((answer) => [answer.node, answer.value]));
  const value: Record<string, unknown> = {};
  for (const sub of collectFields(mergedSelectionSet(input.field), input.fragments, input.variables)) {
    switch (sub.name) {
      case "edges":
        value[sub.responseKey] = origin.map(({ node, index }, position) =>
          withCursor((byNode.get(node)![sub.responseKey] as Record<string, unknown>[])[index]!, cursorKeys(sub, input), composite[position]!),
        );
        break;
      case "pageInfo":
        value[sub.responseKey] = pageInfo(sub, input, { hasNextPage, hasPreviousPage: input.hadCursor, startCursor: composite[0] ?? null, endCursor: composite.at(-1) ?? null });
        break;
      case "__typename":
        value[sub.responseKey] = input.typename;
        break;
      case "totalCount":
        value[sub.responseKey] = input.answered.reduce((sum, answer) => sum + Number(answer.value[sub.responseKey] ?? 0), 0);
        break;
      default:
        value[sub.responseKey] = input.answered[0]?.value[sub.responseKey] ?? null;
    }
  }
  return { value, origin };
}

function cursorKeys(edges: CollectedField, input: MergeInput): string[] {
  return collectFields(mergedSelectionSet(edges), input.fragments, input.variables)
    .filter((field) => field.name === "cursor")
    .map((field) => field.responseKey);
}

function withCursor(edge: Record<string, unknown>, keys: string[], cursor: string): Record<string, unknown> {
  const copy = { ...edge };
  for (const key of keys) copy[key] = cursor;
  return copy;
}

function pageInfo(field: CollectedField, input: MergeInput, info: Record<string, unknown>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const sub of collectFields(mergedSelectionSet(field), input.fragments, input.variables)) {
    value[sub.responseKey] = sub.name === "__typename" ? "PageInfo" : (info[sub.name] ?? null);
  }
  return value;
}

/** A connection with nothing in it, for when no node could answer. */
export function emptyConnection(input: Omit<MergeInput, "answered">): Record<string, unknown> {
  return mergeConnection({ ...input, answered: [] }).value;
}
