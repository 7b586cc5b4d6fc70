import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { TandemMonitoringArgs } from "./tandem-monitoring.args.js";
import { MonitoringGroupType, TandemMonitoring } from "./tandem-monitoring.type.js";

@Resolver(() => TandemMonitoring)
export class TandemMonitoringResolver {
  @Query(() => TandemMonitoring, {
    description:
      "A cohort's tandems in figures per node (the mentee's home node): by state, agreements unsigned after N days, tandems quiet for N weeks, open mediation cases, check-in satisfaction, goal achievement. Joint coordinators see every node, node coordinators their own; groups below the minimum group size are merged or suppressed.",
  })
  async tandemMonitoring(@Args(() => TandemMonitoringArgs) args: TandemMonitoringArgs, @Ctx() ctx: CoordinationContext): Promise<TandemMonitoring> {
    const service = ctx.services.tandemMonitoring;
    const scope = ctx.access.scope(rules.readMonitoring);
    if (args.nodeId) ctx.services.directory.requireNode(args.nodeId, "nodeId");
    const groups = await service.groups(args.cohortId, args.nodeId ? { all: false, nodes: [args.nodeId], subjects: [] } : scope, args);
    return Object.assign(new TandemMonitoring(), {
      cohortId: args.cohortId,
      minimumGroupSize: service.minimumGroupSize,
      groups: groups.map((group) => MonitoringGroupType.of(group, service.minimumGroupSize)),
    });
  }
}
