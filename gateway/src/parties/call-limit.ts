/**
 * At most `maxConcurrency` calls in flight to one party, and a short queue
 * behind them: a call waits at most `queueTimeoutMs` for its turn, and
 * when `queue` calls already wait it is refused at once. A refusal is the
 * gateway's own decision that the party is busy, not a sign that it is
 * down: the caller is told when to try again, and the party's breaker and
 * health never hear of it.
 */

export interface CallLimitSettings {
  /** Calls in flight to one party at a time (per gateway replica). */
  maxConcurrency: number;
  /** Calls that may wait for a free slot; the next is refused at once. */
  queue: number;
  /** How long a call may wait for a slot before it is refused. */
  queueTimeoutMs: number;
}

export const DEFAULT_CALL_LIMIT: CallLimitSettings = { maxConcurrency: 16, queue: 64, queueTimeoutMs: 2_500 };

/** Why a call was not made, and when a retry has a fair chance. */
export interface Refusal {
  reason: "queue full" | "waited too long";
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
  /** A running average of how long a call holds its slot: the basis of the retry hint. */
  private typicalCallMs = 100;
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
      this.typicalCallMs += SMOOTHING * (performance.now() - started - this.typicalCallMs);
      this.release();
    }
  }

  private async acquire(): Promise<Refusal | null> {
    if (this.active < this.settings.maxConcurrency) {
      this.active++;
      return null;
    }
    if (this.waiting.length >= this.settings.queue) return this.refuse("queue full");
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

  private refuse(reason: Refusal["reason"]): Refusal {
    this.refusals++;
    // about when the calls ahead will have left: one call time per round of slots
    const rounds = 1 + this.waiting.length / this.settings.maxConcurrency;
    return { reason, retryAfterMs: Math.round(Math.min(this.settings.queueTimeoutMs, Math.max(MIN_RETRY_MS, this.typicalCallMs * rounds))) };
  }
}
