/**
 * One client's subscription: attached to the shared upstream topic at each
 * party it follows, it first replays what the client missed since its
 * cursor (over HTTP, while live changes wait in a buffer), then goes live;
 * a change already delivered is never delivered again. Each change becomes
 * an update resolved as the subscriber, in order.
 */
import type { ExecutionResult } from "graphql";
import { GraphQLError } from "graphql";
import { FEED_PAGE_SIZE, type Logger, type UserCaller } from "@tandem/shared";
import { Channel } from "./channel.js";
import { encodeLiveCursor, type LivePositions } from "./live-cursor.js";
import type { FeedChange, PartyFeed } from "../parties/party-feed.js";
import { REF_FIELDS, type SelectionQueries } from "./selection.js";
import type { UpstreamHub } from "./upstream-hub.js";
import type { ExecutionResultBody, SharedRuns } from "./shared-resolution.js";
import { payloadJson, SerializedPayload, sharedPayload, shareUpdate, type UpdateSink } from "./update-frames.js";

/** Order of a party's cursors (`o1.<id>`): their ids. */
export function cursorOrder(cursor: string): bigint {
  const match = /^o1\.(\d+)$/.exec(cursor);
  return match ? BigInt(match[1]!) : -1n;
}

/** A live change reaches every subscriber as one object: its order is read once. */
const orders = new WeakMap<FeedChange, bigint>();

function orderOf(change: FeedChange): bigint {
  let order = orders.get(change);
  if (order === undefined) orders.set(change, (order = cursorOrder(change.cursor)));
  return order;
}

export interface LiveDeps {
  hub: UpstreamHub;
  feeds: ReadonlyMap<string, PartyFeed>;
  /** The runs resolving a change's entities for a selection, shared between subscribers where the answers allow; null when the change names none. */
  runsFor(party: string, change: FeedChange, selection: SelectionQueries): SharedRuns | null;
  logger: Logger;
  /** Updates a subscriber may fall behind before it is dropped (it can resume by cursor). */
  backlog: number;
  /** Called once when the subscription ends, however it ends. */
  closed(): void;
}

export interface LiveRequest {
  rootKey: string;
  payloadType: string;
  topic: string;
  parties: string[];
  positions: LivePositions;
  /** The selection's plan and queries, shared with every subscription of the same document and variables. */
  queries: SelectionQueries;
  caller: UserCaller;
  /** Change kinds this subscription reports (others are skipped, cursor still advancing). */
  kinds: ReadonlySet<string>;
  /** Where updates go straight to the socket while it keeps up; without one, every update goes through `updates`. */
  sink: UpdateSink | null;
}

/** The change needs no answer: its selection names none of the entities it carries. */
const NO_ANSWER = Symbol("no answer");
/** Resolving the change failed: the update carries an error of its own. */
const UNRESOLVED = Symbol("unresolved");

/** What resolving a change gave a subscriber: an answer shared with others where it applies to them, or one of the above. */
type Answer = ExecutionResultBody | typeof NO_ANSWER | typeof UNRESOLVED;

interface QueuedChange {
  party: string;
  change: FeedChange;
  /** The update's cursor: every party's position once this change is delivered. */
  cursor: string;
}

export class LiveSubscription {
  readonly updates: Channel<ExecutionResult>;
  private readonly detachers: (() => void)[] = [];
  private readonly delivered = new Map<string, bigint>();
  /** Changes accepted but not yet handed to the client, oldest first. */
  private readonly queue: QueuedChange[] = [];
  private draining = false;
  private closed = false;

  constructor(
    private readonly deps: LiveDeps,
    private readonly request: LiveRequest,
  ) {
    this.updates = new Channel(deps.backlog, () => this.close());
    for (const [party, position] of Object.entries(request.positions)) this.delivered.set(party, position ? cursorOrder(position) : -1n);
  }

  /** Attaches to every party's topic; parties with a cursor replay first. A party that is down is followed once it is back. */
  start(): void {
    for (const party of this.request.parties) void this.follow(party);
  }

  private async follow(party: string): Promise<void> {
    const after = this.request.positions[party];
    const buffered: FeedChange[] = [];
    let replaying = Boolean(after);
    const attachment = this.deps.hub.attach(party, this.request.topic, {
      change: (change) => (replaying ? buffered.push(change) : this.enqueue(party, change)),
      failed: (error) => this.fail(error),
    });
    this.detachers.push(attachment.detach);
    await attachment.ready;
    if (this.closed) return;
    if (!after) {
      // live only: from here on, the client's cursor names where it started at this party,
      // so that a client coming back with it misses nothing that happened here
      const start = attachment.position();
      if (start && cursorOrder(start) > (this.delivered.get(party) ?? -1n)) {
        this.delivered.set(party, cursorOrder(start));
        this.request.positions[party] = start;
      }
      return;
    }
    try {
      let cursor = after;
      for (;;) {
        const batch = await this.deps.feeds.get(party)!.changesSince([this.request.topic], cursor, FEED_PAGE_SIZE);
        for (const change of batch) this.enqueue(party, change);
        if (batch.length < FEED_PAGE_SIZE) break;
        cursor = batch.at(-1)!.cursor;
      }
    } catch (error) {
      this.fail(error);
      return;
    }
    replaying = false;
    for (const change of buffered) this.enqueue(party, change);
  }

  /** Changes are resolved one after another, so updates leave in cursor order. */
  private enqueue(party: string, change: FeedChange): void {
    const order = orderOf(change);
    if (this.closed || order <= (this.delivered.get(party) ?? -1n)) return;
    this.delivered.set(party, order);
    this.request.positions[party] = change.cursor;
    if (!this.request.kinds.has(change.kind)) return; // not reported, but later updates' cursors are past it
    this.queue.push({ party, change, cursor: encodeLiveCursor(this.request.positions) });
    if (!this.draining) void this.drain();
  }

  /** Hands queued changes over in order: at once while their answers are known, waiting only for one that is not. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length && !this.closed) {
        const queued = this.queue[0]!;
        const pending = this.answerFor(queued);
        const answer = pending instanceof Promise ? await pending : pending;
        this.queue.shift();
        if (this.closed) break;
        if (this.sendDirectly(answer, queued)) continue;
        if (!this.updates.push(this.resultOf(answer, queued))) this.fail(new GraphQLError("Too far behind: subscribe again with your last cursor", { extensions: { code: "SUBSCRIBER_TOO_SLOW" } }));
      }
    } catch (error) {
      // nothing above should throw; if it does, the subscription ends with an error rather than stalling
      this.deps.logger.error({ err: error }, "delivering a live update failed");
      this.fail(new GraphQLError("This subscription failed: subscribe again with your last cursor", { extensions: { code: "INTERNAL_SERVER_ERROR" } }));
    } finally {
      this.draining = false;
    }
  }

  /**
   * Straight to the socket when graphql-ws waits for an update (so it has
   * sent every earlier one) and the socket keeps up; otherwise the update
   * waits in `updates`, counted against the backlog, and graphql-ws sends it.
   * Subscribers receiving the same update share its serialized payload:
   * only the first builds and serializes it.
   */
  private sendDirectly(answer: Answer, queued: QueuedChange): boolean {
    const { sink, queries } = this.request;
    if (!sink || !this.updates.awaited) return false;
    if (answer === UNRESOLVED) return sink.next(new SerializedPayload(payloadJson(this.resultOf(answer, queued))));
    const source = answer === NO_ANSWER ? queued.change : answer;
    const { change, cursor } = queued;
    return sink.next(sharedPayload(change, source, queries, cursor) ?? shareUpdate(change, source, queries, cursor, this.resultOf(answer, queued)));
  }

  /** Never rejects: when resolving fails, the answer is UNRESOLVED. */
  private answerFor({ party, change }: QueuedChange): Answer | Promise<Answer> {
    const { queries, caller } = this.request;
    if (queries.plan.entities.length === 0) return NO_ANSWER;
    let runs: SharedRuns | null;
    try {
      runs = this.deps.runsFor(party, change, queries);
      if (!runs) return NO_ANSWER;
      const known = runs.settled(caller);
      if (known) return known;
    } catch (error) {
      return this.unresolved(error);
    }
    const resolving = runs;
    const inFlight = runs.inFlight();
    return inFlight ? inFlight.then(() => resolving.settled(caller) ?? this.ownAnswer(resolving)) : this.ownAnswer(runs);
  }

  private ownAnswer(runs: SharedRuns): Promise<Answer> {
    return runs.resolve(this.request.caller).catch((error: unknown) => this.unresolved(error));
  }

  private unresolved(error: unknown): typeof UNRESOLVED {
    this.deps.logger.warn({ err: error }, "resolving a live update failed");
    return UNRESOLVED;
  }

  /** The update as graphql-ws receives it: the change's own fields, the answer's entities, and errors. */
  private resultOf(answer: Answer, { party, change, cursor }: QueuedChange): ExecutionResult {
    const { queries, rootKey, payloadType } = this.request;
    const { plan } = queries;
    const body = typeof answer === "object" ? answer : null;
    const payload: Record<string, unknown> = {};
    for (const scalar of plan.scalars) payload[scalar.responseKey] = scalarOf(scalar.name, cursor, change, party, payloadType);
    for (const entity of plan.entities) payload[entity.responseKey] = body?.data?.[entity.responseKey] ?? null;
    if (answer === UNRESOLVED)
      return { data: { [rootKey]: payload }, errors: [new GraphQLError("This update could not be resolved", { path: [rootKey], extensions: { code: "INTERNAL_SERVER_ERROR" } })] };
    const errors = body ? errorsOf(body, rootKey) : NO_ERRORS;
    return errors.length ? { data: { [rootKey]: payload }, errors } : { data: { [rootKey]: payload } };
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    const known =
      error instanceof GraphQLError ? error : new GraphQLError((error as Error).message ?? "upstream failed", { extensions: { code: (error as { code?: string }).code ?? "NODE_UNAVAILABLE" } });
    this.close();
    this.updates.finish({ errors: [known] });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const detach of this.detachers.splice(0)) detach();
    this.deps.closed();
  }
}

/** An update's own field, from the change. */
function scalarOf(name: string, cursor: string, change: FeedChange, party: string, payloadType: string): unknown {
  switch (name) {
    case "cursor":
      return cursor;
    case "change":
      return change.kind;
    case "at":
      return change.at;
    case "node":
      return party;
    case "__typename":
      return payloadType;
    default:
      return REF_FIELDS.has(name) ? (change.refs[name] ?? null) : null;
  }
}

/**
 * A resolution's errors placed under the update's root field. A body is
 * shared only between subscribers it applies to, and so are its errors:
 * they are built once per body, not once per subscriber.
 */
const placedErrors = new WeakMap<ExecutionResultBody, Map<string, readonly GraphQLError[]>>();
const NO_ERRORS: readonly GraphQLError[] = [];

function errorsOf(body: ExecutionResultBody, rootKey: string): readonly GraphQLError[] {
  if (!body.errors?.length) return NO_ERRORS;
  let byRoot = placedErrors.get(body);
  if (!byRoot) placedErrors.set(body, (byRoot = new Map()));
  let errors = byRoot.get(rootKey);
  if (!errors) {
    errors = body.errors.map((error) => new GraphQLError(error.message, { path: [rootKey, ...(error.path ?? [])], extensions: error.extensions ?? {} }));
    byRoot.set(rootKey, errors);
  }
  return errors;
}
