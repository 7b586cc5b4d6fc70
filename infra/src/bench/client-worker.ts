/**
 * A worker thread carrying a share of the benchmark's clients: one
 * graphql-transport-ws socket per token (see subscriber-socket), each
 * subscribed to consortium events, recording for every measured delivery
 * its latency (receive time − the change's commit time).
 *
 * A delivery is told apart by its node and that node's position in the
 * update's cursor (the gateway's own decoder reads it): the event's title is
 * resolved when the update is, so under load it may already show a later
 * mutation. Updates reach a client in cursor order per node, so a position
 * at or behind the last one received is a duplicate.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { decodeLiveCursor } from "@tandem/gateway/live/live-cursor";
import { cursorOrder } from "@tandem/gateway/live/live-subscription";
import { SUBSCRIPTION, type OpenReply, type ReportReply, type StatusReply, type WorkerInit, type WorkerRequest } from "./client-protocol.js";
import { SubscriberSocket } from "./subscriber-socket.js";

interface EventUpdate {
  cursor?: string;
  at?: string;
  event?: { id?: string } | null;
}

interface BenchClient {
  socket: SubscriberSocket | null;
  warmed: boolean;
  dropped: boolean;
  /** Per node: the last position received (measured or not) and the measured deliveries. */
  last: Map<string, bigint>;
  measured: number;
}

interface Run {
  warmUpFrom: number;
  measureFrom: number;
  latencies: Float64Array;
  recorded: number;
  receivedByNode: Record<string, number>;
  duplicates: number;
  updateErrors: number;
  firstUpdateError: string | null;
  lag: IntervalHistogram;
}

const { gatewayWsUrl, nodes } = workerData as WorkerInit;
const clients: BenchClient[] = [];
let run: Run | null = null;
/** Decoded once per distinct text: every client receives the same few. */
const commitTimes = new Map<string, number>();
const positions = new Map<string, Record<string, bigint>>();

function commitTimeOf(at: string): number {
  let time = commitTimes.get(at);
  if (time === undefined) commitTimes.set(at, (time = Date.parse(at)));
  return time;
}

function positionsOf(cursor: string): Record<string, bigint> {
  let decoded = positions.get(cursor);
  if (!decoded) {
    decoded = Object.fromEntries(Object.entries(decodeLiveCursor(cursor, nodes)).map(([node, position]) => [node, position ? cursorOrder(position) : -1n]));
    positions.set(cursor, decoded);
  }
  return decoded;
}

function received(client: BenchClient, update: EventUpdate | undefined, errors: readonly unknown[] | undefined): void {
  const now = Date.now();
  const current = run;
  if (!current) return;
  if (errors?.length) {
    current.updateErrors++;
    current.firstUpdateError ??= JSON.stringify(errors).slice(0, 500);
  }
  if (!update?.at || !update.cursor || !update.event?.id) return;
  const node = update.event.id.slice(0, update.event.id.indexOf(":"));
  const position = positionsOf(update.cursor)[node];
  if (position === undefined) return;
  const last = client.last.get(node);
  if (last !== undefined && position <= last) {
    current.duplicates++;
    return;
  }
  client.last.set(node, position);
  const committed = commitTimeOf(update.at);
  if (committed >= current.warmUpFrom) client.warmed = true;
  if (committed < current.measureFrom) return;
  client.measured++;
  current.receivedByNode[node] = (current.receivedByNode[node] ?? 0) + 1;
  if (current.recorded === current.latencies.length) current.latencies = grow(current.latencies);
  current.latencies[current.recorded++] = now - committed;
}

function grow(samples: Float64Array): Float64Array {
  const larger = new Float64Array(Math.max(1024, samples.length * 2));
  larger.set(samples);
  return larger;
}

function openClient(token: string): Promise<string | null> {
  return new Promise((resolve) => {
    const state: BenchClient = { socket: null, warmed: false, dropped: false, last: new Map(), measured: 0 };
    clients.push(state);
    state.socket = new SubscriberSocket(gatewayWsUrl, token, SUBSCRIPTION, {
      opened: resolve,
      next: (result) => received(state, result.data?.consortiumEvents as EventUpdate | undefined, result.errors),
      ended: () => {
        state.dropped = true;
      },
    });
  });
}

async function open(tokens: string[], batch: number): Promise<OpenReply> {
  let connected = 0;
  let failed = 0;
  let firstError: string | null = null;
  for (let start = 0; start < tokens.length; start += batch) {
    for (const outcome of await Promise.all(tokens.slice(start, start + batch).map(openClient))) {
      if (outcome === null) connected++;
      else {
        failed++;
        firstError ??= outcome;
      }
    }
  }
  return { connected, failed, firstError };
}

function arm(warmUpFrom: number, capacity: number): void {
  run?.lag.disable();
  commitTimes.clear();
  positions.clear();
  for (const client of clients) {
    client.warmed = false;
    client.measured = 0;
  }
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  run = {
    warmUpFrom,
    measureFrom: Number.POSITIVE_INFINITY,
    latencies: new Float64Array(Math.max(1024, capacity)),
    recorded: 0,
    receivedByNode: {},
    duplicates: 0,
    updateErrors: 0,
    firstUpdateError: null,
    lag,
  };
}

function status(): StatusReply {
  let warmed = 0;
  let dropped = 0;
  for (const client of clients) {
    if (client.warmed) warmed++;
    if (client.dropped) dropped++;
  }
  return { clients: clients.length, warmed, measured: run?.recorded ?? 0, dropped };
}

function report(expectedPerClient: number): ReportReply {
  if (!run) throw new Error("report before arm");
  run.lag.disable();
  const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
  return {
    latencies: run.latencies.slice(0, run.recorded),
    receivedByNode: run.receivedByNode,
    duplicates: run.duplicates,
    clientsMissingSome: clients.filter((client) => client.measured < expectedPerClient).length,
    updateErrors: run.updateErrors,
    firstUpdateError: run.firstUpdateError,
    dropped: status().dropped,
    eventLoopLagMs: { p50: ms(run.lag.percentile(50)), p99: ms(run.lag.percentile(99)), max: ms(run.lag.max) },
  };
}

async function close(): Promise<void> {
  run?.lag.disable();
  run = null;
  await Promise.all(clients.splice(0).map(async (client) => client.socket?.close()));
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case "open":
      return open(request.tokens, request.batch);
    case "arm":
      return arm(request.warmUpFrom, request.capacity);
    case "measure":
      if (run) run.measureFrom = request.from;
      return;
    case "status":
      return status();
    case "report":
      return report(request.expectedPerClient);
    case "close":
      return close();
  }
}

parentPort!.on("message", ({ id, request }: { id: number; request: WorkerRequest }) => {
  handle(request).then(
    (value) => parentPort!.postMessage({ id, ok: true, value }, value && typeof value === "object" && "latencies" in value ? [(value as ReportReply).latencies.buffer as ArrayBuffer] : []),
    (error: unknown) => parentPort!.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
