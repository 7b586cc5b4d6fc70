import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { LANGUAGE_ARGUMENT_DESCRIPTION, languageArgument, localise, type ApplicationReviewer } from "@tandem/shared";
import type { CoordinationContext } from "../../context.js";
import { ConsortiumNode } from "../consortium/consortium.type.js";
import { Programme, PROGRAMME_KIND, Track } from "./programme.type.js";
import { CreateProgrammeInput, UpdateProgrammeInput } from "./programme.input.js";
import { ApplicationReviewerEnum, EligibilityRules, ProgrammeRulesVersion } from "./programme-rules.type.js";
import type { ProgrammeRulesVersionEntity } from "./programme-rules-version.entity.js";

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme], { description: "Every programme of the consortium, oldest first." })
  async programmes(@Ctx() ctx: CoordinationContext): Promise<Programme[]> {
    const rows = await ctx.services.programmes.list();
    return rows.map((row) => Programme.fromEntity(row, ctx.self));
  }

  @Query(() => Programme, { nullable: true, description: "A programme by id; null when there is none." })
  async programme(@Arg("id", () => ID) id: string, @Ctx() ctx: CoordinationContext): Promise<Programme | null> {
    const entity = await ctx.loaders.programme.load(ctx.services.directory.parseLocal(id, PROGRAMME_KIND, "id"));
    return entity ? Programme.fromEntity(entity, ctx.self) : null;
  }

  @Mutation(() => Programme, {
    description:
      "Creates a programme with its tracks, participating nodes, cross-border rule, eligibility rules and reviewer (joint coordinators); version 1 of its rules goes to every participating node as a signed fact.",
  })
  async createProgramme(@Arg("input", () => CreateProgrammeInput) input: CreateProgrammeInput, @Ctx() ctx: CoordinationContext): Promise<Programme> {
    return Programme.fromEntity(await ctx.services.programmes.create(input), ctx.self);
  }

  @Mutation(() => Programme, {
    description:
      "Changes a programme; omitted fields keep their value (joint coordinators). A change of eligibility, reviewer, participating nodes or tracks is a new version of the rules, sent as a signed fact to every node of the old and the new list.",
  })
  async updateProgramme(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateProgrammeInput) input: UpdateProgrammeInput, @Ctx() ctx: CoordinationContext): Promise<Programme> {
    return Programme.fromEntity(await ctx.services.programmes.update(id, input), ctx.self);
  }

  @FieldResolver(() => [Track], { description: "Tracks in the programme's order." })
  async tracks(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<Track[]> {
    return (await ctx.loaders.tracksByProgramme.load(programme.localId)).map((row) => Track.fromEntity(row, programme));
  }

  @FieldResolver(() => String, { description: "The name in the language asked for (README: Languages); without a language asked for, as written." })
  name(@Root() programme: Programme, @Arg("language", () => String, { nullable: true, description: LANGUAGE_ARGUMENT_DESCRIPTION }) language: string | null, @Ctx() ctx: CoordinationContext): string {
    return localise(programme.texts, "name", { language: languageArgument(language), acceptLanguage: ctx.acceptLanguage });
  }

  @FieldResolver(() => String, { description: "The description in the language asked for (README: Languages)." })
  description(
    @Root() programme: Programme,
    @Arg("language", () => String, { nullable: true, description: LANGUAGE_ARGUMENT_DESCRIPTION }) language: string | null,
    @Ctx() ctx: CoordinationContext,
  ): string {
    return localise(programme.texts, "description", { language: languageArgument(language), acceptLanguage: ctx.acceptLanguage });
  }

  @FieldResolver(() => [ConsortiumNode], { description: "Participating nodes still in the registry." })
  participatingNodes(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): ConsortiumNode[] {
    return programme.participatingNodeIds.flatMap((id) => {
      const node = ctx.services.directory.node(id);
      return node ? [ConsortiumNode.of(node.id)] : [];
    });
  }

  @FieldResolver(() => EligibilityRules, { description: "Who may apply, per role (the current version of the rules)." })
  async eligibility(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<EligibilityRules> {
    return EligibilityRules.of((await currentRules(programme, ctx)).eligibility);
  }

  @FieldResolver(() => ApplicationReviewerEnum, { description: "Who reviews the programme's applications (the current version of the rules)." })
  async reviewer(@Root() programme: Programme, @Ctx() ctx: CoordinationContext): Promise<ApplicationReviewer> {
    return (await currentRules(programme, ctx)).reviewer;
  }

  @FieldResolver(() => [ProgrammeRulesVersion], { description: "Every version of the rules for applications, newest first; with `version`, that one only (empty when there is none)." })
  async rulesVersions(
    @Root() programme: Programme,
    @Arg("version", () => Int, { nullable: true }) version: number | null | undefined,
    @Ctx() ctx: CoordinationContext,
  ): Promise<ProgrammeRulesVersion[]> {
    const versions = await ctx.loaders.rulesVersionsByProgramme.load(programme.localId);
    return versions.filter((each) => version == null || each.version === version).map(ProgrammeRulesVersion.fromEntity);
  }
}

async function currentRules(programme: Programme, ctx: CoordinationContext): Promise<ProgrammeRulesVersionEntity> {
  const versions = await ctx.loaders.rulesVersionsByProgramme.load(programme.localId);
  return versions.find((each) => each.version === programme.rulesVersion)!;
}

@Resolver(() => Track)
export class TrackResolver {
  @FieldResolver(() => String, { description: "The name in the language asked for (README: Languages)." })
  name(@Root() track: Track, @Arg("language", () => String, { nullable: true, description: LANGUAGE_ARGUMENT_DESCRIPTION }) language: string | null, @Ctx() ctx: CoordinationContext): string {
    return localise(track.texts, "name", { language: languageArgument(language), acceptLanguage: ctx.acceptLanguage });
  }
}
