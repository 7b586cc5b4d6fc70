import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { MediationConcernEnum, MediationMediatorEnum } from "@tandem/party";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { TANDEM_KIND } from "../tandem/tandem.type.js";
import type { CaseConcern, CaseMediator, CaseOutcome, CaseRaiser, MediationCaseEntity } from "./mediation-case.entity.js";

/** coord:mediation-case:<uuid> */
export const MEDIATION_CASE_KIND = "mediation-case";

export const CaseRaiserEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR", COORDINATOR: "COORDINATOR" } as const;
export const CaseConcernEnum = MediationConcernEnum;
export const CaseMediatorEnum = MediationMediatorEnum;
export const CaseOutcomeEnum = { RESOLVED: "RESOLVED", RE_MATCH: "RE_MATCH", DISSOLVED: "DISSOLVED" } as const;

registerEnumType(CaseRaiserEnum, { name: "MediationCaseRaiser", description: "Who opened the case: one of the partners, or a coordinator." });
registerEnumType(CaseOutcomeEnum, {
  name: "MediationOutcome",
  valuesConfig: {
    RESOLVED: { description: "The tandem goes on." },
    RE_MATCH: { description: "The tandem ends; the mentee returns to the re-match pool (a REMATCH_POOL round places them with another mentor) and the mentor's place is free." },
    DISSOLVED: { description: "The tandem ends; neither is placed again from it." },
  },
});

/** A partner's statement about a case, owned by their home node; the office holds only the id. */
@ObjectType("Concern")
@Directive(`@key(fields: "id", resolvable: false)`)
export class ConcernReference {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: "A mediation case of a tandem, as the coordination office holds it: codes, dates and references, no text." })
@Directive(`@key(fields: "id")`)
export class MediationCase {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tandemId: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => CaseRaiserEnum)
  raisedBy: CaseRaiser;

  @Field(() => ID, { nullable: true, description: "The partner who opened it (null when a coordinator did)." })
  raiserId: string | null;

  @Field(() => String, { nullable: true, description: "The raiser's home node (null: a joint coordinator opened it)." })
  raiserNodeId: string | null;

  @Field(() => CaseConcernEnum)
  concern: CaseConcern;

  @Field(() => CaseMediatorEnum)
  mediator: CaseMediator;

  @Field(() => CaseOutcomeEnum, { nullable: true, description: "Null while the case is open." })
  outcome: CaseOutcome | null;

  @Field(() => DateTimeISOResolver)
  openedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  closedAt: Date | null;

  static fromEntity(entity: MediationCaseEntity, coordinationId: string): MediationCase {
    return Object.assign(new MediationCase(), {
      id: formatGlobalId(coordinationId, MEDIATION_CASE_KIND, entity.id),
      tandemId: formatGlobalId(coordinationId, TANDEM_KIND, entity.tandemId),
      cohortId: formatGlobalId(coordinationId, COHORT_KIND, entity.cohortId),
      raisedBy: entity.raisedBy,
      raiserId: entity.raiserId,
      raiserNodeId: entity.raiserNodeId,
      concern: entity.concern,
      mediator: entity.mediator,
      outcome: entity.outcome,
      openedAt: entity.openedAt,
      closedAt: entity.closedAt,
    });
  }
}
