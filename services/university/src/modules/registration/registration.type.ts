import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import type { AttendanceStatus } from "@tandem/shared";
import type { AttendanceSource, RegistrationEntity, RegistrationStatus } from "./registration.entity.js";

export const RegistrationStatusEnum = { CONFIRMED: "CONFIRMED", WAITLISTED: "WAITLISTED", CANCELLED: "CANCELLED" } as const;
registerEnumType(RegistrationStatusEnum, { name: "RegistrationStatus" });

export const AttendanceStatusEnum = { ATTENDED: "ATTENDED", EXCUSED: "EXCUSED", NO_SHOW: "NO_SHOW" } as const;
registerEnumType(AttendanceStatusEnum, { name: "AttendanceStatus" });

export const AttendanceSourceEnum = { HOST: "HOST", CHECK_IN: "CHECK_IN" } as const;
registerEnumType(AttendanceSourceEnum, {
  name: "AttendanceSource",
  valuesConfig: { HOST: { description: "Recorded by the host node's coordinators." }, CHECK_IN: { description: "The registrant checked in with the event's code." } },
});

export const REGISTRATION_KIND = "registration";

/**
 * A seat (or a waitlist place) at an event of this node, for a participant of
 * any node. `participant` is resolved by the gateway from the reference.
 */
@ObjectType({ description: "A participant's registration for an event, held by the event's host node." })
@Directive(`@key(fields: "id")`)
export class Registration {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "Id of the node holding the registration (the event's host)." })
  nodeId: string;

  @Field(() => ID, { description: "Global id of the registered participant, at their home node." })
  participantId: string;

  @Field(() => RegistrationStatusEnum)
  status: RegistrationStatus;

  @Field(() => DateTimeISOResolver)
  registeredAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When a waitlisted registration got a seat." })
  promotedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => AttendanceStatusEnum, { nullable: true, description: "What the host node recorded of the registrant's attendance." })
  attendance: AttendanceStatus | null;

  @Field(() => AttendanceSourceEnum, { nullable: true })
  attendanceSource: AttendanceSource | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  attendanceRecordedAt: Date | null;

  localId: string;
  eventLocalId: string;

  static fromEntity(entity: RegistrationEntity, nodeId: string): Registration {
    return Object.assign(new Registration(), {
      id: formatGlobalId(nodeId, REGISTRATION_KIND, entity.id),
      localId: entity.id,
      eventLocalId: entity.eventId,
      nodeId,
      participantId: entity.participantId,
      status: entity.status,
      registeredAt: entity.registeredAt,
      promotedAt: entity.promotedAt,
      cancelledAt: entity.cancelledAt,
      attendance: entity.attendance,
      attendanceSource: entity.attendanceSource,
      attendanceRecordedAt: entity.attendanceRecordedAt,
    });
  }
}
