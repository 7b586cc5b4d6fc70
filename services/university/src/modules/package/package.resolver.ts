import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { PackageCompletion, PackageItem, ProgrammePackage } from "./package.type.js";

@Resolver()
export class PackageResolver {
  @Query(() => ProgrammePackage, {
    nullable: true,
    description: "A person's package in a cohort: what is mandatory for them, what they chose, attended, what is open. At their home node; for them and its coordinators.",
  })
  async programmePackage(@Arg("participantId", () => ID) participantId: string, @Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: NodeContext): Promise<ProgrammePackage> {
    const view = await ctx.services.packages.packageOf(participantId, cohortId);
    return Object.assign(new ProgrammePackage(), view, { items: view.items.map((item) => Object.assign(new PackageItem(), item)) });
  }

  @Query(() => PackageCompletion, { nullable: true, description: "Per-cohort completion counts of `node`'s people (its coordinators); no one is named." })
  async packageCompletion(@Arg("node", () => String) _node: string, @Arg("cohortId", () => ID) cohortId: string, @Ctx() ctx: NodeContext): Promise<PackageCompletion> {
    return Object.assign(new PackageCompletion(), await ctx.services.packages.completion(cohortId));
  }
}
