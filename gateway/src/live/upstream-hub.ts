/**
 * Identical upstream subscriptions are shared: whatever the number of
 * clients following a topic, the gateway holds one subscription per party
 * and topic, counts its listeners and closes it when the last one leaves.
 * It starts from the party's head cursor (so nothing committed after the
 * start is missed), retrying while the party cannot be reached.
 */
import type { Logger } from "@tandem/shared";
import { feedRetryDelay, type FeedChange, type PartyFeed } from "../parties/party-feed.js";

export interface TopicListener {
  change(change: FeedChange, party: string): void;
  /** The upstream subscription failed for good (e.g. an expired cursor); the listener is detached. */
  failed(error: unknown): void;
}

interface UpstreamTopic {
  party: string;
  topic: string;
  listeners: Set<TopicListener>;
  /** Cursor of the last change delivered to the listeners, or the head it started from. */
  position: string | null;
  /** Resolves once the party accepted the subscription from a known position. */
  ready: Promise<void>;
  disposed: boolean;
  dispose: () => void;
}

export interface UpstreamStats {
  party: string;
  topic: string;
  listeners: number;
  position: string | null;
}

export interface Attachment {
  /** Resolves once changes committed from now on are sure to reach the listener. */
  ready: Promise<void>;
  /** Where the shared subscription stands: the listener receives everything after it. */
  position(): string | null;
  detach(): void;
}

export class UpstreamHub {
  private readonly topics = new Map<string, UpstreamTopic>();

  constructor(
    private readonly feeds: ReadonlyMap<string, PartyFeed>,
    private readonly logger: Logger,
  ) {}

  attach(party: string, topic: string, listener: TopicListener): Attachment {
    const key = `${party}|${topic}`;
    const upstream = this.topics.get(key) ?? this.open(key, party, topic);
    upstream.listeners.add(listener);
    return {
      ready: upstream.ready,
      position: () => upstream.position,
      detach: () => {
        upstream.listeners.delete(listener);
        if (upstream.listeners.size === 0 && this.topics.get(key) === upstream) this.close(key, upstream);
      },
    };
  }

  private open(key: string, party: string, topic: string): UpstreamTopic {
    const feed = this.feeds.get(party);
    if (!feed) throw new Error(`no feed for party ${party}`);
    const upstream: UpstreamTopic = { party, topic, listeners: new Set(), position: null, ready: Promise.resolve(), disposed: false, dispose: () => undefined };
    upstream.ready = this.start(key, upstream, feed);
    this.topics.set(key, upstream);
    return upstream;
  }

  private async start(key: string, upstream: UpstreamTopic, feed: PartyFeed): Promise<void> {
    for (let attempt = 0; !upstream.disposed; attempt++) {
      try {
        upstream.position = await feed.head();
        break;
      } catch (error) {
        if (attempt === 0) this.logger.info({ party: upstream.party, err: error }, "party not reachable yet; following it once it is");
        await new Promise((resolve) => setTimeout(resolve, feedRetryDelay(Math.min(attempt, 5))));
      }
    }
    if (upstream.disposed) return;
    upstream.dispose = feed.subscribe([upstream.topic], upstream.position, {
      next: (change) => {
        upstream.position = change.cursor;
        for (const each of [...upstream.listeners]) each.change(change, upstream.party);
      },
      error: (error) => {
        this.logger.warn({ party: upstream.party, topic: upstream.topic, err: error }, "upstream subscription failed");
        if (this.topics.get(key) === upstream) this.topics.delete(key);
        for (const each of [...upstream.listeners]) each.failed(error);
        upstream.listeners.clear();
      },
    });
  }

  private close(key: string, upstream: UpstreamTopic): void {
    this.topics.delete(key);
    upstream.disposed = true;
    upstream.dispose();
  }

  stats(): UpstreamStats[] {
    return [...this.topics.values()].map(({ party, topic, listeners, position }) => ({ party, topic, listeners: listeners.size, position }));
  }

  /** Upstream subscriptions per party. */
  countsByParty(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { party } of this.topics.values()) counts.set(party, (counts.get(party) ?? 0) + 1);
    return counts;
  }

  closeAll(): void {
    for (const [key, upstream] of [...this.topics]) this.close(key, upstream);
  }
}
