import { Directive, Field, ID, ObjectType } from "type-graphql";
import { tryParseGlobalId } from "@tandem/shared";

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

/** A stub the home node resolves; none for a reference that names no participant (an erased one reads `<node>:erased:<uuid>`). */
export function participantRef(id: string): ParticipantReference | null {
  return tryParseGlobalId(id)?.kind === "participant" ? { id } : null;
}
