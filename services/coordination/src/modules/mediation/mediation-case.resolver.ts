import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { connectionTypes, mapConnection } from "@tandem/party";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { MediationCase } from "./mediation-case.type.js";
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
