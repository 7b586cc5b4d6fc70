import { CombinedError } from "@urql/core";
import { describe, expect, it } from "vitest";
import { appendPage, readPages, type PageReader } from "../src/ui/show-more.js";

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
});
