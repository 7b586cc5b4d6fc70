/**
 * The party's change feed: streams of changes by topic, resumable by
 * cursor. One per process, fed by the process's OutboxListener; live
 * changes are routed by topic, so a change costs only its subscribers.
 */
import { AppError, ErrorCode, checkTopics, decodeCursor, encodeCursor, type Change, FEED_MAX_PAGE_SIZE, FEED_PAGE_SIZE } from "@tandem/shared";
import { ChangeStream } from "./change-stream.js";
import type { OutboxListener } from "./outbox-listener.js";
import type { OutboxReader } from "./outbox-reader.js";

export interface ChangeFeedOptions {
  /** Most changes held for one subscriber that does not keep up (default 10,000). */
  maxBuffered?: number;
}

export class ChangeFeed {
  private readonly byTopic = new Map<string, Set<ChangeStream>>();
  private readonly streams = new Set<ChangeStream>();
  private readonly maxBuffered: number;

  constructor(
    private readonly reader: OutboxReader,
    listener: OutboxListener,
    options: ChangeFeedOptions = {},
  ) {
    this.maxBuffered = options.maxBuffered ?? 10_000;
    listener.onChange({ change: (change) => this.route(change), gap: () => this.failAll() });
  }

  /**
   * Changes naming any of `topics`: everything after the cursor `after`
   * (null: live only), then live ones. Resolves once the cursor is checked
   * (BAD_CURSOR, CURSOR_EXPIRED); the stream registers for live changes
   * before it reads the table, so nothing committed meanwhile escapes it.
   */
  async subscribe(topics: readonly string[], after: string | null): Promise<ChangeStream> {
    const wanted = checkTopics(topics);
    const from = after === null ? null : decodeCursor(after);
    const stream: ChangeStream = new ChangeStream({ topics: wanted, after: from, reader: this.reader, maxBuffered: this.maxBuffered, onClose: () => this.remove(stream) });
    this.add(stream);
    try {
      await stream.start();
    } catch (error) {
      await stream.return();
      throw error;
    }
    return stream;
  }

  /** One page of changes after `after`, for a subscriber that fetches a missed stretch without a socket. */
  async changesSince(topics: readonly string[], after: string, limit = FEED_PAGE_SIZE): Promise<Change[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > FEED_MAX_PAGE_SIZE) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `limit: must be 1 to ${FEED_MAX_PAGE_SIZE}`, { field: "limit" });
    }
    return this.reader.page(decodeCursor(after), checkTopics(topics), limit);
  }

  /** The cursor of the last committed change: subscribe after it to miss nothing from now on. */
  async head(): Promise<string> {
    return encodeCursor(await this.reader.head());
  }

  /** Open streams (for metrics and tests). */
  get subscriptions(): number {
    return this.streams.size;
  }

  private route(change: Change): void {
    const targets = new Set<ChangeStream>();
    for (const topic of change.topics) for (const stream of this.byTopic.get(topic) ?? []) targets.add(stream);
    for (const stream of targets) stream.offer(change);
  }

  private failAll(): void {
    const error = new AppError(ErrorCode.CURSOR_EXPIRED, "the feed lost changes to retention while disconnected from its database; resynchronise and resume from the head");
    for (const stream of this.streams) stream.fail(error);
  }

  private add(stream: ChangeStream): void {
    this.streams.add(stream);
    for (const topic of stream.topics) {
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(stream);
    }
  }

  private remove(stream: ChangeStream): void {
    this.streams.delete(stream);
    for (const topic of stream.topics) {
      const set = this.byTopic.get(topic);
      set?.delete(stream);
      if (set?.size === 0) this.byTopic.delete(topic);
    }
  }
}
