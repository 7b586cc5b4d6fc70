import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { MatchingPairRuleEntity, PairRuleKind } from "./matching-pair-rule.entity.js";
import { PAIR_RULE_KIND } from "./matching.ids.js";

export const PairRuleKindEnum = { PIN: "PIN", BAN: "BAN" } as const;
registerEnumType(PairRuleKindEnum, {
  name: "MatchingPairRuleKind",
  valuesConfig: {
    PIN: { description: "Must pair: pre-assigned before the solver runs (it must still respect conflict tokens and the cross-border rule)." },
    BAN: { description: "Must not pair." },
  },
});

@ObjectType({ description: "A coordinator's pin or ban between a mentee and a mentor of a cohort, by pseudonym." })
export class MatchingPairRule {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => PairRuleKindEnum)
  kind: PairRuleKind;

  @Field(() => String)
  menteePseudonym: string;

  @Field(() => String)
  mentorPseudonym: string;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  static fromEntity(entity: MatchingPairRuleEntity, coordinationId: string): MatchingPairRule {
    return Object.assign(new MatchingPairRule(), {
      id: formatGlobalId(coordinationId, PAIR_RULE_KIND, entity.id),
      cohortId: formatGlobalId(coordinationId, COHORT_KIND, entity.cohortId),
      kind: entity.kind,
      menteePseudonym: entity.menteePseudonym,
      mentorPseudonym: entity.mentorPseudonym,
      createdAt: entity.createdAt,
    });
  }
}
