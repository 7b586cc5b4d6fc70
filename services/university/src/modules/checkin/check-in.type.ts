import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import type { TandemSide } from "../active-tandem/active-tandem.service.js";
import { TandemSideEnum } from "../meeting/meeting.type.js";
import type { CheckInEntity } from "./check-in.entity.js";

@ObjectType({ description: "Your answer to a check-in, kept at your home node for you only." })
export class CheckIn {
  @Field(() => ID)
  tandemId: string;

  @Field(() => TandemSideEnum)
  side: TandemSide;

  @Field(() => LocalDateResolver)
  dueOn: string;

  @Field(() => Int)
  satisfaction: number;

  @Field(() => Boolean)
  onTrack: boolean;

  @Field(() => Boolean)
  contactRequested: boolean;

  @Field(() => DateTimeISOResolver)
  answeredAt: Date;

  static fromEntity(entity: CheckInEntity): CheckIn {
    return Object.assign(new CheckIn(), {
      tandemId: entity.tandemId,
      side: entity.side,
      dueOn: entity.dueOn,
      satisfaction: entity.satisfaction,
      onTrack: entity.onTrack,
      contactRequested: entity.contactRequested,
      answeredAt: entity.createdAt,
    });
  }
}

@ObjectType({ description: "Your check-ins of a tandem: the one open now, if any, and your answers." })
export class CheckInState {
  @Field(() => LocalDateResolver, { nullable: true, description: "The due day of the check-in you can answer now; null when none is open." })
  openDueOn: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "The next due day after today, if any." })
  nextDueOn: string | null;

  @Field(() => [CheckIn])
  answers: CheckIn[];
}
