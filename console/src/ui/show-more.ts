/**
 * A connection read page by page, each appended below the last ("Show more",
 * with the connection's `after: endCursor`). A live update reads again every
 * page shown, each after the new end of the one before, so a reader who
 * showed more keeps what they saw, in its current state — also when the
 * update arrives while the next page is still loading.
 */
import { useEffect, useRef, useState } from "react";
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

export interface PagedListState<N> {
  shown: ShownPages<N> | null;
  error: CombinedError | undefined;
  /** Reading the next page. */
  loadingMore: boolean;
}

/**
 * The list's reads, without React: the first page, "Show more", and a
 * refresh for a live update. Only the answer of the latest read counts; a
 * refresh while the next page is loading reads that page too (the reader
 * asked for it), and "Show more" during a refresh waits for it, then reads
 * after the refreshed end.
 */
export class PagedList<N extends { id: string }> {
  state: PagedListState<N> = { shown: null, error: undefined, loadingMore: false };
  private generation = 0;
  /** Pages the reader asked for, a "Show more" still loading included. */
  private wanted = 1;
  private reloading = false;
  private moreAfterReload = false;

  constructor(
    /** The reader of the moment (a page's props may change between reads). */
    private readonly reader: () => PageReader<N>,
    private readonly changed: (state: PagedListState<N>) => void,
  ) {}

  /** From the first page again (what is listed changed). */
  restart(): void {
    this.wanted = 1;
    this.moreAfterReload = false;
    this.update({ shown: null, loadingMore: false });
    this.reload();
  }

  /** Reads again every page shown or asked for. */
  refresh(): void {
    this.reload();
  }

  showMore(): void {
    if (this.state.loadingMore) return;
    if (this.reloading) {
      this.moreAfterReload = true;
      this.update({ loadingMore: true });
      return;
    }
    const before = this.state.shown;
    if (!before?.pageInfo.hasNextPage) return;
    const mine = this.generation;
    this.wanted = before.pages + 1;
    this.update({ loadingMore: true });
    void this.reader()(before.pageInfo.endCursor).then((next) => {
      if (mine !== this.generation) return;
      if (!next.connection) this.wanted = before.pages;
      this.update({ ...(next.connection ? { shown: appendPage(before, next.connection) } : {}), error: next.error, loadingMore: false });
    });
  }

  private reload(): void {
    const mine = ++this.generation;
    this.reloading = true;
    void readPages(this.reader(), Math.max(this.wanted, this.state.shown?.pages ?? 1)).then((result) => {
      if (mine !== this.generation) return;
      this.reloading = false;
      this.wanted = result.shown?.pages ?? 1;
      const more = this.moreAfterReload;
      this.moreAfterReload = false;
      this.update({ shown: result.shown, error: result.error, loadingMore: false });
      if (more) this.showMore();
    });
  }

  private update(next: Partial<PagedListState<N>>): void {
    this.state = { ...this.state, ...next };
    this.changed(this.state);
  }
}

export interface ShowMore<N> extends PagedListState<N> {
  showMore(): void;
  /** Reads again every page shown (for a live update). */
  refresh(): void;
}

/** `key` names what is listed: when it changes, the list starts again from its first page. */
export function useShowMore<N extends { id: string }>(readPage: PageReader<N>, key: string): ShowMore<N> {
  const reader = useRef(readPage);
  reader.current = readPage;
  const [state, setState] = useState<PagedListState<N>>({ shown: null, error: undefined, loadingMore: false });
  const [list] = useState(() => new PagedList<N>(() => reader.current, setState));
  useEffect(() => list.restart(), [key, list]);
  return { ...state, showMore: () => list.showMore(), refresh: () => list.refresh() };
}
