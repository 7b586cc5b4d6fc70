import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { AuditEntry, AuditEntryConnection } from "@tandem/party";
import { AuditLogArgs } from "./audit-log.args.js";

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { nullable: true, description: "A node's audit log, newest first: for that node's coordinators." })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: NodeContext): Promise<AuditEntryConnection> {
    const page = await ctx.services.auditLog.list(args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: AuditEntry.fromEntity(edge.node, ctx.self) })) };
  }
}
