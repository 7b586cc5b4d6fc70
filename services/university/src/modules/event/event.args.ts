import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@tandem/shared";
import { EventKindEnum } from "./event.type.js";
import type { EventKind } from "./event.entity.js";

@ArgsType()
export class EventsArgs {
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

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge seen." })
  after?: string;
}
