/**
 * The GDPR rights across the consortium. Each party decides for itself
 * whether the caller may export or erase (the person, or a coordinator of
 * their home node); the gateway only carries the request to every party and
 * assembles one document or one receipt.
 */
import { AppError, ErrorCode, isUser, tryParseGlobalId, type UserCaller } from "@tandem/shared";
import { callAuthOf, type CallAuth } from "../parties/party-tokens.js";
import { outcomeOf, type Party, type PartyStatus } from "./outcome.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const EXPORT_AT_NODE = `query ExportParticipantData($node: String!, $participantId: ID!) { exportParticipantData(node: $node, participantId: $participantId) }`;
const EXPORT_AT_COORDINATION = `query ExportCoordinationRecords($participantId: ID!) { exportCoordinationRecords(participantId: $participantId) }`;
const CONFIRMATION = "party participantId heldPersonalData removedRecords anonymisedRecords confirmedAt";
const ERASE_AT_NODE = `mutation EraseParticipantData($node: String!, $participantId: ID!) { eraseParticipantData(node: $node, participantId: $participantId) { ${CONFIRMATION} } }`;
const ERASE_AT_COORDINATION = `mutation EraseCoordinationRecords($participantId: ID!) { eraseCoordinationRecords(participantId: $participantId) { ${CONFIRMATION} } }`;

/** The participant a request is about: given explicitly, or the caller themselves. */
export function subjectOf(caller: UserCaller, participantId: string | null | undefined, nodeIds: readonly string[]): string {
  const id = participantId ?? (tryParseGlobalId(caller.sub)?.kind === "participant" ? caller.sub : null);
  if (!id) throw new AppError(ErrorCode.BAD_USER_INPUT, "participantId: required unless you are a participant yourself", { field: "participantId" });
  const parsed = tryParseGlobalId(id);
  if (!parsed || parsed.kind !== "participant" || !UUID.test(parsed.localId)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `participantId: "${id}" is not a participant id`, { field: "participantId" });
  }
  if (!nodeIds.includes(parsed.node)) throw new AppError(ErrorCode.UNKNOWN_NODE, `participantId: "${parsed.node}" is not a node of this consortium`, { field: "participantId", node: parsed.node });
  return id;
}

/**
 * Who the request acts for, with the tracker that records how much the
 * parties' answers depend on them. No Idempotency-Key goes along: erasure
 * forgets the stored answers about the person, and its own must not outlive it.
 */
export function authOf(context: Record<string, unknown>): CallAuth & { caller: UserCaller } {
  const auth = callAuthOf({ ...context, requestId: context.requestId ?? "unknown" });
  if (!auth || !isUser(auth.caller)) throw new AppError(ErrorCode.UNAUTHENTICATED, "Not authenticated");
  const { idempotency: _idempotency, ...withoutKey } = auth;
  return { ...withoutKey, caller: auth.caller };
}

export async function exportPersonalData(parties: readonly Party[], auth: CallAuth, participantId: string) {
  const answers = await Promise.all(
    parties.map(async (party) => {
      const request = party.kind === "NODE" ? { query: EXPORT_AT_NODE, variables: { node: party.id, participantId } } : { query: EXPORT_AT_COORDINATION, variables: { participantId } };
      const outcome = outcomeOf(await party.call(request, auth), party.kind === "NODE" ? "exportParticipantData" : "exportCoordinationRecords");
      return { party: party.id, kind: party.kind, status: outcome.status, data: outcome.value, error: outcome.error };
    }),
  );
  return { subject: participantId, generatedAt: new Date().toISOString(), complete: answers.every((answer) => answer.status === "CONFIRMED"), parties: answers };
}

export interface ErasurePartyReceipt {
  party: string;
  kind: Party["kind"];
  status: PartyStatus;
  heldPersonalData: boolean | null;
  removedRecords: number | null;
  anonymisedRecords: number | null;
  confirmedAt: string | null;
  error: string | null;
}

/** Anonymises references everywhere first, then deletes at the home node, so a failure leaves the person erasable by a second run. */
export async function erasePersonalData(parties: readonly Party[], auth: CallAuth, participantId: string) {
  const home = tryParseGlobalId(participantId)!.node;
  const erase = async (party: Party): Promise<ErasurePartyReceipt> => {
    const request = party.kind === "NODE" ? { query: ERASE_AT_NODE, variables: { node: party.id, participantId } } : { query: ERASE_AT_COORDINATION, variables: { participantId } };
    const outcome = outcomeOf(await party.call(request, auth), party.kind === "NODE" ? "eraseParticipantData" : "eraseCoordinationRecords");
    const confirmation = (outcome.value ?? {}) as Partial<ErasurePartyReceipt>;
    return {
      party: party.id,
      kind: party.kind,
      status: outcome.status,
      heldPersonalData: confirmation.heldPersonalData ?? null,
      removedRecords: confirmation.removedRecords ?? null,
      anonymisedRecords: confirmation.anonymisedRecords ?? null,
      confirmedAt: confirmation.confirmedAt ?? null,
      error: outcome.error,
    };
  };
  const others = await Promise.all(parties.filter((party) => party.id !== home).map(erase));
  const homeParty = parties.find((party) => party.id === home)!;
  const atHome = await erase(homeParty);
  const receipts = [atHome, ...others];
  return { participantId, completed: receipts.every((receipt) => receipt.status === "CONFIRMED"), parties: receipts };
}
