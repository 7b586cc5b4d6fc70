import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { RegisteredNode } from "@tandem/shared";

/** A member node, served from the consortium registry. Nodes hold only its id. */
@ObjectType({ description: "A member university of the consortium, running its own node." })
@Directive(`@key(fields: "id")`)
export class ConsortiumNode {
  @Field(() => ID, { description: "Short stable node id, e.g. hst." })
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  shortName: string;

  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, e.g. DE." })
  country: string;

  @Field(() => String)
  city: string;

  @Field(() => String, { description: "IANA time zone, e.g. Europe/Berlin." })
  timeZone: string;

  static fromRegistry(node: RegisteredNode): ConsortiumNode {
    return Object.assign(new ConsortiumNode(), {
      id: node.id,
      name: node.name,
      shortName: node.shortName,
      country: node.country,
      city: node.city,
      timeZone: node.timeZone,
    });
  }
}

@ObjectType({ description: "The consortium and its member nodes." })
export class Consortium {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => [ConsortiumNode])
  nodes: ConsortiumNode[];
}
