import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionTypes, mapConnection } from "@tandem/party";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { ConcernReference, MediationCase, MEDIATION_CASE_KIND } from "./mediation-case.type.js";
import { MediationCasesArgs, OpenMediationCaseInput, ResolveMediationCaseArgs } from "./mediation-case.args.js";

export const { Connection: MediationCaseConnection } = connectionTypes("MediationCase", MediationCase);
type MediationCaseConnection = InstanceType<typeof MediationCaseConnection>;

@Resolver(() => MediationCase)
export class MediationCaseResolver {
  @Query(() => MediationCaseConnection, {
    description:
      "A cohort's mediation cases, oldest first: all for joint coordinators, those raised at their node for node coordinators, those they raised for participants. Codes and dates only: what the raiser wrote stays at their home node.",
  })
  async mediationCases(@Args(() => MediationCasesArgs) args: MediationCasesArgs, @Ctx() ctx: CoordinationContext): Promise<MediationCaseConnection> {
    return mapConnection(await ctx.services.mediationCases.list(args, ctx.access.scope(rules.readMediationCase)), (entity) => MediationCase.fromEntity(entity, ctx.self));
  }

  @Query(() => MediationCase, { description: "One mediation case: for joint coordinators, the coordinators of the raiser's node and the partner who raised it." })
  async mediationCase(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<MediationCase> {
    const found = await ctx.services.mediationCases.get(id);
    ctx.access.guard(rules.readMediationCase)(found);
    return MediationCase.fromEntity(found, ctx.self);
  }

  @FieldResolver(() => [ConcernReference], {
    description:
      "What the partners wrote about the case, by reference: each statement stays at its author's home node, which shows it to the mediators only while its author lets them (`Concern.statement` is null otherwise).",
  })
  async statements(@Root() mediationCase: MediationCase, @Ctx() ctx: CoordinationContext): Promise<ConcernReference[]> {
    const rows = await ctx.loaders.statementsByCase.load(ctx.services.directory.parseLocal(mediationCase.id, MEDIATION_CASE_KIND, "id"));
    return rows.map((row) => ({ id: row.statementId }));
  }

  @Mutation(() => MediationCase, {
    description: "Opens a mediation case for an accepted or active tandem, as one of the partners or a coordinator of their nodes or the joint office; returns the tandem's open case if it has one.",
  })
  async openMediationCase(@Arg("input", () => OpenMediationCaseInput) input: OpenMediationCaseInput, @Ctx() ctx: CoordinationContext): Promise<MediationCase> {
    return MediationCase.fromEntity(await ctx.services.mediationCases.open(input, ctx.caller, ctx.access.guard(rules.openMediationCase)), ctx.self);
  }

  @Mutation(() => MediationCase, {
    description: "Closes a case with its outcome (RE_MATCH and DISSOLVED end the tandem), as its mediator: joint coordinators, or the coordinators of the raiser's node for a HOME_NODE case.",
  })
  async resolveMediationCase(@Args(() => ResolveMediationCaseArgs) args: ResolveMediationCaseArgs, @Ctx() ctx: CoordinationContext): Promise<MediationCase> {
    return MediationCase.fromEntity(await ctx.services.mediationCases.resolve(args.id, args.outcome, ctx.access.guard(rules.resolveMediationCase)), ctx.self);
  }
}
