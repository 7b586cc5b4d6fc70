/**
 * One page of a list: where it starts (the `after` cursor, read back into
 * this list's key), the cursors it hands out (bound to the list and its
 * filter), and the connection it answers.
 */
import { compareSortKeys, cursorScope, badCursor, listCursor, type SortKey } from "@tandem/shared";
import { filterOf, type PageArgsShape } from "./page-args.js";
import type { PageInfo } from "./connection-types.js";

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** A number, or counted only when a client selects it (see `lazily`). */
  totalCount: number | PromiseLike<number>;
}

/**
 * A value worked out only when someone awaits it: GraphQL awaits a field's
 * value only when the field was selected, so a connection's count costs
 * its query only for clients that ask for `totalCount`.
 */
export function lazily<T>(work: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | null = null;
  return {
    then: (onFulfilled, onRejected) => (started ??= work()).then(onFulfilled, onRejected),
  };
}

export interface PageRequest<K> {
  first: number;
  /** Fingerprint of the list and its filter that every cursor of this page carries. */
  scope: string;
  /** The key of the last item seen, or null for the first page. */
  after: K | null;
}

/**
 * Reads the page arguments of list `list` (its query field's name).
 * `parseKey` turns a cursor's sort key into this list's key, or null when it
 * cannot be one (an id of another kind or party, an impossible time):
 * BAD_CURSOR like a cursor of another list or filter.
 */
export function pageRequest<K>(list: string, args: PageArgsShape, parseKey: (key: SortKey) => K | null): PageRequest<K> {
  const scope = cursorScope(list, filterOf(args));
  if (!args.after) return { first: args.first, scope, after: null };
  const after = parseKey(listCursor.decode(args.after, scope));
  if (after === null) throw badCursor("after", "cursor of another list or party");
  return { first: args.first, scope, after };
}

/** The page of `fetched` (up to `first + 1` items in list order, the extra one only telling that more follow). */
export function toPage<T>(fetched: readonly T[], request: PageRequest<unknown>, keyOf: (item: T) => SortKey, totalCount: Page<T>["totalCount"]): Page<T> {
  const edges = fetched.slice(0, request.first).map((node) => ({ cursor: listCursor.encode(keyOf(node), request.scope), node }));
  return {
    edges,
    pageInfo: { hasNextPage: fetched.length > request.first, hasPreviousPage: request.after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** Up to `first + 1` items of an already sorted list that follow the request's `after`. */
export function itemsAfter<T>(sorted: readonly T[], request: PageRequest<SortKey>, keyOf: (item: T) => SortKey): T[] {
  const after = request.after;
  const start = after === null ? 0 : sorted.findIndex((item) => compareSortKeys(keyOf(item), after) > 0);
  return start < 0 ? [] : sorted.slice(start, start + request.first + 1);
}

/** A connection with nothing in it: for filters that exclude this party, or callers entitled to nothing here. */
export function emptyConnection<T = never>(): Page<T> {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 };
}

/** The connection mapper: the same page with each node turned into its GraphQL type. */
export function mapConnection<T, U>(page: Page<T>, map: (node: T) => U): Page<U> {
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}
