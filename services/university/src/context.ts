/**
 * Per-request context of a university node. Services are node singletons;
 * loaders are created per request so batching never leaks between callers.
 * `caller` is the identity the gateway's token carries (verified before any
 * GraphQL runs); resolvers never read headers themselves.
 */
import { CallerDependenceTracker, trackedCaller, type Caller, type Logger } from "@tandem/shared";
import { AuditTrail, type FactInbox, type IdempotencyClaim } from "@tandem/party";
import { AccessControl, viewerHomeNode } from "./access.js";
import type { NodeServices } from "./services.js";
import { createLoaders, type NodeLoaders } from "./loaders.js";
import type { Viewer } from "./modules/event/event.service.js";

export interface NodeIdentity {
  id: string;
  name: string;
  country: string;
}

export interface NodeContext {
  requestId: string;
  node: NodeIdentity;
  /** The verified caller; every read of who they are is recorded in `callerDependence`. */
  caller: Caller;
  /** How much this request's answer depends on the caller (reported to the gateway). */
  callerDependence: CallerDependenceTracker;
  /** The authorisation rules, bound to `caller`. */
  access: AccessControl;
  /** What the caller may see of events, derived from `caller`. */
  viewer: Viewer;
  /** Disclosures and changes of this request, written before the answer leaves. */
  audit: AuditTrail;
  /** The Idempotency-Key this mutation request may claim (set before it runs). */
  idempotency?: IdempotencyClaim;
  services: NodeServices;
  /** Facts of other parties, delivered by the gateway (FactInboxResolver). */
  factInbox: FactInbox;
  /** `node` names this node (else WRONG_NODE / UNKNOWN_NODE naming the argument). */
  assertSelf(node: string): void;
  /** Signed statements of other nodes the gateway passed with this call (e.g. that a registrant exists at home). */
  attestations: readonly string[];
  loaders: NodeLoaders;
  logger: Logger;
}

export function createNodeContext(args: { requestId: string; node: NodeIdentity; caller: Caller; services: NodeServices; logger: Logger; attestations?: readonly string[] }): NodeContext {
  const callerDependence = new CallerDependenceTracker();
  const caller = trackedCaller(args.caller, callerDependence);
  return {
    requestId: args.requestId,
    node: args.node,
    caller,
    callerDependence,
    access: new AccessControl(caller, args.node.id),
    // read only when a rule needs it, so that answers not depending on the home node are shared
    viewer: {
      get homeNode() {
        return viewerHomeNode(caller);
      },
    },
    // the audit trail records who asked; that is not a decision about the answer
    audit: new AuditTrail(args.caller, args.requestId),
    services: args.services,
    attestations: args.attestations ?? [],
    factInbox: args.services.factInbox,
    assertSelf: (node) => args.services.directory.assertSelf(node, "node"),
    loaders: createLoaders(args.services, caller),
    logger: args.logger.child({ requestId: args.requestId }),
  };
}
