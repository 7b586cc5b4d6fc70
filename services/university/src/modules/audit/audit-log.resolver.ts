import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { NodeContext } from "../../context.js";
import { AuditEntry, AuditEntryConnection, mapConnection } from "@tandem/party";
import { AuditLogArgs } from "./audit-log.args.js";

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { nullable: true, description: "A node's audit log, newest first: for that node's coordinators." })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: NodeContext): Promise<AuditEntryConnection> {
    return mapConnection(await ctx.services.auditLog.list(args), (entry) => AuditEntry.fromEntity(entry, ctx.self));
  }
}
