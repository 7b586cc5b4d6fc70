/**
 * Relay-style connection types: `PageInfo`, shared by every subgraph (hence
 * @shareable), and `<Name>Edge` / `<Name>Connection` per node type.
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

export interface ConnectionOptions {
  /** Description of the connection type. */
  description?: string;
  /** Served alike by several subgraphs (e.g. every party's audit log). */
  shareable?: boolean;
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionTypes<T>(name: string, nodeType: new () => T, options: ConnectionOptions = {}) {
  const shareable = options.shareable ? Directive("@shareable") : () => undefined;

  @ObjectType(`${name}Edge`)
  @shareable
  class Edge {
    @Field(() => String, { description: "Opaque position of this edge; pass as `after`." })
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: options.description })
  @shareable
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: "Number of items matching the filter, over all pages." })
    totalCount: number | PromiseLike<number>;
  }

  return { Edge, Connection };
}
