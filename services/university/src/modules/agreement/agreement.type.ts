import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import type { AgreementRole } from "@tandem/shared";
import { ContactForms, type AgreementGoalContent, type ContactForm } from "./agreement-content.js";

export const ContactFormEnum = Object.fromEntries(ContactForms.map((form) => [form, form])) as { [F in ContactForm]: F };
registerEnumType(ContactFormEnum, { name: "ContactForm", description: "How a tandem's partners are in contact." });

export const AgreementStatusEnum = { AWAITING_DRAFT: "AWAITING_DRAFT", DRAFT: "DRAFT", SIGNED: "SIGNED", ENDED: "ENDED" } as const;
export type AgreementStatus = keyof typeof AgreementStatusEnum;
registerEnumType(AgreementStatusEnum, {
  name: "AgreementStatus",
  valuesConfig: {
    AWAITING_DRAFT: { description: "The tandem was accepted; the mentee has not drafted the agreement yet." },
    DRAFT: { description: "A version exists; not both partners signed it." },
    SIGNED: { description: "Both partners signed the current version." },
    ENDED: { description: "The tandem ended: the agreement is kept, nothing changes any more." },
  },
});

export const AgreementRoleEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR" } as const;
registerEnumType(AgreementRoleEnum, { name: "AgreementRole" });

@ObjectType({ description: "A goal of the agreement." })
export class AgreementGoal implements AgreementGoalContent {
  @Field(() => String, { description: "What the final evaluation rates it by: `short-1`, `short-2`…, `long-1`… in the agreement's order." })
  key: string;

  @Field(() => String)
  text: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  targetDate: string | null;
}

@ObjectType({ description: "A partner's signature of one version, attested by their home node." })
export class AgreementSignature {
  @Field(() => ID)
  agreementId: string;

  @Field(() => ID, { description: "The signer (global participant id)." })
  signerId: string;

  @Field(() => AgreementRoleEnum)
  role: AgreementRole;

  @Field(() => Int)
  version: number;

  @Field(() => String)
  versionHash: string;

  @Field(() => DateTimeISOResolver)
  signedAt: Date;

  @Field(() => String, { description: "The signer's home node's signed statement (an agreement-signed proof, compact JWS), verifiable against the registry." })
  proof: string;
}

@ObjectType({ description: "A past or current version: who made it, when, its hash." })
export class AgreementVersionInfo {
  @Field(() => Int)
  version: number;

  @Field(() => String)
  versionHash: string;

  @Field(() => ID)
  authorId: string;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;
}

@ObjectType({ description: "The agreement of an accepted tandem, held by the mentee's home node: for the mentee and, under the tandem-partner rule, the mentor." })
@Directive(`@key(fields: "id")`)
export class Agreement {
  @Field(() => ID, { description: "<mentee's node>:agreement:<the tandem's uuid> (Tandem.agreementId at the coordination office)." })
  id: string;

  @Field(() => ID)
  tandemId: string;

  @Field(() => ID)
  menteeId: string;

  @Field(() => ID)
  mentorId: string;

  @Field(() => AgreementStatusEnum)
  status: AgreementStatus;

  @Field(() => Int, { description: "The current version (0 before the mentee drafted it)." })
  version: number;

  @Field(() => String, { nullable: true, description: "SHA-256 of the current version's canonical content: sign and revise by naming it." })
  versionHash: string | null;

  @Field(() => ID, { nullable: true })
  authorId: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  updatedAt: Date | null;

  @Field(() => [AgreementGoal])
  shortTermGoals: AgreementGoal[];

  @Field(() => [AgreementGoal])
  longTermGoals: AgreementGoal[];

  @Field(() => [ContactFormEnum])
  contactForms: ContactForm[];

  @Field(() => String, { nullable: true })
  frequency: string | null;

  @Field(() => String, { nullable: true })
  feedbackForm: string | null;

  @Field(() => String, { nullable: true })
  additions: string | null;

  @Field(() => [AgreementSignature], { description: "Signatures of the current version (the partner's arrives from their home node)." })
  signatures: AgreementSignature[];

  @Field(() => [AgreementVersionInfo], { description: "Every version, oldest first." })
  versions: AgreementVersionInfo[];
}
