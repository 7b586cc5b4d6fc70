/**
 * Data source for a subgraph served by one party (coordination): the same
 * timeout, circuit breaker and NODE_UNAVAILABLE answer as the nodes get.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { GraphQLFormattedError } from "graphql";
import { NodeFailure, type NodeClient } from "./node-client.js";
import type { HeadersFor } from "./university-router.js";

export class ForwardingDataSource implements GraphQLDataSource {
  constructor(
    private readonly client: NodeClient,
    private readonly headersFor: HeadersFor = () => ({}),
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    try {
      const body = await this.client.send({ query: query!, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) }, this.headersFor(options.context));
      return { data: body.data ?? null, ...(body.errors ? { errors: body.errors as GraphQLFormattedError[] } : {}) };
    } catch (error) {
      if (!(error instanceof NodeFailure)) throw error;
      return { data: null, errors: [{ message: error.message, extensions: { code: error.code, node: error.node } }] };
    }
  }
}
