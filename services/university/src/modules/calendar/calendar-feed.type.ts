import { Field, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";

@ObjectType({ description: "A secret calendar feed: its URL is shown once, here; whoever holds it reads your calendar until you revoke it." })
export class CalendarFeed {
  @Field(() => String, { description: "The address a calendar app subscribes to: the gateway's address followed by `path`." })
  url: string;

  @Field(() => String, { description: "`/calendar/<token>.ics`, served by the gateway." })
  path: string;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;
}
