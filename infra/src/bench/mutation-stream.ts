/**
 * The changes the subscribers receive: updateEvent mutations through the
 * gateway, each as the coordinator of the event's host node, alternating
 * between the nodes' events at a fixed rate (open loop: a slow mutation does
 * not delay the next one).
 */
import type { GraphQLCall } from "../seed/actors.js";
import { summarizeLatencies, type LatencySummary } from "./latency.js";

const UPDATE_TITLE = `mutation BenchUpdateEvent($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id title } }`;
const CREATE_EVENT = `mutation BenchCreateEvent($node: String!, $input: CreateEventInput!) { createEvent(node: $node, input: $input) { id } }`;

/** One consortium-visible event and its host's coordinator. */
export interface StreamTarget {
  node: string;
  eventId: string;
  coordinator: GraphQLCall;
}

export async function createBenchEvent(node: string, coordinator: GraphQLCall): Promise<StreamTarget> {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const input = {
    kind: "NETWORKING_EVENING",
    title: `Benchmark evening at ${node}`,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
    timeZone: "Europe/Berlin",
    format: "IN_PERSON",
    location: `${node} main building`,
    capacity: 100,
    visibility: "CONSORTIUM",
  };
  const { createEvent } = await coordinator<{ createEvent: { id: string } }>(CREATE_EVENT, { node, input });
  return { node, eventId: createEvent.id, coordinator };
}

export async function updateTitle(target: StreamTarget, title: string): Promise<void> {
  const { updateEvent } = await target.coordinator<{ updateEvent: { title: string } | null }>(UPDATE_TITLE, { id: target.eventId, input: { title } });
  if (updateEvent?.title !== title) throw new Error(`updateEvent at ${target.node} answered ${JSON.stringify(updateEvent)}`);
}

export interface StreamOutcome {
  planned: number;
  /** Per sequence number: the mutation succeeded. */
  succeeded: boolean[];
  failed: number;
  firstError: string | null;
  /** Mutation round trips through the gateway. */
  roundTripMs: LatencySummary | null;
  /** From the first mutation sent to the last one answered. */
  elapsedMs: number;
  /** How late the stream started a mutation behind its schedule, at most. */
  maxScheduleSlipMs: number;
}

/** `count` mutations at `rate` per second; mutation `seq` goes to `targets[seq % targets.length]`. */
export async function runMutationStream(targets: readonly StreamTarget[], rate: number, count: number, title: (seq: number) => string, signal: AbortSignal): Promise<StreamOutcome> {
  const succeeded: boolean[] = Array.from({ length: count }, () => false);
  const roundTrips = new Float64Array(count);
  let failed = 0;
  let firstError: string | null = null;
  let maxScheduleSlipMs = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let seq = 0; seq < count; seq++) {
    const due = started + (seq * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    signal.throwIfAborted();
    const sent = performance.now();
    maxScheduleSlipMs = Math.max(maxScheduleSlipMs, sent - due);
    inFlight.push(
      updateTitle(targets[seq % targets.length]!, title(seq)).then(
        () => {
          succeeded[seq] = true;
          roundTrips[seq] = performance.now() - sent;
        },
        (error: unknown) => {
          failed++;
          firstError ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const answered = roundTrips.filter((_, seq) => succeeded[seq]);
  return { planned: count, succeeded, failed, firstError, roundTripMs: summarizeLatencies(answered), elapsedMs: performance.now() - started, maxScheduleSlipMs };
}
