/**
 * A minimal GraphQL-over-HTTP client (POST, JSON) for tools that talk to a
 * subgraph or the gateway directly: the demo seeder, scripts, tests.
 */

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorBody[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLRequestOptions {
  headers?: Record<string, string>;
  /** Abort the request after this many milliseconds (default 30 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The request failed, or its response carried errors and no usable data. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    readonly errors: GraphQLErrorBody[] = [],
  ) {
    super(message);
    this.name = "GraphQLRequestError";
  }
}

/** POSTs one GraphQL operation as JSON and returns status, data and errors. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped callers (tests) read nested fields ad hoc
export async function graphqlRequest<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  options: Omit<GraphQLRequestOptions, "headers"> = {},
): Promise<GraphQLResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw new GraphQLRequestError(`${url}: ${describeFetchError(error)}`, url);
  }
  const text = await response.text();
  let body: Omit<GraphQLResult<T>, "status">;
  try {
    body = JSON.parse(text) as Omit<GraphQLResult<T>, "status">;
  } catch {
    throw new GraphQLRequestError(`${url}: HTTP ${response.status}, not a JSON response: ${text.slice(0, 200)}`, url, response.status);
  }
  return { status: response.status, ...body };
}

/** Like graphqlRequest, but returns the data and throws on any error. */
export async function graphqlData<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, options: GraphQLRequestOptions = {}): Promise<T> {
  const result = await graphqlRequest<T>(url, query, variables, options.headers, options);
  if (result.errors?.length || !result.data) {
    const messages = result.errors?.map((error) => error.message).join("; ") || `HTTP ${result.status} without data`;
    throw new GraphQLRequestError(`${url}: ${messages}`, url, result.status, result.errors ?? []);
  }
  return result.data;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "request timed out";
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? String(error);
}
