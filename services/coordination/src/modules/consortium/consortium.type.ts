import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * A member node of the consortium. The gateway serves it (name, country,
 * status…) from the registry, and `Query.consortium` with it, so that both
 * answer while any party is down; this office only names nodes by id.
 */
@ObjectType({ description: "A member university of the consortium, running its own node." })
@Directive(`@key(fields: "id", resolvable: false)`)
export class ConsortiumNode {
  @Field(() => ID, { description: "Short stable node id, e.g. hst." })
  id: string;

  static of(id: string): ConsortiumNode {
    return Object.assign(new ConsortiumNode(), { id });
  }
}
