/**
 * The data source behind the logical "university" subgraph: the query
 * planner sees one subgraph, this router turns each of its fetches into
 * calls to the right node(s).
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { GraphQLFormattedError } from "graphql";
import { routeEntities } from "./entity-router.js";
import type { GraphQLBody } from "./node-client.js";
import type { NodeCaller } from "./node-pool.js";
import { collectFields, parseOperation } from "./operation.js";
import { routeRootFields } from "./root-router.js";
import { UNIVERSITY_ROUTES, assertRoutingComplete, type RoutingTable } from "./routing-table.js";
import { buildASTDefinitions, type FieldShape } from "./sdl.js";

export type HeadersFor = (context: Record<string, unknown>) => Record<string, string>;

export class UniversityRouter implements GraphQLDataSource {
  private readonly shapes: ReadonlyMap<string, FieldShape>;

  constructor(
    private readonly caller: NodeCaller,
    universitySdl: string,
    private readonly headersFor: HeadersFor = () => ({}),
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
    const headers = this.headersFor(options.context);
    const parsed = parseOperation(request.query);
    const variables = request.variables ?? {};
    const roots = collectFields(parsed.operation.selectionSet, parsed.fragments, variables);
    const body: GraphQLBody =
      roots.length === 1 && roots[0]!.name === "_entities"
        ? await routeEntities(this.caller, { query: request.query, variables, ...(request.operationName ? { operationName: request.operationName } : {}) }, headers)
        : await routeRootFields(parsed, variables, request.operationName ?? undefined, { caller: this.caller, table: this.table, shapes: this.shapes, headers });
    return { data: body.data ?? null, ...(body.errors ? { errors: body.errors as GraphQLFormattedError[] } : {}) };
  }
}
