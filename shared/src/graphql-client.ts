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
  /** Send again, up to this many times in all, what the gateway refused before calling anyone (PARTY_OVERLOADED on every root field). */
  attemptsWhenOverloaded?: number;
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
  const send = () => graphqlRequest<T>(url, query, variables, options.headers, options);
  const result = options.attemptsWhenOverloaded ? await retriedWhenOverloaded(send, { attempts: options.attemptsWhenOverloaded, nothingRan: true }) : await send();
  if (result.errors?.length || !result.data) {
    const messages = result.errors?.map((error) => error.message).join("; ") || `HTTP ${result.status} without data`;
    throw new GraphQLRequestError(`${url}: ${messages}`, url, result.status, result.errors ?? []);
  }
  return result.data;
}

/**
 * As a well-behaved client does: a request the gateway refused only because
 * a party was overloaded (PARTY_OVERLOADED: that party was not called) is
 * sent again after the hint it came with, a few times. `nothingRan`: only
 * when no root field ran either (safe for a mutation: a mutation whose
 * nested field was refused is not repeated).
 */
export async function retriedWhenOverloaded<T>(send: () => Promise<GraphQLResult<T>>, options: { attempts?: number; nothingRan?: boolean } = {}): Promise<GraphQLResult<T>> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const result = await send();
    const errors = result.errors ?? [];
    const overloaded = errors.length > 0 && errors.every((error) => error.extensions?.code === "PARTY_OVERLOADED");
    const ran = options.nothingRan && Object.values(result.data ?? {}).some((value) => value !== null);
    if (!overloaded || ran || attempt >= attempts) return result;
    await new Promise((resolve) => setTimeout(resolve, Number(errors[0]!.extensions?.retryAfterMs ?? 500)));
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "request timed out";
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? String(error);
}
