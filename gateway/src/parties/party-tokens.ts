/**
 * The headers of every call the gateway makes: a token signed by the gateway
 * for exactly that party, carrying the verified identity it acts for.
 */
import { ACCEPT_LANGUAGE_HEADER, idempotencyHeaders, isCallerDependence, type Caller, type CallerDependenceTracker, type IdempotentRequest, type ServiceTokenSigner } from "@tandem/shared";

/** Who a call acts for, and the request it belongs to. */
export interface CallAuth {
  caller: Caller;
  requestId: string;
  /** Collects how much the parties' answers depended on the caller. */
  dependence?: CallerDependenceTracker;
  /** The client's Idempotency-Key, passed on to every party the request reaches. */
  idempotency?: IdempotentRequest;
  /** Signed statements of other parties this one call carries (e.g. a participant's home node vouching for the caller). */
  attestations?: readonly string[];
  /** The client's Accept-Language, passed on to the party: texts answer in the language it asks for (README: Languages). */
  acceptLanguage?: string;
}

/** Header that carries attestations to the party called (see university ParticipantAttestationSigner). */
export const ATTESTATION_HEADER = "x-tandem-attestation";

/** Records a party's answer's dependence on the caller; a party that does not say counts as `subject`. */
export function recordDependence(auth: CallAuth, extensions: Record<string, unknown> | undefined): void {
  const reported = extensions?.callerDependence;
  auth.dependence?.raise(isCallerDependence(reported) ? reported : "subject");
}

/** The identity a gateway request acts for, as the gateway's context holds it (null: nobody signed in). */
export function callAuthOf(context: Record<string, unknown>): CallAuth | null {
  const { caller, requestId, callerDependence, idempotency, acceptLanguage } = context as {
    caller?: CallAuth["caller"] | null;
    requestId?: string;
    callerDependence?: CallAuth["dependence"];
    idempotency?: CallAuth["idempotency"];
    acceptLanguage?: string;
  };
  if (!caller || typeof requestId !== "string") return null;
  return {
    caller,
    requestId,
    ...(callerDependence ? { dependence: callerDependence } : {}),
    ...(idempotency ? { idempotency } : {}),
    ...(typeof acceptLanguage === "string" ? { acceptLanguage } : {}),
  };
}

/** The gateway's own calls (health checks, fact delivery, feeds): no caller's identity. */
export const SYSTEM_CALL: CallAuth = { caller: { kind: "system", via: "gateway" }, requestId: "health-check" };

export class PartyTokens {
  constructor(private readonly signer: ServiceTokenSigner) {}

  async headers(audience: string, auth: CallAuth): Promise<Record<string, string>> {
    return {
      authorization: `Bearer ${await this.signer.sign(audience, auth.caller)}`,
      "x-request-id": auth.requestId,
      ...idempotencyHeaders(auth.idempotency),
      ...(auth.attestations?.length ? { [ATTESTATION_HEADER]: auth.attestations.join(",") } : {}),
      ...(auth.acceptLanguage ? { [ACCEPT_LANGUAGE_HEADER]: auth.acceptLanguage } : {}),
    };
  }
}
