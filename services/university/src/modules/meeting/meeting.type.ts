import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import { formatGlobalId } from "@tandem/shared";
import type { ActiveTandemEntity } from "../active-tandem/active-tandem.entity.js";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import type { MeetingEntity, MeetingFormat } from "./meeting.entity.js";

export const MeetingFormatEnum = { ONLINE: "ONLINE", IN_PERSON: "IN_PERSON", VISIT: "VISIT", JOB_SHADOWING: "JOB_SHADOWING", PHONE: "PHONE" } as const;
registerEnumType(MeetingFormatEnum, { name: "MeetingKind", description: "How a tandem met: online, in person, a visit, job shadowing, by phone." });

export const TandemSideEnum = { MENTEE: "MENTEE", MENTOR: "MENTOR" } as const;
registerEnumType(TandemSideEnum, { name: "TandemSide", description: "A partner's side of a tandem." });

export const MEETING_KIND = "meeting";

@ObjectType({ description: "A meeting of a tandem, kept at the mentee's home node for the pair only; the coordination office sees counts and the last date." })
@Directive(`@key(fields: "id")`)
export class Meeting {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: "The tandem at the coordination office." })
  tandemId: string;

  @Field(() => ID)
  menteeId: string;

  @Field(() => ID)
  mentorId: string;

  @Field(() => LocalDateResolver)
  heldOn: string;

  @Field(() => MeetingFormatEnum)
  format: MeetingFormat;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => [String])
  topics: string[];

  @Field(() => TandemSideEnum, { description: "Who logged it: the mentee, or the mentor (who thereby confirmed it)." })
  recordedBy: TandemSide;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When the mentor confirmed it; null while unconfirmed." })
  confirmedAt: Date | null;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  localId: string;
  /** Read by the notes field's resolver, which the pair-only rule guards. */
  privateNotes: string;

  static fromEntity(entity: MeetingEntity, tandem: Pick<ActiveTandemEntity, "mentorId">, nodeId: string): Meeting {
    return Object.assign(new Meeting(), {
      id: formatGlobalId(nodeId, MEETING_KIND, entity.id),
      localId: entity.id,
      tandemId: entity.tandemId,
      menteeId: formatGlobalId(nodeId, PARTICIPANT_KIND, entity.menteeId),
      mentorId: tandem.mentorId,
      heldOn: entity.heldOn,
      format: entity.format,
      durationMinutes: entity.durationMinutes,
      topics: entity.topics,
      recordedBy: entity.recordedBy,
      confirmedAt: entity.mentorConfirmedAt,
      createdAt: entity.createdAt,
      privateNotes: entity.notes,
    });
  }
}
