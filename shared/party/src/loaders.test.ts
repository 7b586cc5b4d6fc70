import { describe, expect, it } from "vitest";
import { createByKeyLoader, createGroupedLoader } from "./loaders.js";

interface Row {
  id: string;
  parent: string;
}

/** A fetch that records every batch it is asked for and answers rows in reverse order. */
function recordingFetch(rows: Row[], keyOf: (row: Row) => string) {
  const batches: string[][] = [];
  const fetch = async (keys: readonly string[]) => {
    batches.push([...keys]);
    return rows.filter((row) => keys.includes(keyOf(row))).reverse();
  };
  return { fetch, batches };
}

const rows: Row[] = [
  { id: "a", parent: "p1" },
  { id: "b", parent: "p2" },
  { id: "c", parent: "p1" },
];

describe("createByKeyLoader", () => {
  it("answers loads made together with one fetch of the distinct keys, in request order, null when missing", async () => {
    const { fetch, batches } = recordingFetch(rows, (row) => row.id);
    const loader = createByKeyLoader(fetch, (row) => row.id);
    const answers = await Promise.all(["c", "x", "a", "c"].map((key) => loader.load(key)));
    expect(answers).toEqual([rows[2], null, rows[0], rows[2]]);
    expect(batches).toEqual([["c", "x", "a"]]);
  });

  it("does not fetch again for keys it has answered", async () => {
    const { fetch, batches } = recordingFetch(rows, (row) => row.id);
    const loader = createByKeyLoader(fetch, (row) => row.id);
    await loader.load("a");
    await Promise.all([loader.load("a"), loader.load("b")]);
    expect(batches).toEqual([["a"], ["b"]]);
  });
});

describe("createGroupedLoader", () => {
  it("groups rows by parent with one fetch, in the order fetched, empty for parents without rows", async () => {
    const { fetch, batches } = recordingFetch(rows, (row) => row.parent);
    const loader = createGroupedLoader(fetch, (row) => row.parent);
    const [p1, p2, p3] = await Promise.all(["p1", "p2", "p3"].map((key) => loader.load(key)));
    expect(p1).toEqual([rows[2], rows[0]]);
    expect(p2).toEqual([rows[1]]);
    expect(p3).toEqual([]);
    expect(batches).toEqual([["p1", "p2", "p3"]]);
  });
});
