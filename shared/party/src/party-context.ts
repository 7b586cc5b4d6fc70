/**
 * The per-request context of every party, one shape for the university nodes
 * and the coordination office. Services are the party's singletons; loaders
 * are made per request so batching never leaks between callers. `caller` is
 * the identity the gateway's token carries, verified before any GraphQL
 * runs, and tracked: every read of who they are is recorded in
 * `callerDependence`, and the rules read it only through `access`.
 */
import { AccessControl, CallerDependenceTracker, trackedCaller, type Caller, type Logger, type RefusalWording } from "@tandem/shared";
import { WithheldFields } from "./access/withheld.js";
import { AuditTrail } from "./audit/audit-trail.js";
import type { FactInbox } from "./facts/fact-inbox.js";
import type { IdempotencyClaim } from "./idempotency/idempotency.js";

export interface PartyContext<S, L> {
  requestId: string;
  /** This party's registry id (a node's id, or the coordination office's): the prefix of every id it owns. */
  self: string;
  /** The verified caller; every read of who they are is recorded in `callerDependence`. */
  caller: Caller;
  /** How much this request's answer depends on the caller (reported to the gateway). */
  callerDependence: CallerDependenceTracker;
  /** The party's rules and policies, bound to `caller`: the one place they are asked. */
  access: AccessControl;
  /** What this request disclosed and changed, written before the answer leaves. */
  audit: AuditTrail;
  /** Fields withheld from the caller in this answer, summarised in one NOT_DISCLOSED error. */
  withheld: WithheldFields;
  /** The Idempotency-Key this mutation request may claim (set before it runs). */
  idempotency?: IdempotencyClaim;
  /** The client's Accept-Language as the gateway passed it on (undefined: none), for texts in several languages (shared i18n). */
  acceptLanguage: string | undefined;
  services: S;
  /** Facts of other parties, delivered by the gateway (FactInboxResolver). */
  factInbox: FactInbox;
  /** `node` names this party (else WRONG_NODE / UNKNOWN_NODE naming the argument). */
  assertSelf(node: string): void;
  loaders: L;
  logger: Logger;
}

export interface PartyContextArgs<S, L> {
  requestId: string;
  self: string;
  caller: Caller;
  /** The request's Accept-Language header (acceptLanguageOf). */
  acceptLanguage?: string | undefined;
  services: S;
  factInbox: FactInbox;
  assertSelf(node: string): void;
  /** The request's loaders, given the tracked caller. */
  loaders(caller: Caller): L;
  logger: Logger;
  /** How this party words a refusal (default: "rule: only … may do this"). */
  refusalWording?: RefusalWording;
}

export function createPartyContext<S, L>(args: PartyContextArgs<S, L>): PartyContext<S, L> {
  const callerDependence = new CallerDependenceTracker();
  const caller = trackedCaller(args.caller, callerDependence);
  return {
    requestId: args.requestId,
    self: args.self,
    caller,
    callerDependence,
    access: new AccessControl(caller, args.self, args.refusalWording),
    // the audit trail records who asked; that is not a decision about the answer
    audit: new AuditTrail(args.caller, args.requestId),
    withheld: new WithheldFields(),
    acceptLanguage: args.acceptLanguage,
    services: args.services,
    factInbox: args.factInbox,
    assertSelf: args.assertSelf,
    loaders: args.loaders(caller),
    logger: args.logger.child({ requestId: args.requestId }),
  };
}
