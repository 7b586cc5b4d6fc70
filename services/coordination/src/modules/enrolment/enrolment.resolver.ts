import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionTypes, mapConnection } from "@tandem/party";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { Cohort, CohortQuota } from "../cohort/cohort.type.js";
import { Enrolment, ENROLMENT_KIND } from "./enrolment.type.js";
import { EnrolmentsArgs } from "./enrolment.args.js";
import { EnrolInput } from "./enrolment.input.js";

export const { Connection: EnrolmentConnection } = connectionTypes("Enrolment", Enrolment);
type EnrolmentConnection = InstanceType<typeof EnrolmentConnection>;

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Query(() => Enrolment, { nullable: true, description: "An enrolment by id; null when there is none, or (with FORBIDDEN) when it is not yours to see." })
  async enrolment(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<Enrolment | null> {
    const entity = await ctx.loaders.enrolment.load(ctx.services.directory.parseLocal(id, ENROLMENT_KIND, "id"));
    return entity ? Enrolment.fromEntity(entity, ctx.self) : null;
  }

  @Query(() => EnrolmentConnection, { description: "Enrolments of a cohort in enrolment order: all for joint coordinators, their node's for node coordinators, their own for participants." })
  async enrolments(@Args(() => EnrolmentsArgs) args: EnrolmentsArgs, @Ctx() ctx: CoordinationContext): Promise<EnrolmentConnection> {
    return mapConnection(await ctx.services.enrolments.list(args, ctx.access.scope(rules.readEnrolment)), (enrolment) => Enrolment.fromEntity(enrolment, ctx.self));
  }

  @Mutation(() => Enrolment, {
    description:
      "Enrols a participant of a participating node in a cohort, within the node's quota; idempotent. Joint coordinators and coordinators of the participant's node, from DRAFT until RUNNING (for people they invite, e.g. external mentors, and replacements); applicants are enrolled when their application is accepted.",
  })
  async enrol(@Arg("input", () => EnrolInput) input: EnrolInput, @Ctx() ctx: CoordinationContext): Promise<Enrolment> {
    return Enrolment.fromEntity(await ctx.services.enrolments.enrol(input), ctx.self);
  }

  @Mutation(() => Enrolment, {
    description:
      "Withdraws an enrolment; refused while the participant has open tandems in the cohort, and once the cohort is CLOSED. The place goes to the first waitlisted application of the node and role; an enrolment made from an application is reported to its home node.",
  })
  async withdrawEnrolment(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<Enrolment> {
    return Enrolment.fromEntity(await ctx.services.placements.withdrawEnrolment(id, ctx.access.guard(rules.withdrawEnrolment), ctx.audit), ctx.self);
  }

  @FieldResolver(() => Cohort)
  async cohort(@Root() enrolment: Enrolment, @Ctx() ctx: CoordinationContext): Promise<Cohort> {
    const entity = await ctx.loaders.cohort.load(enrolment.cohortLocalId);
    return Cohort.fromEntity(entity!, ctx.self);
  }
}

@Resolver(() => Cohort)
export class CohortEnrolmentsResolver {
  @FieldResolver(() => [Enrolment], { description: "The cohort's enrolments you may see (see Query.enrolments), withdrawn ones included, in enrolment order." })
  async enrolments(@Root() cohort: Cohort, @Ctx() ctx: CoordinationContext): Promise<Enrolment[]> {
    const rows = await ctx.loaders.enrolmentsByCohort.load(cohort.localId);
    return rows.map((row) => Enrolment.fromEntity(row, ctx.self));
  }
}

@Resolver(() => CohortQuota)
export class CohortQuotaUsageResolver {
  @FieldResolver(() => Int, { description: "Active mentee enrolments from this node." })
  async enrolledMentees(@Root() quota: CohortQuota, @Ctx() ctx: CoordinationContext): Promise<number> {
    return (await this.usage(quota, ctx))?.mentees ?? 0;
  }

  @FieldResolver(() => Int, { description: "Active mentor enrolments from this node." })
  async enrolledMentors(@Root() quota: CohortQuota, @Ctx() ctx: CoordinationContext): Promise<number> {
    return (await this.usage(quota, ctx))?.mentors ?? 0;
  }

  /** Counts only, no one's enrolment: readable like the cohort itself. */
  private async usage(quota: CohortQuota, ctx: CoordinationContext) {
    return (await ctx.loaders.quotaUsageByCohort.load(quota.cohortLocalId)).find((usage) => usage.nodeId === quota.nodeId);
  }
}
