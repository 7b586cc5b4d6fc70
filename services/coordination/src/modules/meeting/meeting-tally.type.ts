import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import type { MeetingTallyEntity } from "./meeting-tally.entity.js";

@ObjectType({ description: "A tandem's meetings as the office knows them: counts and the last date, signed by the mentee's home node. What was met about stays there." })
export class MeetingTally {
  @Field(() => Int)
  meetings: number;

  @Field(() => Int, { description: "Meetings the mentor confirmed or added." })
  confirmed: number;

  @Field(() => LocalDateResolver, { nullable: true })
  lastMeetingOn: string | null;

  @Field(() => DateTimeISOResolver, { description: "When the office last received a newer tally." })
  updatedAt: Date;

  static fromEntity(entity: MeetingTallyEntity): MeetingTally {
    return Object.assign(new MeetingTally(), { meetings: entity.meetings, confirmed: entity.confirmed, lastMeetingOn: entity.lastMeetingOn, updatedAt: entity.updatedAt });
  }
}
