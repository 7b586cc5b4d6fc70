/**
 * Relay-style page info, shared by every subgraph (hence @shareable).
 */
import { Directive, Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page sits in a connection." })
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Builds a page from rows fetched with `limit + 1`, cursors from each row's sort key. */
export function toPage<T>(rows: T[], first: number, cursorOf: (row: T) => string, hasPrevious: boolean) {
  const items = rows.slice(0, first);
  const edges = items.map((node) => ({ cursor: cursorOf(node), node }));
  const pageInfo: PageInfo = {
    hasNextPage: rows.length > first,
    hasPreviousPage: hasPrevious,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
  return { edges, pageInfo };
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionTypes<T>(name: string, nodeType: new () => T) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: "Opaque position of this edge; pass as `after`." })
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: "Number of items matching the filter, over all pages." })
    totalCount: number;
  }

  return { Edge, Connection };
}
