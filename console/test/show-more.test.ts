import { CombinedError } from "@urql/core";
import { describe, expect, it } from "vitest";
import { appendPage, PagedList, readPages, type PageReader, type PagedListState } from "../src/ui/show-more.js";

/** A connection over a list, as the API pages it: `size` items after the cursor (an item's id), with the reads counted. */
function connectionOver(list: { id: string }[], size: number) {
  const reads: (string | null)[] = [];
  const readPage: PageReader<{ id: string }> = async (after) => {
    reads.push(after);
    const start = after === null ? 0 : list.findIndex((item) => item.id === after) + 1;
    const page = list.slice(start, start + size);
    return { connection: { edges: page.map((node) => ({ node })), pageInfo: { hasNextPage: start + size < list.length, endCursor: page.at(-1)?.id ?? null } } };
  };
  return { readPage, reads };
}

const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => ({ id: `e${from + index}` }));

describe("a list shown page by page", () => {
  it("reads again as many pages as were shown, each after the new end of the one before, so a live update keeps what was shown", async () => {
    const list = items(1, 70);
    const { readPage, reads } = connectionOver(list, 30);
    const first = await readPages(readPage, 1);
    const second = await readPage(first.shown!.pageInfo.endCursor);
    const shown = appendPage(first.shown!, second.connection!);
    expect(shown.nodes.map((node) => node.id)).toEqual(items(1, 60).map((item) => item.id));
    expect(shown.pageInfo).toEqual({ hasNextPage: true, endCursor: "e60" });

    list.unshift({ id: "e0" });
    reads.length = 0;
    const refreshed = await readPages(readPage, shown.pages);
    expect(reads).toEqual([null, "e29"]);
    expect(refreshed.shown!.nodes.map((node) => node.id)).toEqual(items(0, 59).map((item) => item.id));
    expect(refreshed.shown!.pages).toBe(2);
  });

  it("stops where the list ends, and keeps a page's error beside what it could read", async () => {
    const { readPage, reads } = connectionOver(items(1, 40), 30);
    const partial = new CombinedError({ graphQLErrors: [{ message: "ul unavailable", extensions: { code: "NODE_UNAVAILABLE", node: "ul" } }] });
    const failing: PageReader<{ id: string }> = async (after) => ({ ...(await readPage(after)), ...(after ? { error: partial } : {}) });
    const result = await readPages(failing, 5);
    expect(reads).toEqual([null, "e30"]);
    expect(result.shown!.nodes).toHaveLength(40);
    expect(result.shown!.pageInfo.hasNextPage).toBe(false);
    expect(result.error).toBe(partial);
  });

  it("shows an item that moved between two reads once, where it was first shown", () => {
    const shown = { nodes: items(1, 3), pageInfo: { hasNextPage: true, endCursor: "e3" }, pages: 1 };
    const next = appendPage(shown, { edges: [{ node: { id: "e3" } }, { node: { id: "e4" } }], pageInfo: { hasNextPage: false, endCursor: "e4" } });
    expect(next.nodes.map((node) => node.id)).toEqual(["e1", "e2", "e3", "e4"]);
    expect(next.pages).toBe(2);
  });

  it("keeps the next page a reader asked for when a live update arrives while it is loading", async () => {
    const list = items(1, 70);
    const held = heldReads(connectionOver(list, 30).readPage);
    const states: PagedListState<{ id: string }>[] = [];
    const paged = new PagedList(
      () => held.readPage,
      (state) => states.push(state),
    );
    paged.restart();
    await held.release();
    expect(paged.state.shown!.nodes).toHaveLength(30);

    paged.showMore();
    expect(paged.state.loadingMore).toBe(true);
    list.unshift({ id: "e0" });
    paged.refresh();
    await held.release(); // the page asked for, answered after the refresh began: dropped
    expect(paged.state.loadingMore).toBe(true);
    await held.release();
    await held.release(); // the refresh, which reads that page too
    expect(paged.state.shown!.nodes.map((node) => node.id)).toEqual(items(0, 59).map((item) => item.id));
    expect(paged.state.loadingMore).toBe(false);
    expect(held.pending()).toBe(0);
  });

  it("reads the next page after the refreshed end when Show more is pressed during a refresh", async () => {
    const list = items(1, 70);
    const held = heldReads(connectionOver(list, 30).readPage);
    const paged = new PagedList(
      () => held.readPage,
      () => undefined,
    );
    paged.restart();
    await held.release();
    list.unshift({ id: "e0" });
    paged.refresh();
    paged.showMore();
    expect(paged.state.loadingMore).toBe(true);
    expect(held.pending()).toBe(1); // only the refresh's first read: the next page waits for it
    await held.release();
    expect(held.afters.at(-1)).toBe("e29");
    await held.release();
    expect(paged.state.shown!.nodes.map((node) => node.id)).toEqual(items(0, 59).map((item) => item.id));
    expect(paged.state.loadingMore).toBe(false);
  });
});

/** A reader whose reads wait until released, one at a time in the order they were made. */
function heldReads(readPage: PageReader<{ id: string }>) {
  const waiting: (() => void)[] = [];
  const afters: (string | null)[] = [];
  return {
    afters,
    readPage: (async (after) => {
      afters.push(after);
      await new Promise<void>((resolve) => waiting.push(resolve));
      return readPage(after);
    }) as PageReader<{ id: string }>,
    pending: () => waiting.length,
    /** Lets the oldest read answer, and waits until what it started has run. */
    release: async () => {
      waiting.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}
