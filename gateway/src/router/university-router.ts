/**
 * The data source behind the logical "university" subgraph: the query
 * planner sees one subgraph, this router turns each of its fetches into
 * calls to the right node(s), each signed for that node on behalf of the
 * verified caller.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { GraphQLFormattedError } from "graphql";
import { collectFields, parseOperation } from "../documents/operation.js";
import { buildASTDefinitions, type FieldShape } from "../documents/sdl.js";
import type { GraphQLBody } from "../parties/party-answer.js";
import type { NodeCaller } from "../parties/parties.js";
import { callAuthOf } from "../parties/party-tokens.js";
import { routeEntities, DEFAULT_REPRESENTATIONS_PER_CALL } from "./entity-router.js";
import { routeRootFields } from "./root-router.js";
import { UNIVERSITY_ROUTES, assertRoutingComplete, type RoutingTable } from "./routing-table.js";

export const UNAUTHENTICATED_RESPONSE: GatewayGraphQLResponse = { errors: [{ message: "Not authenticated", extensions: { code: "UNAUTHENTICATED" } }] };

export class UniversityRouter implements GraphQLDataSource {
  private readonly shapes: ReadonlyMap<string, FieldShape>;

  constructor(
    private readonly nodes: NodeCaller,
    universitySdl: string,
    private readonly representationsPerCall = DEFAULT_REPRESENTATIONS_PER_CALL,
    private readonly table: RoutingTable = UNIVERSITY_ROUTES,
  ) {
    assertRoutingComplete(universitySdl, table);
    const shapes = new Map<string, FieldShape>();
    for (const [type, fields] of buildASTDefinitions(universitySdl)) for (const field of fields) shapes.set(`${type}.${field.name}`, field);
    this.shapes = shapes;
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) return { errors: [{ message: "empty fetch" }] };
    const auth = callAuthOf(options.context);
    if (!auth) return UNAUTHENTICATED_RESPONSE;
    const parsed = parseOperation(request.query);
    const variables = request.variables ?? {};
    const roots = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
    const body: GraphQLBody =
      roots.length === 1 && roots[0]!.name === "_entities"
        ? await routeEntities(this.nodes, { query: request.query, variables, ...(request.operationName ? { operationName: request.operationName } : {}) }, auth, this.representationsPerCall)
        : await routeRootFields(parsed, variables, request.operationName ?? undefined, { nodes: this.nodes, table: this.table, shapes: this.shapes, auth });
    return { data: body.data ?? null, ...(body.errors ? { errors: body.errors as GraphQLFormattedError[] } : {}) };
  }
}
