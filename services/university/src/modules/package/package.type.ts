import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import type { AttendanceStatus, CohortMembership, EventAudience, EventObligation } from "@tandem/shared";
import { EventAudienceEnum, EventObligationEnum } from "../event/event.type.js";
import { AttendanceStatusEnum } from "../registration/registration.type.js";

export const CohortRoleEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR" } as const;
registerEnumType(CohortRoleEnum, { name: "CohortRole" });

@ObjectType({ description: "An event of a cohort in a person's package, as their home node knows it from the host." })
export class PackageItem {
  @Field(() => ID, { description: "Global id of the event at its host node." })
  eventId: string;

  @Field(() => String)
  kind: string;

  @Field(() => String)
  title: string;

  @Field(() => DateTimeISOResolver)
  startsAt: Date;

  @Field(() => DateTimeISOResolver)
  endsAt: Date;

  @Field(() => Boolean)
  cancelled: boolean;

  @Field(() => EventObligationEnum)
  obligation: EventObligation;

  @Field(() => EventAudienceEnum)
  audience: EventAudience;

  @Field(() => Boolean, { description: "Mandatory for this person: a mandatory event of the cohort for their role." })
  mandatory: boolean;

  @Field(() => Boolean, { description: "Registered (confirmed or waitlisted), not cancelled." })
  registered: boolean;

  @Field(() => AttendanceStatusEnum, { nullable: true, description: "What the host recorded." })
  attendance: AttendanceStatus | null;

  @Field(() => Boolean, { description: "Mandatory, not cancelled, neither attended nor excused yet." })
  open: boolean;
}

@ObjectType({ description: "A person's programme package in one cohort, at their home node." })
export class ProgrammePackage {
  @Field(() => ID)
  participantId: string;

  @Field(() => ID)
  cohortId: string;

  @Field(() => CohortRoleEnum)
  role: CohortMembership["role"];

  @Field(() => [PackageItem], { description: "Events mandatory for them, those they registered for and those they attended, in start order." })
  items: PackageItem[];

  @Field(() => Int, { description: "Mandatory events (not cancelled)." })
  mandatory: number;

  @Field(() => Int, { description: "Voluntary events they registered for." })
  chosen: number;

  @Field(() => Int)
  attended: number;

  @Field(() => Int, { description: "Mandatory events neither attended nor excused yet." })
  open: number;

  @Field(() => Boolean, { description: "No mandatory event open." })
  complete: boolean;
}

@ObjectType({ description: "How far one node's people are with a cohort's packages: counts only." })
export class PackageCompletion {
  @Field(() => ID)
  cohortId: string;

  @Field(() => String)
  nodeId: string;

  @Field(() => Int, { description: "This node's people enrolled in the cohort." })
  enrolled: number;

  @Field(() => Int, { description: "… with no mandatory event open." })
  complete: number;

  @Field(() => Int)
  withOpenMandatory: number;

  @Field(() => Int, { description: "Attendances of this node's people at the cohort's events." })
  attendances: number;
}
