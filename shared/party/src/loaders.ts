/**
 * The two DataLoader shapes every subgraph needs: rows by key and rows
 * grouped by a parent key, each one query per batch.
 */
import DataLoader from "dataloader";

/** One row (or null) per key; `fetch` returns the rows found, in any order. */
export function createByKeyLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K) {
  return new DataLoader<K, V | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows of each parent key, in the order `fetch` returns them. */
export function createGroupedLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, parentOf: (row: V) => K) {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const row of await fetch(keys)) {
      const key = parentOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
