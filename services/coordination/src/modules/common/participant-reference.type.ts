import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * A participant, owned by their home node; coordination holds only the id.
 * Fields of this type are nullable: a node that is down must not blank a response.
 */
@ObjectType("Participant")
@Directive(`@key(fields: "id", resolvable: false)`)
export class ParticipantReference {
  @Field(() => ID)
  id: string;
}

export function participantRef(id: string): ParticipantReference {
  return { id };
}
