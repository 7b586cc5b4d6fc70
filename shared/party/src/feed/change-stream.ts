/**
 * One subscriber's stream: first the changes after its cursor, read page by
 * page as it pulls, then live ones. Live changes that arrive while it
 * replays are held and released after the replay, skipping every id it
 * has already delivered: no gap, no duplicate. `return()` ends it at once,
 * even while it waits.
 */
import { AppError, ErrorCode, type Change, FEED_PAGE_SIZE } from "@tandem/shared";
import type { OutboxReader } from "./outbox-reader.js";

export interface ChangeStreamOptions {
  topics: readonly string[];
  /** Replay after this position; null: live changes only. */
  after: bigint | null;
  reader: OutboxReader;
  /** Most changes held for a subscriber that does not keep up. */
  maxBuffered: number;
  onClose: () => void;
}

export class ChangeStream implements AsyncIterableIterator<Change> {
  readonly topics: readonly string[];
  private readonly ready: Change[] = [];
  private held: Change[] = [];
  /** Replay position while replaying; null once live. */
  private replayAfter: bigint | null;
  /** Highest id queued for delivery. */
  private lastId: bigint;
  private failure: Error | null = null;
  private closed = false;
  private wake: (() => void) | null = null;
  private pulling: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ChangeStreamOptions) {
    this.topics = options.topics;
    this.replayAfter = options.after;
    this.lastId = options.after ?? 0n;
  }

  /** Reads the first page: a bad or expired cursor fails here, before anything is delivered. */
  async start(): Promise<void> {
    if (this.replayAfter !== null) await this.readPage();
  }

  /** A live change naming one of the stream's topics. */
  offer(change: Change): void {
    if (this.closed) return;
    if (this.replayAfter !== null) this.held.push(change);
    else if (BigInt(change.id) > this.lastId) this.queue(change);
    if (this.ready.length + this.held.length > this.options.maxBuffered) {
      this.fail(new AppError(ErrorCode.FEED_OVERFLOW, `the subscriber fell more than ${this.options.maxBuffered} changes behind; resume from its last cursor`));
    }
    this.notify();
  }

  /** Ends the stream with an error, delivered after nothing else. */
  fail(error: Error): void {
    if (this.closed || this.failure) return;
    this.failure = error;
    this.ready.length = 0;
    this.held = [];
    this.notify();
  }

  next(): Promise<IteratorResult<Change>> {
    const pulled = this.pulling.then(() => this.pull());
    this.pulling = pulled.catch(() => undefined);
    return pulled;
  }

  async return(): Promise<IteratorResult<Change>> {
    this.close();
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<Change>> {
    this.close();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async pull(): Promise<IteratorResult<Change>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      if (this.failure) {
        const failure = this.failure;
        this.close();
        throw failure;
      }
      const change = this.ready.shift();
      if (change) return { done: false, value: change };
      if (this.replayAfter !== null) await this.readPage();
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private async readPage(): Promise<void> {
    const page = await this.options.reader.page(this.replayAfter!, this.options.topics, FEED_PAGE_SIZE);
    if (this.closed) return;
    for (const change of page) this.queue(change);
    if (page.length === FEED_PAGE_SIZE) {
      this.replayAfter = this.lastId;
      return;
    }
    this.replayAfter = null;
    for (const change of this.held) if (BigInt(change.id) > this.lastId) this.queue(change);
    this.held = [];
  }

  private queue(change: Change): void {
    this.ready.push(change);
    this.lastId = BigInt(change.id);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ready.length = 0;
    this.held = [];
    this.options.onClose();
    this.notify();
  }
}
