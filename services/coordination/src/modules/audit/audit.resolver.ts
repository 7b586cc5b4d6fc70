import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { CoordinationContext } from "../../context.js";
import { AuditLogArgs } from "./audit.args.js";
import { AuditEntry, AuditEntryConnection, mapConnection } from "@tandem/party";

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { nullable: true, description: "The coordination office's audit log, newest first (joint coordinators)." })
  async coordinationAuditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: CoordinationContext): Promise<AuditEntryConnection> {
    return mapConnection(await ctx.services.auditLog.page(args), (entry) => AuditEntry.fromEntity(entry, ctx.self));
  }
}
