/**
 * A party's change feed as the gateway uses it, for tests: the real
 * graphql-ws client over a real socket, and the HTTP fallback.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface FeedChange {
  cursor: string;
  topics: string[];
  kind: string;
  refs: Record<string, string>;
  at: string;
}

const CHANGES = `subscription($topics: [String!]!, $after: String) { changes(topics: $topics, after: $after) { cursor topics kind refs at } }`;
const CHANGES_SINCE = `query($topics: [String!]!, $after: String!, $limit: Int) { changesSince(topics: $topics, after: $after, limit: $limit) { cursor topics kind refs at } }`;

/** One subscription: what it received, and how it ended (error or completion). */
export class FeedSubscription {
  readonly received: FeedChange[] = [];
  /** GraphQL errors of an `error` message, or the CloseEvent that ended the socket. */
  error: unknown = undefined;
  done = false;
  readonly unsubscribe: () => void;

  constructor(client: Client, topics: readonly string[], after: string | null) {
    this.unsubscribe = client.subscribe<{ changes: FeedChange }>(
      { query: CHANGES, variables: { topics, after } },
      {
        next: (result) => {
          if (result.data) this.received.push(result.data.changes);
          else this.error = result.errors;
        },
        error: (error) => {
          this.error = error;
          this.done = true;
        },
        complete: () => {
          this.done = true;
        },
      },
    );
  }

  /** Waits until at least `count` changes arrived; fails on an error or after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<FeedChange[]> {
    await until(
      () => this.received.length >= count || this.error !== undefined,
      timeoutMs,
      () => `${this.received.length} of ${count} changes`,
    );
    if (this.error !== undefined && this.received.length < count) throw new Error(`the subscription failed: ${JSON.stringify(describeFeedError(this.error))}`);
    return this.received;
  }

  /** Waits until the subscription ended (error or completion) and returns its error. */
  async ended(timeoutMs = 10_000): Promise<unknown> {
    await until(
      () => this.done,
      timeoutMs,
      () => "the end of the subscription",
    );
    return this.error;
  }
}

export interface FeedClient {
  subscribe(topics: readonly string[], after?: string | null): FeedSubscription;
  dispose(): Promise<void>;
}

/** A graphql-ws client of `url` (ws://…/feed); `authorization` is sent in `connection_init` as the gateway does. */
export function createFeedClient(url: string, authorization: () => Promise<string | undefined>): FeedClient {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: async () => {
      const value = await authorization();
      return value === undefined ? {} : { authorization: value };
    },
  });
  return {
    subscribe: (topics, after = null) => new FeedSubscription(client, topics, after),
    dispose: async () => {
      await client.dispose();
    },
  };
}

/** POSTs `changesSince` to the feed's HTTP endpoint (http://…/feed) with exactly the headers given. */
export async function fetchChangesSince(
  url: string,
  variables: { topics: readonly string[]; after: string; limit?: number },
  headers: Record<string, string> = {},
): Promise<FeedResponse<{ changesSince: FeedChange[] }>> {
  return postFeedQuery(url, CHANGES_SINCE, variables, headers);
}

export interface FeedResponse<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs any query to the feed's HTTP endpoint with exactly the headers given. */
export async function postFeedQuery<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<FeedResponse<T>> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as FeedResponse<T>["body"] };
}

/** The code of a feed error: a close code, or the first GraphQL error's extensions.code. */
export function describeFeedError(error: unknown): { closeCode?: number; code?: string; message?: string } {
  if (error && typeof error === "object" && "code" in error && typeof (error as { code: unknown }).code === "number") {
    return { closeCode: (error as { code: number }).code };
  }
  const first = Array.isArray(error) ? (error[0] as { message?: string; extensions?: { code?: string } }) : undefined;
  return first ? { code: first.extensions?.code, message: first.message } : { message: String(error) };
}

async function until(done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Attempts a graphql-ws upgrade on `url`: 101 when a server takes it, else the HTTP status it answered (-1: no answer). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, "graphql-transport-ws");
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? -1);
      socket.terminate();
    });
    socket.on("open", () => {
      resolve(101);
      socket.close();
    });
    socket.on("error", () => resolve(-1));
  });
}
