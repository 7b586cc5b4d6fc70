/**
 * HTTP requests a client can get wrong before any resolver runs, for the
 * tests of every party and the gateway: a CORS preflight, and documents
 * whose operation to run cannot be told.
 */
import type { GraphQLErrorBody } from "../graphql-client.js";

const OPERATION_NAME = { code: "BAD_USER_INPUT", field: "operationName" };
const INVALID_DOCUMENT = { code: "GRAPHQL_VALIDATION_FAILED" };

/** What is sent, and the extensions of the first error (HTTP 400 for each). */
export const OPERATION_MISTAKES: [string, { query: string; operationName?: string }, Record<string, string>][] = [
  ["an operationName not in the document", { query: "query A { __typename }", operationName: "B" }, OPERATION_NAME],
  ["several operations and no operationName", { query: "query A { __typename } query B { __typename }" }, OPERATION_NAME],
  ["two anonymous operations", { query: "{ __typename } { __typename }" }, INVALID_DOCUMENT],
  ["two anonymous operations and an operationName", { query: "{ __typename } { __typename }", operationName: "A" }, INVALID_DOCUMENT],
];

/** POSTs a body as JSON and returns the status and the parsed answer. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: { data?: unknown; errors?: GraphQLErrorBody[] } }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: GraphQLErrorBody[] } };
}

/** A browser's CORS preflight for a JSON POST with a token, from `origin` (none: a tool's bare OPTIONS). */
export function preflight(url: string, origin?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (origin) Object.assign(headers, { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" });
  return fetch(url, { method: "OPTIONS", headers });
}
