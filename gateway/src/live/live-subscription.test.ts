import { describe, expect, it } from "vitest";
import type { ExecutionResult } from "graphql";
import { createLogger, Role, type CallerDependence, type UserCaller } from "@tandem/shared";
import { collectFields, parseOperation } from "../documents/operation.js";
import { decodeLiveCursor } from "./live-cursor.js";
import { LiveSubscription } from "./live-subscription.js";
import type { FeedChange } from "../parties/party-feed.js";
import { planSelection, SelectionQueries } from "./selection.js";
import { SharedRuns, type ExecutionResultBody } from "./shared-resolution.js";
import type { SerializedPayload, UpdateSink } from "./update-frames.js";
import type { TopicListener, UpstreamHub } from "./upstream-hub.js";

const caller: UserCaller = { kind: "user", sub: "hst:participant:1", homeNode: "hst", roles: [Role.MENTEE], requestId: null, via: "gateway" };

function selectionOf(document: string): SelectionQueries {
  const parsed = parseOperation(document);
  const [root] = collectFields(parsed.operation.selectionSet, parsed.fragments, {});
  return new SelectionQueries(planSelection(root!, parsed, {}), parsed, {});
}

/** A hub with one party whose changes the test pushes by hand. */
function fakeHub(): { hub: UpstreamHub; push(change: FeedChange): void } {
  const listeners = new Set<TopicListener>();
  const hub = {
    attach: (_party: string, _topic: string, listener: TopicListener) => {
      listeners.add(listener);
      return { ready: Promise.resolve(), position: () => null, detach: () => listeners.delete(listener) };
    },
  } as unknown as UpstreamHub;
  return { hub, push: (change) => listeners.forEach((listener) => listener.change(change, "hst")) };
}

const change = (id: number): FeedChange => ({ cursor: `o1.${id}`, kind: "UPDATED", refs: { eventId: `hst:event:${id}` }, at: "2026-01-01T00:00:00.000Z" });

/** Runs whose answers the test releases one by one (a run released before it starts answers at once). */
function heldRuns(dependence: CallerDependence = "none") {
  const release = new Map<string, () => void>();
  const released = new Set<string>();
  const runsByEvent = new Map<string, SharedRuns>();
  const runsFor = (_party: string, feedChange: FeedChange) => {
    const eventId = feedChange.refs.eventId!;
    let runs = runsByEvent.get(eventId);
    if (!runs) {
      runs = new SharedRuns(
        () =>
          new Promise<{ body: ExecutionResultBody; dependence: CallerDependence }>((resolve) => {
            const answer = () => resolve({ body: { data: { event: { id: eventId } } }, dependence });
            if (released.has(eventId)) answer();
            else release.set(eventId, answer);
          }),
      );
      runsByEvent.set(eventId, runs);
    }
    return runs;
  };
  return {
    runsFor,
    release: (eventId: string) => {
      released.add(eventId);
      release.get(eventId)?.();
    },
  };
}

async function take(updates: AsyncIterator<ExecutionResult>, count: number): Promise<ExecutionResult[]> {
  const taken: ExecutionResult[] = [];
  for (let i = 0; i < count; i++) taken.push((await updates.next()).value as ExecutionResult);
  return taken;
}

const QUERIES = selectionOf(`subscription { consortiumEvents { cursor event { id } } }`);

function subscription(hub: UpstreamHub, runsFor: (party: string, change: FeedChange) => SharedRuns | null, backlog = 100, sink: UpdateSink | null = null, queries = QUERIES) {
  const live = new LiveSubscription(
    { hub, feeds: new Map(), runsFor, logger: createLogger("test", "silent"), backlog, closed: () => undefined },
    { rootKey: "consortiumEvents", payloadType: "EventUpdate", topic: "t", parties: ["hst"], positions: { hst: null }, queries, caller, kinds: new Set(["UPDATED"]), sink },
  );
  live.start();
  return live;
}

describe("a live subscription", () => {
  it("delivers in cursor order even when a later change's answer is known before an earlier one's", async () => {
    const { hub, push } = fakeHub();
    const { runsFor, release } = heldRuns();
    // change 2's answer is in before the subscription sees it; change 1's is not
    const early = runsFor("hst", change(2));
    const other: UserCaller = { ...caller, sub: "hst:participant:2" };
    const settling = early.resolve(other);
    release("hst:event:2");
    await settling;
    const live = subscription(hub, runsFor);
    await Promise.resolve();
    push(change(1));
    push(change(2));
    release("hst:event:1");
    const updates = await take(live.updates, 2);
    expect(updates.map((update) => (update.data!.consortiumEvents as { event: { id: string } }).event.id)).toEqual(["hst:event:1", "hst:event:2"]);
    const cursors = updates.map((update) => decodeLiveCursor((update.data!.consortiumEvents as { cursor: string }).cursor, ["hst"]).hst);
    expect(cursors).toEqual(["o1.1", "o1.2"]);
    live.close();
  });

  it("skips a change it already delivered, and changes of kinds it does not report", async () => {
    const { hub, push } = fakeHub();
    const { runsFor, release } = heldRuns();
    const live = subscription(hub, runsFor);
    await Promise.resolve();
    push(change(1));
    push(change(1));
    push({ ...change(2), kind: "OTHER" });
    push(change(3));
    release("hst:event:1");
    release("hst:event:3");
    const updates = await take(live.updates, 2);
    expect(updates.map((update) => (update.data!.consortiumEvents as { event: { id: string } }).event.id)).toEqual(["hst:event:1", "hst:event:3"]);
    expect(live.updates.length).toBe(0);
    live.close();
  });

  it("ends with SUBSCRIBER_TOO_SLOW once more updates wait than its backlog allows", async () => {
    const { hub, push } = fakeHub();
    const live = subscription(hub, () => null, 2);
    await Promise.resolve();
    for (let id = 1; id <= 4; id++) push(change(id));
    const updates = await take(live.updates, 1);
    expect(updates[0]!.errors?.[0]?.extensions?.code).toBe("SUBSCRIBER_TOO_SLOW");
    expect((await live.updates.next()).done).toBe(true);
  });

  it("reports an update it could not resolve with an error, and goes on", async () => {
    const { hub, push } = fakeHub();
    const failing = new SharedRuns(() => Promise.reject(new Error("node down")));
    const live = subscription(hub, (_party, feedChange) => (feedChange.cursor === "o1.1" ? failing : null));
    await Promise.resolve();
    push(change(1));
    push(change(2));
    const [first, second] = await take(live.updates, 2);
    expect(first!.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect((first!.data!.consortiumEvents as { event: unknown }).event).toBeNull();
    expect(second!.errors).toBeUndefined();
    live.close();
  });

  it("sends updates straight to the socket while graphql-ws waits for one and the socket keeps up, else through graphql-ws, in order", async () => {
    const { hub, push } = fakeHub();
    const { runsFor, release } = heldRuns();
    let keepingUp = true;
    const direct: string[] = [];
    const sink: UpdateSink = { next: (payload) => keepingUp && (direct.push(payload.json), true) };
    const live = subscription(hub, runsFor, 100, sink);
    await Promise.resolve();
    push(change(1)); // nobody waits on the updates yet: it queues for graphql-ws
    release("hst:event:1");
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(direct).toHaveLength(0);
    const [first] = await take(live.updates, 1);
    expect((first!.data!.consortiumEvents as { event: { id: string } }).event.id).toBe("hst:event:1");
    const waiting = live.updates.next(); // graphql-ws waits for the next one
    push(change(2));
    release("hst:event:2");
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(direct.map((payload) => JSON.parse(payload) as { data: { consortiumEvents: { event: { id: string } } } }).map((payload) => payload.data.consortiumEvents.event.id)).toEqual(["hst:event:2"]);
    keepingUp = false; // the socket is behind: graphql-ws gets it, and waits
    push(change(3));
    release("hst:event:3");
    const third = (await waiting).value as ExecutionResult;
    expect((third.data!.consortiumEvents as { event: { id: string } }).event.id).toBe("hst:event:3");
    expect(direct).toHaveLength(1);
    live.close();
  });

  it("gives subscribers that receive the same update one serialized payload", async () => {
    const { hub, push } = fakeHub();
    const { runsFor, release } = heldRuns();
    const received: SerializedPayload[] = [];
    const sink: UpdateSink = { next: (payload) => (received.push(payload), true) };
    const lives = [subscription(hub, runsFor, 100, sink), subscription(hub, runsFor, 100, sink)];
    const waiting = lives.map((live) => live.updates.next());
    await Promise.resolve();
    push(change(1));
    release("hst:event:1");
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(received).toHaveLength(2);
    expect(received[1]).toBe(received[0]);
    const other = subscription(hub, runsFor, 100, sink, selectionOf(`subscription { consortiumEvents { cursor change event { id } } }`));
    void other.updates.next();
    await Promise.resolve();
    push(change(2));
    release("hst:event:2");
    await new Promise((resolve) => setTimeout(resolve, 1));
    const second = received.slice(2);
    expect(second).toHaveLength(3);
    expect(new Set(second).size).toBe(2); // one payload for the two with the same selection, its own for the other
    expect(new Set(second.map((payload) => payload.json)).size).toBe(2);
    other.close();
    expect(JSON.parse(received[0]!.json)).toMatchObject({ data: { consortiumEvents: { event: { id: "hst:event:1" } } } });
    for (const live of lives) live.close();
    void waiting;
  });
});
