import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { TANDEM_KIND } from "../tandem/tandem.type.js";
import type { TandemSide } from "./check-in-record.entity.js";
import type { AttentionReason, TandemAttentionEntity } from "./tandem-attention.entity.js";

export const AttentionReasonEnum = { CONTACT_REQUESTED: "CONTACT_REQUESTED", LOW_SATISFACTION: "LOW_SATISFACTION" } as const;
registerEnumType(AttentionReasonEnum, {
  name: "AttentionReason",
  valuesConfig: {
    CONTACT_REQUESTED: { description: "A partner asked the coordination to contact them." },
    LOW_SATISFACTION: { description: "A partner rated their satisfaction 2 or lower." },
  },
});

export const CheckInSideEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR" } as const;
registerEnumType(CheckInSideEnum, { name: "TandemSide", description: "A partner's side of a tandem." });

@ObjectType({ description: "A tandem needing the coordinators' attention, raised by a check-in: which side, when, why. What the partner wrote stays at their home node." })
export class TandemAttention {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tandemId: string;

  @Field(() => CheckInSideEnum)
  side: TandemSide;

  @Field(() => LocalDateResolver, { description: "The check-in's due day." })
  dueOn: string;

  @Field(() => [AttentionReasonEnum])
  reasons: AttentionReason[];

  @Field(() => DateTimeISOResolver)
  raisedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When it was handled (mediation); null while open." })
  handledAt: Date | null;

  static fromEntity(entity: TandemAttentionEntity, coordinationId: string): TandemAttention {
    return Object.assign(new TandemAttention(), {
      id: formatGlobalId(coordinationId, "attention", entity.id),
      tandemId: formatGlobalId(coordinationId, TANDEM_KIND, entity.tandemId),
      side: entity.side,
      dueOn: entity.dueOn,
      reasons: entity.reasons,
      raisedAt: entity.raisedAt,
      handledAt: entity.handledAt,
    });
  }
}
