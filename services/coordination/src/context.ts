/**
 * Per-request context of the coordination subgraph. Services are singletons;
 * loaders are created per request so batching never leaks between callers.
 * `caller` is the identity the gateway verified and signed for this call:
 * resolvers never read headers themselves.
 */
import type { Caller, Logger } from "@tandem/shared";
import type { CoordinationServices } from "./services.js";
import { createLoaders, type CoordinationLoaders } from "./loaders.js";
import { CoordinationAuditTrail } from "./modules/audit/coordination-audit-trail.js";

export interface CoordinationContext {
  requestId: string;
  /** The coordination id from the registry; prefix of every id this subgraph owns. */
  coordinationId: string;
  caller: Caller;
  /** What this request changed, written to the audit log before the answer leaves. */
  audit: CoordinationAuditTrail;
  services: CoordinationServices;
  loaders: CoordinationLoaders;
  logger: Logger;
}

export function createCoordinationContext(args: { requestId: string; caller: Caller; services: CoordinationServices; logger: Logger }): CoordinationContext {
  return {
    requestId: args.requestId,
    coordinationId: args.services.directory.selfId,
    caller: args.caller,
    audit: new CoordinationAuditTrail(args.caller, args.requestId),
    services: args.services,
    loaders: createLoaders(args.services),
    logger: args.logger.child({ requestId: args.requestId }),
  };
}
