import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { isSubject } from "@tandem/shared";
import type { NodeContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { RaiseConcernInput, UpdateConcernInput } from "./concern.input.js";
import { Concern } from "./concern.type.js";

@Resolver(() => Concern)
export class ConcernResolver {
  @Query(() => Concern, { nullable: true, description: "A concern: for its author, and for the mediators of its case (the statement only while its author lets them)." })
  async concern(@Arg("id", () => ID) id: string, @Ctx() ctx: NodeContext): Promise<Concern | null> {
    const found = await ctx.services.concerns.get(id);
    return found ? Concern.fromEntity(found, ctx.self) : null;
  }

  @Query(() => [Concern], { nullable: true, description: "The concerns you raised, newest first (of one tandem with `tandemId`). For you only." })
  async myConcerns(@Arg("participantId", () => ID) participantId: string, @Arg("tandemId", () => ID, { nullable: true }) tandemId: string | null, @Ctx() ctx: NodeContext): Promise<Concern[]> {
    return (await ctx.services.concerns.mine(participantId, tandemId ?? null)).map((entity) => Concern.fromEntity(entity, ctx.self));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "What the author wrote: for them, and for the mediators while the author lets them (null otherwise). Every mediator's read is audited here.",
  })
  statement(@Root() concern: Concern, @Ctx() ctx: NodeContext): string {
    if (!isSubject(ctx.caller, concern.participantId)) ctx.audit.processed("read-concern-statement", { participantId: concern.participantId, targetId: concern.id });
    return concern.text;
  }

  @Mutation(() => Concern, {
    nullable: true,
    description:
      "Raises a concern about your tandem at your home node: your words stay here, and whether the mediator may read them is your choice (your partner never can). The coordination office receives the codes and opens a mediation case (or adds this to the tandem's open one).",
  })
  async raiseConcern(@Arg("participantId", () => ID) participantId: string, @Arg("input", () => RaiseConcernInput) input: RaiseConcernInput, @Ctx() ctx: NodeContext): Promise<Concern> {
    return Concern.fromEntity(await ctx.services.concerns.raise(participantId, input), ctx.self);
  }

  @Mutation(() => Concern, { nullable: true, description: "Changes your concern's words, or whether the mediator may read them. Its author only." })
  async updateConcern(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateConcernInput) input: UpdateConcernInput, @Ctx() ctx: NodeContext): Promise<Concern> {
    return Concern.fromEntity(await ctx.services.concerns.update(id, input, ctx.access.guard(rules.updateConcern)), ctx.self);
  }
}
