/**
 * Data source for a subgraph served by one party (coordination): each fetch
 * goes whole to that party through its PartyClient, and its errors name it
 * (`extensions.node`) unless they name a node themselves.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { GraphQLFormattedError } from "graphql";
import type { PartyClient } from "../parties/party-client.js";
import { callAuthOf } from "../parties/party-tokens.js";
import { UNAUTHENTICATED_RESPONSE } from "./university-router.js";

export class ForwardingDataSource implements GraphQLDataSource {
  constructor(private readonly party: PartyClient) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const auth = callAuthOf(options.context);
    if (!auth) return UNAUTHENTICATED_RESPONSE;
    const { query, variables, operationName } = options.request;
    const result = await this.party.call({ query: query!, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) }, auth);
    if (!result.ok) return { data: null, errors: [result.error as GraphQLFormattedError] };
    const errors = result.body.errors?.map((error): GraphQLFormattedError => ({ ...error, extensions: { node: this.party.id, ...error.extensions } }));
    return { data: result.body.data ?? null, ...(errors ? { errors } : {}) };
  }
}
