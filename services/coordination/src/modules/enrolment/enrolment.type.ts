import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import { participantRef, ParticipantReference } from "../common/participant-reference.type.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { EnrolmentEntity, EnrolmentRole, EnrolmentStatus } from "./enrolment.entity.js";

export const EnrolmentRoleEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR" } as const;
registerEnumType(EnrolmentRoleEnum, { name: "EnrolmentRole", description: "The part a participant plays in a cohort." });

export const EnrolmentStatusEnum = { ACTIVE: "ACTIVE", WITHDRAWN: "WITHDRAWN" } as const;
registerEnumType(EnrolmentStatusEnum, { name: "EnrolmentStatus" });

export const ENROLMENT_KIND = "enrolment";

@ObjectType({ description: "A participant of any node taking part in a cohort as mentee or mentor." })
@Directive(`@key(fields: "id")`)
export class Enrolment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => ID, { description: "Global id of the participant at their home node." })
  participantId: string;

  @Field(() => ParticipantReference, { nullable: true, description: "Resolved by the participant's home node; null when it is unavailable or the participant was erased." })
  participant: ParticipantReference | null;

  @Field(() => EnrolmentRoleEnum)
  role: EnrolmentRole;

  @Field(() => String, { description: "Code of one of the programme's tracks." })
  track: string;

  @Field(() => EnrolmentStatusEnum)
  status: EnrolmentStatus;

  @Field(() => DateTimeISOResolver)
  enrolledAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  withdrawnAt: Date | null;

  localId: string;
  cohortLocalId: string;

  static fromEntity(entity: EnrolmentEntity, coordinationId: string): Enrolment {
    return Object.assign(new Enrolment(), {
      id: formatGlobalId(coordinationId, ENROLMENT_KIND, entity.id),
      localId: entity.id,
      cohortId: formatGlobalId(coordinationId, COHORT_KIND, entity.cohortId),
      cohortLocalId: entity.cohortId,
      participantId: entity.participantId,
      participant: participantRef(entity.participantId),
      role: entity.role,
      track: entity.trackCode,
      status: entity.status,
      enrolledAt: entity.enrolledAt,
      withdrawnAt: entity.withdrawnAt,
    });
  }
}
