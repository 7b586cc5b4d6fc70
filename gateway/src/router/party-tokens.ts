/**
 * The headers of every call the gateway makes: a token signed by the gateway
 * for exactly that party, carrying the verified identity it acts for.
 */
import { isCallerDependence, type Caller, type CallerDependenceTracker, type ServiceTokenSigner } from "@tandem/shared";

/** Who a call acts for, and the request it belongs to. */
export interface CallAuth {
  caller: Caller;
  requestId: string;
  /** Collects how much the parties' answers depended on the caller. */
  dependence?: CallerDependenceTracker;
}

/** Records a party's answer's dependence on the caller; a party that does not say counts as `subject`. */
export function recordDependence(auth: CallAuth, extensions: Record<string, unknown> | undefined): void {
  const reported = extensions?.callerDependence;
  auth.dependence?.raise(isCallerDependence(reported) ? reported : "subject");
}

export const SYSTEM_CALL: CallAuth = { caller: { kind: "system", via: "gateway" }, requestId: "health-check" };

export class PartyTokens {
  constructor(private readonly signer: ServiceTokenSigner) {}

  async headers(audience: string, auth: CallAuth): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.signer.sign(audience, auth.caller)}`, "x-request-id": auth.requestId };
  }
}
