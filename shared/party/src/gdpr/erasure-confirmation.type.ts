import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";

/** Shareable: every party confirms an erasure in this shape, and the gateway lists them on the receipt. */
@ObjectType({ description: "A party's confirmation that it erased or anonymised everything it held about a person." })
@Directive("@shareable")
export class ErasureConfirmation {
  @Field(() => String, { description: "The confirming party (a node id or the coordination id)." })
  party: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Boolean, { description: "Whether the party held personal fields of the person (the coordination office never does)." })
  heldPersonalData: boolean;

  @Field(() => Int, { description: "Records deleted." })
  removedRecords: number;

  @Field(() => Int, { description: "Records whose reference to the person was replaced by a pseudonym." })
  anonymisedRecords: number;

  @Field(() => DateTimeISOResolver)
  confirmedAt: Date;
}
