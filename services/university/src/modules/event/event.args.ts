import { ArrayMaxSize, IsDate, IsIn, IsOptional } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { PageArgs } from "@tandem/party";
import { EventKindEnum } from "./event.type.js";
import type { EventKind } from "./event.entity.js";

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => [String], { nullable: true, description: "Only events hosted by these nodes (default: every node)." })
  @IsOptional()
  @ArrayMaxSize(64)
  nodes?: string[];

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Only events ending at or after this instant." })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Only events starting before this instant." })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => [EventKindEnum], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(EventKindEnum), { each: true })
  kinds?: EventKind[];

  @Field(() => Boolean, { defaultValue: false })
  includeCancelled: boolean;
}
