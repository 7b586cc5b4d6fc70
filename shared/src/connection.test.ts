import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { compareSortKeys, listCursor, type SortKey } from "./connection.js";

const SCOPE = "AAAAAAAAAAAAAAAA";
const raw = (json: string) => `k1.${SCOPE}.${Buffer.from(json, "utf8").toString("base64url")}`;
const encodeSortCursor = (key: SortKey) => listCursor.encode(key, SCOPE);
const decodeSortCursor = (cursor: string, field?: string) => listCursor.decode(cursor, SCOPE, field);

describe("list cursors", () => {
  it.each<SortKey>([[1_790_000_000_123, "hst:event:4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b"], [0], [-42.5, "Plzeň – Ústí", ""], ["a", 1, "b", 2]])(
    "round-trips %j through an opaque, URL-safe cursor",
    (...key) => {
      const cursor = encodeSortCursor(key);
      expect(cursor).toMatch(/^k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
      expect(decodeSortCursor(cursor)).toEqual(key);
    },
  );

  it.each([
    ["", "empty"],
    ["garbage", "no version prefix"],
    ["k2.WzFd", "another version"],
    ["k1.", "nothing after the prefix"],
    [`k1.${SCOPE}.`, "nothing after the scope"],
    [`k1.${SCOPE}.WzFd.WzFd`, "a segment too many"],
    ["k1.!!!", "not base64url"],
    [raw("[1,"), "truncated JSON"],
    [raw("{}"), "an object"],
    [raw('"key"'), "a string"],
    [raw("[]"), "an empty key"],
    [raw("[null]"), "null"],
    [raw("[true]"), "a boolean"],
    [raw("[[1]]"), "a nested array"],
    [raw("[1e400]"), "a number JSON cannot carry back (Infinity)"],
  ])("refuses %j (%s) with BAD_CURSOR naming the argument", (cursor) => {
    for (const field of ["after", "before"]) {
      let caught: unknown;
      try {
        decodeSortCursor(cursor, field);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).extensions).toEqual({ code: "BAD_CURSOR", field });
      expect((caught as AppError).message).toContain(field);
    }
  });

  it("names `after` unless told otherwise", () => {
    expect(() => decodeSortCursor("nope")).toThrow(/^after: /);
  });
});

describe("compareSortKeys", () => {
  const sign = (n: number) => Math.sign(n);

  it.each<[SortKey, SortKey, number]>([
    [[9], [10], -1],
    [[-1], [0], -1],
    [[1.5], [1.25], 1],
    [["10"], ["9"], -1],
    [["B"], ["a"], -1],
    [["hst:event:b"], ["zcu:event:a"], -1],
    [[5, "z"], [6, "a"], -1],
    [[5, "a"], [5, "b"], -1],
    [[5, "a"], [5, "a"], 0],
    [[5], [5, "a"], -1],
    [[], [0], -1],
    [[10], ["10"], -1],
    [[99], ["1"], -1],
  ])("compares %j with %j as %i, and the reverse as its opposite", (a, b, expected) => {
    expect(sign(compareSortKeys(a, b))).toBe(expected);
    expect(sign(compareSortKeys(b, a))).toBe(-expected || 0);
  });

  it("is a total order over keys of mixed types and lengths", () => {
    const keys: SortKey[] = [[10], ["10"], [9], ["9"], [10, "a"], ["10", 1], [], [1_790_000_000_000, "hst:event:1"], [1_790_000_000_000, "zcu:event:0"], [-3], ["", 0]];
    for (const a of keys) {
      expect(compareSortKeys(a, a)).toBe(0);
      for (const b of keys) {
        expect(sign(compareSortKeys(a, b))).toBe(-sign(compareSortKeys(b, a)) || 0);
        for (const c of keys) {
          if (compareSortKeys(a, b) < 0 && compareSortKeys(b, c) < 0) expect(compareSortKeys(a, c)).toBeLessThan(0);
        }
      }
    }
    const sorted = [...keys].sort(compareSortKeys);
    expect([...keys].reverse().sort(compareSortKeys)).toEqual(sorted);
  });

  it("agrees with the order of the cursors' keys after a round trip", () => {
    const keys: SortKey[] = [
      [3, "b"],
      [1, "z"],
      [3, "a"],
      [2, "m"],
    ];
    const viaCursors = keys
      .map(encodeSortCursor)
      .map((cursor) => decodeSortCursor(cursor))
      .sort(compareSortKeys);
    expect(viaCursors).toEqual([
      [1, "z"],
      [2, "m"],
      [3, "a"],
      [3, "b"],
    ]);
  });
});
