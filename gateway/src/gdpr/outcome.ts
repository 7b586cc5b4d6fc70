/** How each party answered one GDPR call: its data, or why not. */
import { ErrorCode } from "@tandem/shared";
import type { PartyCallResult, PartyKind, PartyRequest } from "../parties/party-answer.js";
import type { CallAuth } from "../parties/party-tokens.js";

/** A party that may hold something about a person (a PartyClient is one). */
export interface Party {
  id: string;
  kind: PartyKind;
  call(request: PartyRequest, auth: CallAuth): Promise<PartyCallResult>;
}

export type PartyStatus = "CONFIRMED" | "UNAVAILABLE" | "REFUSED" | "FAILED";

/** How a party answered one GDPR call: its data, or why not. */
export function outcomeOf(result: PartyCallResult, field: string): { status: PartyStatus; value: unknown; error: string | null } {
  if (!result.ok) return { status: "UNAVAILABLE", value: null, error: result.error.message };
  const value = result.body.data?.[field];
  if (value !== undefined && value !== null) return { status: "CONFIRMED", value, error: null };
  const first = result.body.errors?.[0];
  const code = first?.extensions?.code;
  const refused = code === ErrorCode.FORBIDDEN || code === ErrorCode.UNAUTHENTICATED;
  return { status: refused ? "REFUSED" : "FAILED", value: null, error: first?.message ?? "no answer" };
}
