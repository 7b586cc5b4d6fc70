/**
 * Data source for a subgraph served by one party (coordination): the same
 * signed calls, timeout, circuit breaker and NODE_UNAVAILABLE answer as the
 * nodes get, and its errors name it (`extensions.node`) unless they name a
 * node themselves.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { GraphQLFormattedError } from "graphql";
import { NodeFailure, type NodeClient } from "./node-client.js";
import { recordDependence, type PartyTokens } from "./party-tokens.js";
import { UNAUTHENTICATED_RESPONSE, callAuthOf } from "./university-router.js";

export class ForwardingDataSource implements GraphQLDataSource {
  constructor(
    private readonly client: NodeClient,
    private readonly tokens: PartyTokens,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const auth = callAuthOf(options.context);
    if (!auth) return UNAUTHENTICATED_RESPONSE;
    const { query, variables, operationName } = options.request;
    try {
      const headers = await this.tokens.headers(this.client.node, auth);
      const body = await this.client.send({ query: query!, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) }, headers);
      recordDependence(auth, body.extensions);
      const errors = body.errors?.map((error): GraphQLFormattedError => ({ ...error, extensions: { node: this.client.node, ...error.extensions } }));
      return { data: body.data ?? null, ...(errors ? { errors } : {}) };
    } catch (error) {
      if (!(error instanceof NodeFailure)) throw error;
      return { data: null, errors: [{ message: error.message, extensions: { code: error.code, node: error.node } }] };
    }
  }
}
