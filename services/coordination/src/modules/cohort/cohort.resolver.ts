import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { ConsortiumNode } from "../consortium/consortium.type.js";
import { Programme } from "../programme/programme.type.js";
import { LANGUAGE_ARGUMENT_DESCRIPTION, languageArgument, localise, type CohortState } from "@tandem/shared";
import { Cohort, COHORT_KIND, CohortQuota, CohortStateEnum } from "./cohort.type.js";
import { CreateCohortInput, UpdateCohortInput } from "./cohort.input.js";

@Resolver(() => Cohort)
export class CohortResolver {
  @Query(() => Cohort, { nullable: true, description: "A cohort by id; null when there is none." })
  async cohort(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<Cohort | null> {
    const entity = await ctx.loaders.cohort.load(ctx.services.directory.parseLocal(id, COHORT_KIND, "id"));
    return entity ? Cohort.fromEntity(entity, ctx.self) : null;
  }

  @Mutation(() => Cohort, { description: "Creates a DRAFT cohort of a programme with places per participating node and, optionally, its application window (joint coordinators)." })
  async createCohort(@Arg("input", () => CreateCohortInput) input: CreateCohortInput, @Ctx() ctx: CoordinationContext): Promise<Cohort> {
    return Cohort.fromEntity(await ctx.services.cohorts.create(input), ctx.self);
  }

  @Mutation(() => Cohort, {
    description:
      "Changes a cohort's name, dates, application window (while DRAFT or APPLICATIONS_OPEN) or quotas (until CLOSING; never below active enrolments); omitted fields keep their value. Joint coordinators; refused once CLOSED (COHORT_STATE).",
  })
  async updateCohort(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateCohortInput) input: UpdateCohortInput, @Ctx() ctx: CoordinationContext): Promise<Cohort> {
    return Cohort.fromEntity(await ctx.services.cohorts.update(id, input), ctx.self);
  }

  @Mutation(() => Cohort, {
    description:
      "Moves a cohort on to the next state (DRAFT → APPLICATIONS_OPEN → REVIEW → MATCHING → RUNNING → CLOSING → CLOSED); any other state is INVALID_TRANSITION, the state it is in already changes nothing. Opening applications needs a window. Joint coordinators.",
  })
  async advanceCohort(@Arg("id", () => ID) id: string, @Arg("to", () => CohortStateEnum) to: CohortState, @Ctx() ctx: CoordinationContext): Promise<Cohort> {
    return Cohort.fromEntity(await ctx.services.cohorts.advance(id, to), ctx.self);
  }

  @FieldResolver(() => String, { description: "The name in the language asked for (README: Languages); without a language asked for, as written." })
  name(@Root() cohort: Cohort, @Arg("language", () => String, { nullable: true, description: LANGUAGE_ARGUMENT_DESCRIPTION }) language: string | null, @Ctx() ctx: CoordinationContext): string {
    return localise(cohort.texts, "name", { language: languageArgument(language), acceptLanguage: ctx.acceptLanguage });
  }

  @FieldResolver(() => Programme)
  async programme(@Root() cohort: Cohort, @Ctx() ctx: CoordinationContext): Promise<Programme> {
    const entity = await ctx.loaders.programme.load(cohort.programmeLocalId);
    return Programme.fromEntity(entity!, ctx.self);
  }

  @FieldResolver(() => [CohortQuota], { description: "Places per node, by node id." })
  async quotas(@Root() cohort: Cohort, @Ctx() ctx: CoordinationContext): Promise<CohortQuota[]> {
    const rows = await ctx.loaders.quotasByCohort.load(cohort.localId);
    return rows.map((row) => {
      const node = ctx.services.directory.node(row.nodeId);
      return CohortQuota.fromEntity(row, node ? ConsortiumNode.of(node.id) : null);
    });
  }
}

@Resolver(() => Programme)
export class ProgrammeCohortsResolver {
  @FieldResolver(() => [Cohort], { description: "Cohorts in start order." })
  async cohorts(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<Cohort[]> {
    return (await ctx.loaders.cohortsByProgramme.load(programme.localId)).map((row) => Cohort.fromEntity(row, ctx.self));
  }
}
