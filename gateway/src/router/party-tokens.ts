/**
 * The headers of every call the gateway makes: a token signed by the gateway
 * for exactly that party, carrying the verified identity it acts for.
 */
import type { Caller, ServiceTokenSigner } from "@tandem/shared";

/** Who a call acts for, and the request it belongs to. */
export interface CallAuth {
  caller: Caller;
  requestId: string;
}

export const SYSTEM_CALL: CallAuth = { caller: { kind: "system", via: "gateway" }, requestId: "health-check" };

export class PartyTokens {
  constructor(private readonly signer: ServiceTokenSigner) {}

  async headers(audience: string, auth: CallAuth): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.signer.sign(audience, auth.caller)}`, "x-request-id": auth.requestId };
  }
}
