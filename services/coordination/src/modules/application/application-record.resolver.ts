import { Args, Ctx, Query, Resolver } from "type-graphql";
import { connectionTypes, mapConnection } from "@tandem/party";
import type { CoordinationContext } from "../../context.js";
import { rules } from "../access/access.rules.js";
import { ApplicationPipeline, ApplicationPipelineCount, ApplicationRecord } from "./application-record.type.js";
import { ApplicationPipelineArgs, ApplicationRecordsArgs } from "./application-record.args.js";

export const { Connection: ApplicationRecordConnection } = connectionTypes("ApplicationRecord", ApplicationRecord);
type ApplicationRecordConnection = InstanceType<typeof ApplicationRecordConnection>;

@Resolver(() => ApplicationRecord)
export class ApplicationRecordResolver {
  @Query(() => ApplicationPipeline, {
    description:
      "A cohort's applications in numbers per node, role, track and status, counts below the minimum group size suppressed: every node for joint coordinators, their own node for node coordinators (asking for another node is refused). Live: the gateway's subscription on the cohort's pipeline.",
  })
  async applicationPipeline(@Args(() => ApplicationPipelineArgs) args: ApplicationPipelineArgs, @Ctx() ctx: CoordinationContext): Promise<ApplicationPipeline> {
    const visible = ctx.access.scope(rules.readApplicationPipeline);
    const cells = await ctx.services.applicationRecords.pipeline(args.cohortId, args.nodeId ? { all: false, nodes: [args.nodeId], subjects: [] } : visible);
    return Object.assign(new ApplicationPipeline(), { cohortId: args.cohortId, minimumGroupSize: ctx.services.applicationRecords.minimumGroupSize, counts: cells.map(ApplicationPipelineCount.of) });
  }

  @Query(() => ApplicationRecordConnection, {
    description: "A cohort's application records (pseudonymous: node, role, tracks, verdict, rule version, status, dates), in the order they arrived. Joint coordinators.",
  })
  async applicationRecords(@Args(() => ApplicationRecordsArgs) args: ApplicationRecordsArgs, @Ctx() ctx: CoordinationContext): Promise<ApplicationRecordConnection> {
    return mapConnection(await ctx.services.applicationRecords.list(args), (record) => ApplicationRecord.fromEntity(record, ctx.services.directory));
  }
}
