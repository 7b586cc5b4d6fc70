import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";

@ObjectType("TandemAgreement", {
  description:
    "A tandem's agreement as the coordination office knows it, from the partners' home nodes' signed facts: the current version's number, hash and date, and when each partner signed it — never its text (that is Agreement, at the mentee's home node).",
})
export class TandemAgreementType {
  @Field(() => Int)
  version: number;

  @Field(() => String, { description: "SHA-256 of the current version's canonical content." })
  versionHash: string;

  @Field(() => DateTimeISOResolver)
  versionedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When the mentee signed the current version." })
  menteeSignedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When the mentor signed the current version." })
  mentorSignedAt: Date | null;

  @Field(() => Boolean, { description: "Both partners signed the current version." })
  signed: boolean;
}
