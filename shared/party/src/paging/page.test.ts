import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { cursorScope, listCursor, type SortKey } from "@tandem/shared";
import { emptyConnection, itemsAfter, mapConnection, pageRequest, toPage } from "./page.js";
import { filterOf } from "./page-args.js";

const byNumber = (key: SortKey) => (key.length === 1 && typeof key[0] === "number" ? key[0] : null);

describe("toPage", () => {
  const request = pageRequest("numbers", { first: 2 }, byNumber);
  const cursorOf = (row: number) => listCursor.encode([row], request.scope);

  it("cuts the extra row off and reports a next page", () => {
    const page = toPage([1, 2, 3], request, (row) => [row], 3);
    expect(page.edges).toEqual([
      { cursor: cursorOf(1), node: 1 },
      { cursor: cursorOf(2), node: 2 },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: cursorOf(1), endCursor: cursorOf(2) });
    expect(page.totalCount).toBe(3);
  });

  it("reports the last page and an empty one", () => {
    const later = pageRequest("numbers", { first: 2, after: cursorOf(6) }, byNumber);
    expect(toPage([7], later, (row) => [row], 7).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: cursorOf(7), endCursor: cursorOf(7) });
    expect(toPage([], later, (row: number) => [row], 7)).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null }, totalCount: 7 });
  });
});

describe("pageRequest", () => {
  const args = { first: 5, role: "MENTEE", track: "health" };
  const scope = cursorScope("participants", { role: "MENTEE", track: "health" });

  it("binds cursors to the list and its filter, not to the page size", () => {
    expect(pageRequest("participants", args, byNumber).scope).toBe(scope);
    expect(pageRequest("participants", { ...args, first: 50, after: listCursor.encode([4], scope) }, byNumber)).toEqual({ first: 50, scope, after: 4 });
  });

  it.each<[string, string]>([
    ["another filter", listCursor.encode([4], cursorScope("participants", { role: "MENTOR", track: "health" }))],
    ["another list", listCursor.encode([4], cursorScope("auditLog", { role: "MENTEE", track: "health" }))],
    ["a key this list does not have", listCursor.encode(["four"], scope)],
    ["garbage", "garbage"],
  ])("refuses a cursor of %s with BAD_CURSOR naming `after`", (_case, after) => {
    expect(() => pageRequest("participants", { ...args, after }, byNumber)).toThrowError(expect.objectContaining({ extensions: { code: "BAD_CURSOR", field: "after" } }));
  });

  it("takes everything but first and after as the filter", () => {
    expect(filterOf({ first: 1, after: "x", cohortId: "c", nodes: ["hst"] } as never)).toEqual({ cohortId: "c", nodes: ["hst"] });
  });
});

describe("itemsAfter", () => {
  const sorted = [1, 3, 5, 7, 9];
  const keyOf = (n: number): SortKey => [n];
  const request = (after: number | null) => ({ first: 2, scope: "s", after: after === null ? null : [after] });

  it("takes first + 1 items after the key, wherever the key falls", () => {
    expect(itemsAfter(sorted, request(null), keyOf)).toEqual([1, 3, 5]);
    expect(itemsAfter(sorted, request(3), keyOf)).toEqual([5, 7, 9]);
    expect(itemsAfter(sorted, request(4), keyOf)).toEqual([5, 7, 9]);
    expect(itemsAfter(sorted, request(8), keyOf)).toEqual([9]);
    expect(itemsAfter(sorted, request(9), keyOf)).toEqual([]);
  });
});

describe("the connection mapper", () => {
  it("maps nodes and keeps cursors, page info and total", () => {
    const page = toPage([1, 2], pageRequest("numbers", { first: 5 }, byNumber), (row) => [row], 2);
    const mapped = mapConnection(page, (n) => `#${n}`);
    expect(mapped.edges.map((edge) => edge.node)).toEqual(["#1", "#2"]);
    expect(mapped.edges.map((edge) => edge.cursor)).toEqual(page.edges.map((edge) => edge.cursor));
    expect(mapped.pageInfo).toBe(page.pageInfo);
    expect(mapConnection(emptyConnection<number>(), String)).toEqual(emptyConnection());
  });
});
