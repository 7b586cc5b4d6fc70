/**
 * The gateway's connection to one party's change feed (`/feed`): one
 * graphql-ws socket per party carrying every upstream subscription, signed
 * with a fresh system token at each (re)connection, retried with backoff
 * while the party is down; its queries over HTTP go through the party's
 * client (signed, with its timeout and circuit breaker). A subscription keeps its resume cursor in its
 * payload, which the client re-sends on reconnection: a party that restarts
 * replays exactly what its subscribers missed.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { FEED_PAGE_SIZE, type Logger } from "@tandem/shared";
import type { PartyClient } from "./party-client.js";
import { SYSTEM_CALL } from "./party-tokens.js";

export interface FeedChange {
  cursor: string;
  kind: string;
  refs: Record<string, string>;
  at: string;
}

export interface FeedSink {
  next(change: FeedChange): void;
  error(error: unknown): void;
}

const CHANGES = `subscription TandemFeed($topics: [String!]!, $after: String) { changes(topics: $topics, after: $after) { cursor kind refs at } }`;
const HEAD = `query TandemFeedHead { changesHead }`;
const FACTS_SINCE = `query TandemFacts($receiver: String!, $after: String, $limit: Int) { factsSince(receiver: $receiver, after: $after, limit: $limit) { seq proof } }`;
const FACT_HEADS = `query TandemFactHeads { factHeads { receiver head } }`;
const CHANGES_SINCE = `query TandemFeedReplay($topics: [String!]!, $after: String!, $limit: Int) { changesSince(topics: $topics, after: $after, limit: $limit) { cursor kind refs at } }`;

/** 250 ms, 500 ms, 1 s … up to 5 s, with jitter. */
export function feedRetryDelay(attempt: number): number {
  return Math.min(5_000, 250 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
}

export class PartyFeed {
  readonly party: string;
  private readonly client: Client;

  constructor(
    private readonly partyClient: PartyClient,
    private readonly logger: Logger,
  ) {
    const party = partyClient.id;
    this.party = party;
    this.client = createClient({
      url: partyClient.feedUrl.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: 1_000,
      keepAlive: 10_000,
      retryAttempts: Number.MAX_SAFE_INTEGER,
      shouldRetry: () => true,
      retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, feedRetryDelay(retries))),
      connectionParams: async () => ({ authorization: (await partyClient.headers(SYSTEM_CALL)).authorization }),
      on: {
        connected: () => this.logger.debug({ party }, "feed connected"),
        closed: (event) => this.logger.debug({ party, code: (event as { code?: number }).code }, "feed closed"),
      },
    });
  }

  /** Changes on `topics` after `after` (null: from now on), resuming where the last delivered change left off. */
  subscribe(topics: string[], after: string | null, sink: FeedSink): () => void {
    const payload = { query: CHANGES, variables: { topics, after } };
    return this.client.subscribe<{ changes: FeedChange }>(payload, {
      next: (result) => {
        const change = result.data?.changes;
        if (!change) return sink.error(new Error(result.errors?.[0]?.message ?? `empty change from ${this.party}`));
        payload.variables.after = change.cursor;
        sink.next(change);
      },
      error: (error) => sink.error(error),
      complete: () => undefined,
    });
  }

  /** A stretch of changes after `after`, over HTTP: for a subscriber who comes back with an older cursor. */
  async changesSince(topics: string[], after: string, limit = FEED_PAGE_SIZE): Promise<FeedChange[]> {
    return this.ask(CHANGES_SINCE, { topics, after, limit }, "changesSince");
  }

  /** The party's facts for `receiver` after the seq `after` (null: from the start), for delivery. */
  async factsSince(receiver: string, after: string | null, limit: number): Promise<{ seq: string; proof: string }[]> {
    return this.ask(FACTS_SINCE, { receiver, after, limit }, "factsSince");
  }

  /** The party's last fact seq per receiver. */
  async factHeads(): Promise<{ receiver: string; head: string }[]> {
    return this.ask(FACT_HEADS, {}, "factHeads");
  }

  /** The party's last committed change: following from there misses nothing. */
  async head(): Promise<string> {
    return this.ask(HEAD, {}, "changesHead");
  }

  private ask<T>(query: string, variables: Record<string, unknown>, field: string): Promise<T> {
    return this.partyClient.ask<T>(query, variables, field, "feed");
  }

  /** A party that cannot be reached leaves graphql-ws connecting and retrying: stopping waits for it a second at most. */
  async close(): Promise<void> {
    // disposing while it connects rejects with the close event: the feed is closing, nothing is lost
    const disposed = Promise.resolve(this.client.dispose()).catch(() => undefined);
    await Promise.race([disposed, new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref())]);
  }
}
