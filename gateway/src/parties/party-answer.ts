/** What the gateway sends a party, what comes back, and the error that names a party which could not answer. */

/** A university node, or the consortium's coordination office. */
export type PartyKind = "NODE" | "COORDINATION";

/** The subgraph each kind of party serves. */
export const SUBGRAPH_OF: Record<PartyKind, string> = { NODE: "university", COORDINATION: "coordination" };

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorBody[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLErrorBody {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface PartyRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** A call never throws: the party's GraphQL body, or an error naming the party. */
export type PartyCallResult = { ok: true; body: GraphQLBody } | { ok: false; error: GraphQLErrorBody };

/** An error about a party (`extensions.node` names it, node or coordination office alike). */
export function partyError(code: string, party: string, message: string, path?: readonly (string | number)[]): GraphQLErrorBody {
  return { message, ...(path ? { path } : {}), extensions: { code, node: party } };
}
