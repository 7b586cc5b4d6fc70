/**
 * At most `maxConcurrency` calls in flight to one party, and a queue behind
 * them that is short in time: a call waits at most `queueTimeoutMs` for its
 * turn, and is refused at once when `queue` calls already wait or when the
 * calls ahead of it would, at the party's recent pace, take longer than
 * that to leave (waiting would only end in a refusal). A refusal is the
 * gateway's own decision that the party is busy, not a sign that it is
 * down: the caller is told when to try again, and the party's breaker and
 * health never hear of it.
 */

export interface CallLimitSettings {
  /** Calls in flight to one party at a time (per gateway replica). */
  maxConcurrency: number;
  /** Calls that may wait for a free slot at most; the next is refused at once. */
  queue: number;
  /** How long a call may wait for a slot before it is refused. */
  queueTimeoutMs: number;
}

export const DEFAULT_CALL_LIMIT: CallLimitSettings = { maxConcurrency: 16, queue: 256, queueTimeoutMs: 2_500 };

/** Why a call was not made, and when a retry has a fair chance. */
export interface Refusal {
  reason: "queue full" | "queue too slow" | "waited too long";
  retryAfterMs: number;
}

interface Waiter {
  grant: (granted: boolean) => void;
  timer: NodeJS.Timeout;
}

/** Weight of the newest call in the running average of call times. */
const SMOOTHING = 0.2;
const MIN_RETRY_MS = 50;

export class CallLimit {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  /** A running average of how long a call holds its slot (0 until one is known: no sign of slowness yet). */
  private typicalCallMs = 0;
  private timed = false;
  private refusals = 0;

  constructor(private readonly settings: CallLimitSettings = DEFAULT_CALL_LIMIT) {}

  /** Calls refused since the start. */
  get refused(): number {
    return this.refusals;
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `work` in a slot, or refuses without running it. */
  async run<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false; refusal: Refusal }> {
    const refusal = await this.acquire();
    if (refusal) return { ran: false, refusal };
    const started = performance.now();
    try {
      return { ran: true, value: await work() };
    } finally {
      this.time(performance.now() - started);
      this.release();
    }
  }

  private async acquire(): Promise<Refusal | null> {
    if (this.active < this.settings.maxConcurrency) {
      this.active++;
      return null;
    }
    if (this.waiting.length >= this.settings.queue) return this.refuse("queue full");
    if (this.expectedWaitMs() > this.settings.queueTimeoutMs) return this.refuse("queue too slow");
    const granted = await new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          resolve(false);
        }, this.settings.queueTimeoutMs),
      };
      this.waiting.push(waiter);
    });
    return granted ? null : this.refuse("waited too long");
  }

  /** The slot passes straight to the first waiter, if any. */
  private release(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.active--;
      return;
    }
    clearTimeout(next.timer);
    next.grant(true);
  }

  private time(callMs: number): void {
    this.typicalCallMs = this.timed ? this.typicalCallMs + SMOOTHING * (callMs - this.typicalCallMs) : callMs;
    this.timed = true;
  }

  /** About when a call joining the queue now gets a slot: one call time per round of slots ahead of it. */
  private expectedWaitMs(): number {
    return this.typicalCallMs * Math.ceil((this.waiting.length + 1) / this.settings.maxConcurrency);
  }

  private refuse(reason: Refusal["reason"]): Refusal {
    this.refusals++;
    return { reason, retryAfterMs: Math.round(Math.min(this.settings.queueTimeoutMs, Math.max(MIN_RETRY_MS, this.expectedWaitMs()))) };
  }
}
