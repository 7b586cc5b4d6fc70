import { describe, expect, it } from "vitest";
import { listCursor } from "../connection.js";
import { assertWalk, forgeCursor, walkPages, type ConnectionPage } from "./paging.js";

/** A list of `items` served `first` a page, with `mistake` made on purpose. */
function served(items: string[], mistake?: "repeat" | "skip" | "total" | "previous" | "oversize") {
  return async (first: number, after: string | null): Promise<ConnectionPage<{ id: string }>> => {
    let start = after === null ? 0 : Number(after) + 1;
    if (mistake === "repeat" && after !== null) start -= 1;
    if (mistake === "skip" && after !== null) start += 1;
    const size = mistake === "oversize" ? first + 1 : first;
    const page = items.slice(start, start + size);
    const edges = page.map((id, i) => ({ cursor: String(start + i), node: { id } }));
    return {
      totalCount: mistake === "total" && after !== null ? items.length + 1 : items.length,
      edges,
      pageInfo: {
        hasNextPage: start + size < items.length,
        hasPreviousPage: mistake === "previous" ? false : after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  };
}

describe("walking a connection", () => {
  const items = ["a", "b", "c", "d", "e", "f", "g"];

  it("collects every page's nodes", async () => {
    const walked = await walkPages(3, (after) => served(items)(3, after));
    expect(walked).toEqual({ nodes: items.map((id) => ({ id })), pages: 3, totals: [7] });
    await assertWalk(
      3,
      (after) => served(items)(3, after),
      items,
      (node) => node.id,
    );
    await assertWalk(
      5,
      (after) => served([])(5, after),
      [],
      (node) => node.id,
    );
  });

  it.each(["repeat", "skip", "total", "previous", "oversize"] as const)("notices a list that makes the mistake %s", async (mistake) => {
    await expect(
      assertWalk(
        3,
        (after) => served(items, mistake)(3, after),
        items,
        (node) => node.id,
      ),
    ).rejects.toThrow();
  });

  it("forges a cursor of the same list and filter with another key", () => {
    const cursor = listCursor.encode([1, "hst:event:x"], "AAAAAAAAAAAAAAAA");
    expect(listCursor.read(forgeCursor(cursor, ["yesterday"]))).toEqual({ scope: "AAAAAAAAAAAAAAAA", position: ["yesterday"] });
  });
});
