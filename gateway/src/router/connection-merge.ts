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
  /** Its place among the answers: ties between equal keys go to the earlier node. */
  order: number;
  cursors: string[];
  next: number;
  /** The sort key of cursors[next], read when it becomes this node's head. */
  key: SortKey;
}

/**
 * A k-way merge over a min-heap of the nodes' heads: O(first · log N) for N
 * nodes, and only the cursors that reach the front are decoded. Composite
 * cursors (all N positions each) are encoded only where the client selected
 * a cursor, so a page without cursors does not grow with the consortium.
 */
export function mergeConnection(input: MergeInput): MergedConnection {
  const heap = new HeadHeap();
  input.answered.forEach(({ node, value }, order) => {
    const cursors = ((value[EDGES_ALIAS] as { cursor: string }[] | undefined) ?? []).map((edge) => edge.cursor);
    if (cursors.length > 0) heap.push({ node, order, cursors, next: 0, key: listCursor.read(cursors[0]!).position });
  });
  const wanted = selectedCursors(input);
  const positions: NodePositions = { ...input.start };
  const origin: MergedConnection["origin"] = [];
  const composite: (string | null)[] = [];
  for (let head = heap.peek(); head && origin.length < input.first; head = heap.peek()) {
    origin.push({ node: head.node, index: head.next });
    positions[head.node] = head.cursors[head.next]!;
    head.next++;
    if (head.next < head.cursors.length) heap.replaceTop({ ...head, key: listCursor.read(head.cursors[head.next]!).position });
    else heap.pop();
    const last = origin.length === input.first || heap.size === 0;
    composite.push(wanted.edges || (wanted.start && origin.length === 1) || (wanted.end && last) ? encodeCompositeCursor(input.fingerprint, positions) : null);
  }
  const byNode = new Map(input.answered.map((answer) => [answer.node, answer.value]));
  const hasNextPage = heap.size > 0 || input.answered.some(({ value }) => Boolean((value[PAGE_ALIAS] as { hasNextPage?: boolean } | undefined)?.hasNextPage));
  const value: Record<string, unknown> = {};
  for (const sub of collectFields(mergedSelectionSet(input.field), input.fragments, input.variables)) {
    switch (sub.name) {
      case "edges": {
        const keys = cursorKeys(sub, input); // once per field, not once per edge
        value[sub.responseKey] = origin.map(({ node, index }, position) => withCursor((byNode.get(node)![sub.responseKey] as Record<string, unknown>[])[index]!, keys, composite[position] ?? null));
        break;
      }
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

/** Which cursors the client selected: on edges, pageInfo's startCursor, its endCursor. */
function selectedCursors(input: MergeInput): { edges: boolean; start: boolean; end: boolean } {
  const wanted = { edges: false, start: false, end: false };
  for (const sub of collectFields(mergedSelectionSet(input.field), input.fragments, input.variables)) {
    if (sub.name === "edges") wanted.edges ||= cursorKeys(sub, input).length > 0;
    if (sub.name !== "pageInfo") continue;
    for (const info of collectFields(mergedSelectionSet(sub), input.fragments, input.variables)) {
      wanted.start ||= info.name === "startCursor";
      wanted.end ||= info.name === "endCursor";
    }
  }
  return wanted;
}

/** Min-heap of heads by key, then by the node's order. */
class HeadHeap {
  private readonly items: Head[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Head | undefined {
    return this.items[0];
  }

  push(head: Head): void {
    this.items.push(head);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) this.replaceTop(last);
  }

  replaceTop(head: Head): void {
    this.items[0] = head;
    let i = 0;
    for (;;) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (left < this.items.length && this.before(left, least)) least = left;
      if (right < this.items.length && this.before(right, least)) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }

  private before(a: number, b: number): boolean {
    const [x, y] = [this.items[a]!, this.items[b]!];
    const order = compareSortKeys(x.key, y.key);
    return order < 0 || (order === 0 && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
  }
}

function cursorKeys(edges: CollectedField, input: MergeInput): string[] {
  return collectFields(mergedSelectionSet(edges), input.fragments, input.variables)
    .filter((field) => field.name === "cursor")
    .map((field) => field.responseKey);
}

function withCursor(edge: Record<string, unknown>, keys: string[], cursor: string | null): Record<string, unknown> {
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
