/** A connection with nothing in it: for filters that exclude this node, or callers entitled to nothing here. */
export function emptyConnection() {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 };
}
