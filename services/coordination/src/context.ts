/**
 * Per-request context of the coordination subgraph. Services are singletons;
 * loaders are created per request so batching never leaks between callers.
 * `caller` is the identity the gateway verified and signed for this call:
 * resolvers never read headers themselves.
 */
import { CallerDependenceTracker, trackedCaller, type Caller, type Logger } from "@tandem/shared";
import { AuditTrail, type FactInbox, type IdempotencyClaim } from "@tandem/party";
import type { CoordinationServices } from "./services.js";
import { createLoaders, type CoordinationLoaders } from "./loaders.js";

export interface CoordinationContext {
  requestId: string;
  /** The coordination id from the registry; prefix of every id this subgraph owns. */
  coordinationId: string;
  /** The verified caller; every read of who they are is recorded in `callerDependence`. */
  caller: Caller;
  /** How much this request's answer depends on the caller (reported to the gateway). */
  callerDependence: CallerDependenceTracker;
  /** What this request changed, written to the audit log before the answer leaves. */
  audit: AuditTrail;
  /** The Idempotency-Key this mutation request may claim (set before it runs). */
  idempotency?: IdempotencyClaim;
  services: CoordinationServices;
  /** Facts of the nodes, delivered by the gateway (FactInboxResolver). */
  factInbox: FactInbox;
  /** `node` names this office (the gateway addresses fact deliveries by it). */
  assertSelf(node: string): void;
  loaders: CoordinationLoaders;
  logger: Logger;
}

export function createCoordinationContext(args: { requestId: string; caller: Caller; services: CoordinationServices; logger: Logger }): CoordinationContext {
  const callerDependence = new CallerDependenceTracker();
  return {
    requestId: args.requestId,
    coordinationId: args.services.directory.selfId,
    caller: trackedCaller(args.caller, callerDependence),
    callerDependence,
    // the audit trail records who asked; that is not a decision about the answer
    audit: new AuditTrail(args.caller, args.requestId),
    services: args.services,
    factInbox: args.services.factInbox,
    assertSelf: (node) => args.services.directory.assertSelf(node, "node"),
    loaders: createLoaders(args.services),
    logger: args.logger.child({ requestId: args.requestId }),
  };
}
