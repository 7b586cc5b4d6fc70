import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { encodeSortCursor } from "@tandem/shared";
import { toPage } from "./page-info.js";

describe("toPage", () => {
  const cursorOf = (row: number) => encodeSortCursor([row]);

  it("cuts the extra row off and reports a next page", () => {
    const page = toPage([1, 2, 3], 2, cursorOf, false);
    expect(page.edges).toEqual([
      { cursor: cursorOf(1), node: 1 },
      { cursor: cursorOf(2), node: 2 },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: cursorOf(1), endCursor: cursorOf(2) });
  });

  it("reports the last page and an empty one", () => {
    expect(toPage([7], 2, cursorOf, true).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: cursorOf(7), endCursor: cursorOf(7) });
    expect(toPage([], 2, cursorOf, true)).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });
});
