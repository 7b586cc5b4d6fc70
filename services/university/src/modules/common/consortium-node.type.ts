import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A member node of the consortium, served by the gateway from the registry; nodes only hold its id. */
@ObjectType("ConsortiumNode")
@Directive(`@key(fields: "id", resolvable: false)`)
export class ConsortiumNodeReference {
  @Field(() => ID)
  id: string;
}

export function consortiumNodeRef(id: string): ConsortiumNodeReference {
  return { id };
}
