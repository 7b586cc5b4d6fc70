/**
 * Paging checks for tests: walking a connection page by page, checking what
 * every page promises, and forging cursors a list did not hand out.
 */
import { listCursor, type SortKey } from "../connection.js";

export interface ConnectionPage<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export interface Walk<T> {
  nodes: T[];
  pages: number;
  /** Every totalCount seen, once each. */
  totals: number[];
}

/**
 * Fetches page after page (`after` null first, then each page's endCursor)
 * until one says there is no next page. Throws when a page breaks a
 * promise: more than `first` edges, a short page before the last, wrong
 * hasPreviousPage, start or end cursor not those of its edges.
 */
export async function walkPages<T>(first: number, fetch: (after: string | null) => Promise<ConnectionPage<T>>, maxPages = 1000): Promise<Walk<T>> {
  const nodes: T[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page: ConnectionPage<T> = await fetch(after);
    totals.add(page.totalCount);
    const broken = brokenPromise(page, first, after);
    if (broken) throw new Error(`page ${pages}: ${broken}`);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages, totals: [...totals] };
    after = page.pageInfo.endCursor;
  }
  throw new Error(`more than ${maxPages} pages`);
}

function brokenPromise(page: ConnectionPage<unknown>, first: number, after: string | null): string | null {
  const { edges, pageInfo } = page;
  if (edges.length > first) return `${edges.length} edges, more than first: ${first}`;
  if (pageInfo.hasNextPage && edges.length < first) return `only ${edges.length} edges but a next page`;
  if (pageInfo.hasPreviousPage !== (after !== null)) return `hasPreviousPage ${pageInfo.hasPreviousPage} after ${after}`;
  if (pageInfo.startCursor !== (edges[0]?.cursor ?? null)) return "startCursor is not the first edge's";
  if (pageInfo.endCursor !== (edges.at(-1)?.cursor ?? null)) return "endCursor is not the last edge's";
  return null;
}

/**
 * Walks the list `first` items a page and throws unless it yields exactly
 * `expected` (ids by `idOf`): every item once, in order, the same total on
 * every page, in as few pages as `first` allows.
 */
export async function assertWalk<T>(first: number, fetch: (after: string | null) => Promise<ConnectionPage<T>>, expected: readonly string[], idOf: (node: T) => string): Promise<void> {
  const { nodes, pages, totals } = await walkPages(first, fetch);
  const ids = JSON.stringify(nodes.map(idOf));
  if (ids !== JSON.stringify(expected)) throw new Error(`walked ${ids}, expected ${JSON.stringify(expected)}`);
  if (totals.length !== 1 || totals[0] !== expected.length) throw new Error(`totalCount ${totals.join(", ")}, expected ${expected.length}`);
  if (pages !== Math.max(1, Math.ceil(expected.length / first))) throw new Error(`${pages} pages of ${first} for ${expected.length} items`);
}

/** A cursor of the same list and filter as `cursor` with another key: one the list never handed out. */
export function forgeCursor(cursor: string, key: SortKey): string {
  return listCursor.encode(key, listCursor.read(cursor).scope ?? undefined);
}
