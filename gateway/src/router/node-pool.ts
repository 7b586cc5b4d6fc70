/**
 * The nodes the router can call. One call never throws: it answers the
 * node's GraphQL body, or an error naming the node (NODE_UNAVAILABLE,
 * NODE_TIMEOUT, NODE_INCOMPATIBLE) that the router places in the response.
 */
import { ErrorCode } from "@tandem/shared";
import { NodeFailure, type GraphQLBody, type GraphQLErrorBody, type NodeClient, type NodeRequest } from "./node-client.js";
import type { NodeHealthMonitor } from "./node-health.js";
import { recordDependence, type CallAuth, type PartyTokens } from "./party-tokens.js";

export type NodeCallResult = { ok: true; body: GraphQLBody } | { ok: false; error: GraphQLErrorBody };

export interface NodeCaller {
  readonly nodeIds: readonly string[];
  has(node: string): boolean;
  call(node: string, request: NodeRequest, auth: CallAuth): Promise<NodeCallResult>;
}

export class NodePool implements NodeCaller {
  readonly nodeIds: readonly string[];

  constructor(
    private readonly clients: ReadonlyMap<string, NodeClient>,
    private readonly health: NodeHealthMonitor,
    private readonly tokens: PartyTokens,
  ) {
    this.nodeIds = [...clients.keys()];
  }

  has(node: string): boolean {
    return this.clients.has(node);
  }

  async call(node: string, request: NodeRequest, auth: CallAuth): Promise<NodeCallResult> {
    const client = this.clients.get(node);
    if (!client) return { ok: false, error: nodeError(ErrorCode.UNKNOWN_NODE, node, `"${node}" is not a node of this consortium`) };
    if (this.health.get(node).status === "INCOMPATIBLE") {
      return { ok: false, error: nodeError(ErrorCode.NODE_INCOMPATIBLE, node, `Node ${node} is excluded: its schema differs from the composed university schema`) };
    }
    try {
      const body = await client.send(request, await this.tokens.headers(node, auth));
      recordDependence(auth, body.extensions);
      return { ok: true, body };
    } catch (error) {
      if (!(error instanceof NodeFailure)) throw error;
      // not called: the failure that opened the circuit already said why
      if (error.called) this.health.markDown(node, error.message);
      return { ok: false, error: nodeError(error.code, node, error.message) };
    }
  }
}

export function nodeError(code: string, node: string, message: string, path?: readonly (string | number)[]): GraphQLErrorBody {
  return { message, ...(path ? { path } : {}), extensions: { code, node } };
}
