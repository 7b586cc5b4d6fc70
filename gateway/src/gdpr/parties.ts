/**
 * Every party that may hold something about a person: the nodes and the
 * coordination office, each called on its own, signed for that party.
 */
import { ErrorCode } from "@tandem/shared";
import { NodeFailure, type NodeClient, type NodeRequest } from "../router/node-client.js";
import type { NodeCaller, NodeCallResult } from "../router/node-pool.js";
import type { CallAuth, PartyTokens } from "../router/party-tokens.js";

export interface Party {
  id: string;
  kind: "NODE" | "COORDINATION";
  call(request: NodeRequest, auth: CallAuth): Promise<NodeCallResult>;
}

export function consortiumParties(nodes: NodeCaller, coordination: NodeClient, tokens: PartyTokens): Party[] {
  return [
    ...nodes.nodeIds.map((id) => ({ id, kind: "NODE" as const, call: (request: NodeRequest, auth: CallAuth) => nodes.call(id, request, auth) })),
    {
      id: coordination.node,
      kind: "COORDINATION" as const,
      call: async (request: NodeRequest, auth: CallAuth): Promise<NodeCallResult> => {
        try {
          return { ok: true, body: await coordination.send(request, await tokens.headers(coordination.node, auth)) };
        } catch (error) {
          if (!(error instanceof NodeFailure)) throw error;
          return { ok: false, error: { message: error.message, extensions: { code: error.code, node: error.node } } };
        }
      },
    },
  ];
}

export type PartyStatus = "CONFIRMED" | "UNAVAILABLE" | "REFUSED" | "FAILED";

/** How a party answered one GDPR call: its data, or why not. */
export function outcomeOf(result: NodeCallResult, field: string): { status: PartyStatus; value: unknown; error: string | null } {
  if (!result.ok) return { status: "UNAVAILABLE", value: null, error: result.error.message };
  const value = result.body.data?.[field];
  if (value !== undefined && value !== null) return { status: "CONFIRMED", value, error: null };
  const first = result.body.errors?.[0];
  const code = first?.extensions?.code;
  const refused = code === ErrorCode.FORBIDDEN || code === ErrorCode.UNAUTHENTICATED;
  return { status: refused ? "REFUSED" : "FAILED", value: null, error: first?.message ?? "no answer" };
}
