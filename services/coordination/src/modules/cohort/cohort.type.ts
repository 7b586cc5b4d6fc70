import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { ConsortiumNode } from "../consortium/consortium.type.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import type { CohortEntity } from "./cohort.entity.js";
import type { CohortQuotaEntity } from "./cohort-quota.entity.js";

export const COHORT_KIND = "cohort";

@ObjectType({ description: "One run of a programme." })
@Directive(`@key(fields: "id")`)
export class Cohort {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  programmeId: string;

  @Field(() => String)
  name: string;

  @Field(() => LocalDateResolver)
  startsOn: string;

  @Field(() => LocalDateResolver)
  endsOn: string;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  localId: string;
  programmeLocalId: string;

  static fromEntity(entity: CohortEntity, coordinationId: string): Cohort {
    return Object.assign(new Cohort(), {
      id: formatGlobalId(coordinationId, COHORT_KIND, entity.id),
      localId: entity.id,
      programmeId: formatGlobalId(coordinationId, PROGRAMME_KIND, entity.programmeId),
      programmeLocalId: entity.programmeId,
      name: entity.name,
      startsOn: entity.startsOn,
      endsOn: entity.endsOn,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType({ description: "Places a node has in a cohort, per role." })
export class CohortQuota {
  @Field(() => String)
  nodeId: string;

  @Field(() => ConsortiumNode, { nullable: true, description: "Null when the node has left the registry." })
  node: ConsortiumNode | null;

  @Field(() => Int, { description: "Places for mentees of this node." })
  mentees: number;

  @Field(() => Int, { description: "Places for mentors of this node." })
  mentors: number;

  cohortLocalId: string;

  static fromEntity(entity: CohortQuotaEntity, node: ConsortiumNode | null): CohortQuota {
    return Object.assign(new CohortQuota(), {
      nodeId: entity.nodeId,
      node,
      mentees: entity.mentees,
      mentors: entity.mentors,
      cohortLocalId: entity.cohortId,
    });
  }
}
