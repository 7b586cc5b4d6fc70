/** A push-to-pull queue: producers push, one consumer iterates; bounded, so a slow consumer is noticed. */
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private failure: ((error: unknown) => void) | null = null;
  private ended = false;
  private error: unknown = null;

  constructor(
    private readonly capacity: number,
    private readonly onClose: () => void = () => undefined,
  ) {}

  /** False when the consumer is too far behind (the channel then ends with an error). */
  push(item: T): boolean {
    if (this.ended) return false;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.failure = null;
      resolve({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.capacity) return false;
    this.items.push(item);
    return true;
  }

  /** Drops what is queued and ends with `last`, e.g. an error the consumer must see. */
  finish(last: T): void {
    if (this.ended) return;
    this.items.length = 0;
    this.push(last);
    this.end();
  }

  end(error: unknown = null): void {
    if (this.ended) return;
    this.ended = true;
    this.error = error;
    if (this.waiting) {
      const [resolve, reject] = [this.waiting, this.failure!];
      this.waiting = this.failure = null;
      if (error) reject(error);
      else resolve({ value: undefined, done: true });
    }
    this.onClose();
  }

  /** True while the consumer waits for an item: nothing is queued, and it has taken every earlier one. */
  get awaited(): boolean {
    return this.waiting !== null;
  }

  get length(): number {
    return this.items.length;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.ended) return this.error ? Promise.reject(this.error) : Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failure = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
