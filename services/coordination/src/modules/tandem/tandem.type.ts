import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import { formatGlobalId, homeNodeOf } from "@tandem/shared";
import { participantRef, ParticipantReference } from "../common/participant-reference.type.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import type { TandemCloseReason, TandemEntity, TandemResponse, TandemStatus } from "./tandem.entity.js";

export const TandemStatusEnum = { PROPOSED: "PROPOSED", ACCEPTED: "ACCEPTED", ACTIVE: "ACTIVE", CLOSED: "CLOSED" } as const;
registerEnumType(TandemStatusEnum, {
  name: "TandemStatus",
  valuesConfig: {
    PROPOSED: { description: "Paired by coordination, waiting for both partners to accept." },
    ACCEPTED: { description: "Accepted by both partners; contacts may be disclosed; agreement not yet signed." },
    ACTIVE: { description: "Agreement signed; running." },
    CLOSED: { description: "Ended, with a reason (a partner's decline closes it too)." },
  },
});

export const TandemResponseEnum = { PENDING: "PENDING", ACCEPTED: "ACCEPTED", DECLINED: "DECLINED" } as const;
registerEnumType(TandemResponseEnum, { name: "TandemResponse", description: "A partner's answer to a proposed tandem." });

export const TandemCloseReasonEnum = {
  COMPLETED: "COMPLETED",
  DISSOLVED_BY_PARTICIPANT: "DISSOLVED_BY_PARTICIPANT",
  DISSOLVED_BY_MEDIATION: "DISSOLVED_BY_MEDIATION",
  NO_SHOW: "NO_SHOW",
  OTHER: "OTHER",
  DECLINED: "DECLINED",
  ERASED: "ERASED",
} as const satisfies Record<TandemCloseReason, TandemCloseReason>;
registerEnumType(TandemCloseReasonEnum, {
  name: "TandemCloseReason",
  description: "Why a tandem ended: a code; what a person wants to say about it stays at their home node (e.g. in their evaluation's comment).",
  valuesConfig: {
    COMPLETED: { description: "The pair completed the programme." },
    DISSOLVED_BY_PARTICIPANT: { description: "A partner ended it." },
    DISSOLVED_BY_MEDIATION: { description: "Ended as the outcome of a mediation." },
    NO_SHOW: { description: "A partner never took part." },
    OTHER: { description: "Any other reason." },
    DECLINED: { description: "A partner declined the proposal (set by respondToTandem)." },
    ERASED: { description: "A partner's data was erased (set by the erasure)." },
  },
});

export const TANDEM_KIND = "tandem";

@ObjectType({ description: "A mentee and a mentor paired within a cohort." })
@Directive(`@key(fields: "id")`)
export class Tandem {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => ID, { description: "Global id of the mentee at their home node." })
  menteeId: string;

  @Field(() => ID, { description: "Global id of the mentor at their home node." })
  mentorId: string;

  @Field(() => ParticipantReference, { nullable: true, description: "Resolved by the mentee's home node; null when it is unavailable or the mentee was erased." })
  mentee: ParticipantReference | null;

  @Field(() => ParticipantReference, { nullable: true, description: "Resolved by the mentor's home node; null when it is unavailable or the mentor was erased." })
  mentor: ParticipantReference | null;

  @Field(() => Boolean, { description: "Mentee and mentor belong to different nodes." })
  crossBorder: boolean;

  @Field(() => TandemStatusEnum)
  status: TandemStatus;

  @Field(() => TandemResponseEnum)
  menteeResponse: TandemResponse;

  @Field(() => DateTimeISOResolver, { nullable: true })
  menteeRespondedAt: Date | null;

  @Field(() => TandemResponseEnum)
  mentorResponse: TandemResponse;

  @Field(() => DateTimeISOResolver, { nullable: true })
  mentorRespondedAt: Date | null;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  activatedAt: Date | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "The day the pair started (UTC): the day of activation, or the earlier day a coordinator recorded; null before it started." })
  startedOn: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  closedAt: Date | null;

  @Field(() => TandemCloseReasonEnum, { nullable: true })
  closeReason: TandemCloseReason | null;

  @Field(() => String, { nullable: true, description: "Why a coordinator started the tandem without both signatures of its agreement; null when the signatures started it." })
  activationOverrideReason: string | null;

  localId: string;
  cohortLocalId: string;

  static fromEntity(entity: TandemEntity, coordinationId: string): Tandem {
    return Object.assign(new Tandem(), {
      id: formatGlobalId(coordinationId, TANDEM_KIND, entity.id),
      localId: entity.id,
      cohortId: formatGlobalId(coordinationId, COHORT_KIND, entity.cohortId),
      cohortLocalId: entity.cohortId,
      menteeId: entity.menteeId,
      mentorId: entity.mentorId,
      mentee: participantRef(entity.menteeId),
      mentor: participantRef(entity.mentorId),
      crossBorder: homeNodeOf(entity.menteeId) !== homeNodeOf(entity.mentorId),
      status: entity.status,
      menteeResponse: entity.menteeResponse,
      menteeRespondedAt: entity.menteeRespondedAt,
      mentorResponse: entity.mentorResponse,
      mentorRespondedAt: entity.mentorRespondedAt,
      createdAt: entity.createdAt,
      activatedAt: entity.activatedAt,
      startedOn: entity.startedOn,
      closedAt: entity.closedAt,
      closeReason: entity.closeReason,
      activationOverrideReason: entity.activationOverrideReason,
    });
  }
}
