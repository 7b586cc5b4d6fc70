/**
 * Delivery of facts between parties (DESIGN.md §9, shared/src/facts): for
 * every source and receiver, the gateway asks the receiver how far it got
 * with that source, reads the source's log from there and hands the facts
 * over, until none are left. It holds no state of its own that matters:
 * positions live at the receivers, facts at the sources, so any number of
 * gateway replicas may deliver (receivers apply each fact once), and a
 * party that was down catches up at the next sweep. A fact published wakes
 * delivery at once through the source's change feed (topic `facts:<receiver>`);
 * the sweep every interval catches everything else.
 */
import type { Logger } from "@tandem/shared";
import type { FeedSink } from "../parties/party-feed.js";

export interface LoggedFactDto {
  seq: string;
  proof: string;
}

/** What the relay needs of one party. */
export interface FactParty {
  id: string;
  /** Its facts for `receiver` after `after` (null: from the start). */
  factsSince(receiver: string, after: string | null, limit: number): Promise<LoggedFactDto[]>;
  /** Its last fact seq per receiver. */
  factHeads(): Promise<{ receiver: string; head: string }[]>;
  /** Its position per source. */
  factPositions(): Promise<{ source: string; position: string }[]>;
  /** Delivers facts of `source` to it; its new position for the source. */
  receiveFacts(source: string, facts: readonly LoggedFactDto[]): Promise<{ position: string; applied: number; duplicates: number; refused: number }>;
  /** Live notices of its facts for `receiver`. */
  watchFacts(receiver: string, sink: FeedSink): () => void;
}

export interface DeliveryState {
  source: string;
  receiver: string;
  /** The receiver's position for the source, as last seen. */
  position: string | null;
  /** The source's last fact for the receiver, as last seen. */
  head: string | null;
  /** Facts read but not applied yet, as of the last attempt (0 when caught up). */
  pending: number;
  delivered: number;
  lastDeliveredAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

const PAGE = 100;

export class FactRelay {
  private readonly states = new Map<string, DeliveryState>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly unwatch: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly parties: readonly FactParty[],
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {
    for (const source of parties) for (const receiver of parties) if (source !== receiver) this.states.set(key(source.id, receiver.id), emptyState(source.id, receiver.id));
  }

  start(): void {
    for (const source of this.parties) {
      for (const receiver of this.parties) {
        if (source === receiver) continue;
        this.unwatch.push(
          source.watchFacts(receiver.id, {
            next: () => this.deliver(source.id, receiver.id),
            error: (error) => this.logger.debug({ err: error, source: source.id }, "fact notices interrupted; the sweep covers them"),
          }),
        );
      }
    }
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const unwatch of this.unwatch.splice(0)) unwatch();
    await Promise.allSettled([...this.running.values()]);
  }

  /** Every pair, sources before receivers. */
  deliveries(): DeliveryState[] {
    return [...this.states.values()].map((state) => ({ ...state }));
  }

  /** Compares every source's heads with every receiver's positions and delivers where a receiver is behind. */
  async sweep(): Promise<void> {
    const heads = new Map<string, Map<string, string>>();
    await Promise.all(
      this.parties.map(async (source) => {
        const answer = await source.factHeads().catch((error: unknown) => this.failedFor(source.id, null, error));
        if (answer) heads.set(source.id, new Map(answer.map((head) => [head.receiver, head.head])));
      }),
    );
    await Promise.all(
      this.parties.map(async (receiver) => {
        const positions = await receiver.factPositions().catch((error: unknown) => this.failedFor(null, receiver.id, error));
        if (!positions) return;
        const at = new Map(positions.map((entry) => [entry.source, entry.position]));
        for (const source of this.parties) {
          if (source === receiver) continue;
          const state = this.states.get(key(source.id, receiver.id))!;
          state.position = at.get(source.id) ?? "0";
          const head = heads.get(source.id)?.get(receiver.id) ?? (heads.has(source.id) ? "0" : state.head);
          state.head = head;
          if (head !== null && BigInt(head) > BigInt(state.position)) this.deliver(source.id, receiver.id);
        }
      }),
    );
  }

  /** Delivers one pair until nothing is left; a call while it runs makes it run once more. */
  deliver(sourceId: string, receiverId: string): void {
    const pair = key(sourceId, receiverId);
    if (this.running.has(pair)) {
      this.again.add(pair);
      return;
    }
    const run = this.drain(sourceId, receiverId)
      .catch((error: unknown) => void this.failedFor(sourceId, receiverId, error))
      .finally(() => {
        this.running.delete(pair);
        if (this.again.delete(pair)) this.deliver(sourceId, receiverId);
      });
    this.running.set(pair, run);
  }

  private async drain(sourceId: string, receiverId: string): Promise<void> {
    const source = this.party(sourceId);
    const receiver = this.party(receiverId);
    const state = this.states.get(key(sourceId, receiverId))!;
    let position = (await receiver.factPositions()).find((entry) => entry.source === sourceId)?.position ?? "0";
    for (;;) {
      const facts = await source.factsSince(receiverId, position, PAGE);
      state.pending = facts.length;
      if (facts.length === 0) break;
      const receipt = await receiver.receiveFacts(sourceId, facts);
      position = receipt.position;
      Object.assign(state, { position, pending: 0, delivered: state.delivered + facts.length, lastDeliveredAt: new Date(), lastError: null, lastErrorAt: null });
      if (receipt.refused > 0) this.logger.warn({ source: sourceId, receiver: receiverId, refused: receipt.refused }, "facts verified but refused by their receiver (recorded there)");
      if (facts.length < PAGE) break;
    }
    state.position = position;
    if (state.head === null || BigInt(state.head) < BigInt(position)) state.head = position;
  }

  private failedFor(sourceId: string | null, receiverId: string | null, error: unknown): null {
    const message = error instanceof Error ? error.message : String(error);
    for (const state of this.states.values()) {
      if ((sourceId === null || state.source === sourceId) && (receiverId === null || state.receiver === receiverId)) Object.assign(state, { lastError: message, lastErrorAt: new Date() });
    }
    this.logger.debug({ source: sourceId, receiver: receiverId, err: error }, "fact delivery failed; retried at the next sweep");
    return null;
  }

  private party(id: string): FactParty {
    return this.parties.find((party) => party.id === id)!;
  }
}

function key(source: string, receiver: string): string {
  return `${source}>${receiver}`;
}

function emptyState(source: string, receiver: string): DeliveryState {
  return { source, receiver, position: null, head: null, pending: 0, delivered: 0, lastDeliveredAt: null, lastError: null, lastErrorAt: null };
}
