/**
 * `first` and `after` of every connection, declared once: a list's arguments
 * extend `PageArgs` (or `pageArgs(size)` for another default page size) with
 * its filter. Everything else in the arguments is the filter a cursor is
 * bound to.
 */
import { IsInt, Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@tandem/shared";

export interface PageArgsShape {
  first: number;
  after?: string | null;
}

/** Page arguments with `defaultSize` items per page unless asked otherwise. */
export function pageArgs(defaultSize: number) {
  @ArgsType()
  class PageArgsBase implements PageArgsShape {
    @Field(() => Int, { defaultValue: defaultSize, description: `Items on this page, 1 to ${MAX_PAGE_SIZE}.` })
    @IsInt()
    @Min(1)
    @Max(MAX_PAGE_SIZE)
    first: number;

    @Field(() => String, { nullable: true, description: "Cursor of the last edge seen." })
    after?: string;
  }
  return PageArgsBase;
}

@ArgsType()
export class PageArgs extends pageArgs(DEFAULT_PAGE_SIZE) {}

/** The filter part of a list's arguments: all but `first` and `after`. */
export function filterOf(args: PageArgsShape): Record<string, unknown> {
  const { first: _first, after: _after, ...filter } = args as PageArgsShape & Record<string, unknown>;
  return filter;
}
