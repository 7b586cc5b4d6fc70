/**
 * A connection read page by page, each appended below the last ("Show more",
 * with the connection's `after: endCursor`). A live update reads again every
 * page shown, each after the new end of the one before, so a reader who
 * showed more keeps what they saw, in its current state.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CombinedError } from "urql";
import type { PageInfoLike } from "./node-pager.js";

export interface Connection<N> {
  pageInfo: PageInfoLike;
  edges: { node: N }[];
}

/** One page after `after` (null: the first); the connection is missing only when the request failed as a whole. */
export type PageReader<N> = (after: string | null) => Promise<{ connection: Connection<N> | null; error?: CombinedError }>;

export interface ShownPages<N> {
  nodes: N[];
  pageInfo: PageInfoLike;
  /** How many pages were read to show `nodes`. */
  pages: number;
}

/** The next page appended; an item already shown (it moved between the reads) stays where it was. */
export function appendPage<N extends { id: string }>(shown: ShownPages<N>, page: Connection<N>): ShownPages<N> {
  const known = new Set(shown.nodes.map((node) => node.id));
  const added = page.edges.map((edge) => edge.node).filter((node) => !known.has(node.id));
  return { nodes: [...shown.nodes, ...added], pageInfo: page.pageInfo, pages: shown.pages + 1 };
}

/** `pages` pages read from the start, each after the end of the one before; fewer when the list ends sooner. */
export async function readPages<N extends { id: string }>(readPage: PageReader<N>, pages: number): Promise<{ shown: ShownPages<N> | null; error?: CombinedError }> {
  const first = await readPage(null);
  if (!first.connection) return { shown: null, error: first.error };
  let shown: ShownPages<N> = { nodes: first.connection.edges.map((edge) => edge.node), pageInfo: first.connection.pageInfo, pages: 1 };
  let error = first.error;
  while (shown.pages < pages && shown.pageInfo.hasNextPage) {
    const next = await readPage(shown.pageInfo.endCursor);
    error ??= next.error;
    if (!next.connection) break;
    shown = appendPage(shown, next.connection);
  }
  return { shown, error };
}

export interface ShowMore<N> {
  shown: ShownPages<N> | null;
  error: CombinedError | undefined;
  /** Reading the next page. */
  loadingMore: boolean;
  showMore(): void;
  /** Reads again every page shown (for a live update). */
  refresh(): void;
}

/** `key` names what is listed: when it changes, the list starts again from its first page. */
export function useShowMore<N extends { id: string }>(readPage: PageReader<N>, key: string): ShowMore<N> {
  const [shown, setShown] = useState<ShownPages<N> | null>(null);
  const [error, setError] = useState<CombinedError | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  // the answer of a read started before the latest refresh is stale and dropped
  const generation = useRef(0);
  const current = useRef(shown);
  current.current = shown;
  const reader = useRef(readPage);
  reader.current = readPage;

  const reload = useCallback((pages: number) => {
    const mine = ++generation.current;
    void readPages(reader.current, pages).then((result) => {
      if (mine !== generation.current) return;
      setShown(result.shown);
      setError(result.error);
      setLoadingMore(false);
    });
  }, []);
  useEffect(() => {
    setShown(null);
    reload(1);
  }, [key, reload]);

  return {
    shown,
    error,
    loadingMore,
    showMore: () => {
      const before = current.current;
      if (!before?.pageInfo.hasNextPage || loadingMore) return;
      const mine = generation.current;
      setLoadingMore(true);
      void reader.current(before.pageInfo.endCursor).then((next) => {
        if (mine !== generation.current) return;
        if (next.connection) setShown(appendPage(before, next.connection));
        setError(next.error);
        setLoadingMore(false);
      });
    },
    refresh: () => reload(current.current?.pages ?? 1),
  };
}
