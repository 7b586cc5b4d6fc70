/**
 * The benchmark's clients, spread over worker threads so that receiving
 * tens of thousands of updates a second does not rest on one event loop.
 */
import { Worker } from "node:worker_threads";
import type { OpenReply, ReportReply, StatusReply, WorkerInit, WorkerReply, WorkerRequest } from "./client-protocol.js";

class ClientWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;
  private exited: Error | null = null;

  constructor(init: WorkerInit) {
    this.worker = new Worker(new URL("./client-worker.js", import.meta.url), { workerData: init });
    this.worker.on("message", (reply: WorkerReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.value);
      else waiter?.reject(new Error(reply.error));
    });
    const fail = (error: Error) => {
      this.exited = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`client worker exited (code ${code})`)));
  }

  ask<T>(request: WorkerRequest): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** The workers' reports together: counts added up, latencies and event-loop lag per worker. */
export interface FleetReport extends Omit<ReportReply, "latencies" | "eventLoopLagMs"> {
  latencies: Float64Array[];
  eventLoopLagMs: ReportReply["eventLoopLagMs"][];
}

export class ClientFleet {
  private readonly workers: ClientWorker[];

  constructor(init: WorkerInit, workers: number) {
    this.workers = Array.from({ length: workers }, () => new ClientWorker(init));
  }

  /** Opens one client per token, round-robin over the workers, each `batch` at a time. */
  async open(tokens: readonly string[], batch: number): Promise<OpenReply> {
    const shares = this.workers.map((_, w) => tokens.filter((_, i) => i % this.workers.length === w));
    const replies = await Promise.all(this.workers.map((worker, w) => worker.ask<OpenReply>({ type: "open", tokens: shares[w]!, batch })));
    return {
      connected: sum(replies.map((reply) => reply.connected)),
      failed: sum(replies.map((reply) => reply.failed)),
      firstError: replies.find((reply) => reply.firstError)?.firstError ?? null,
    };
  }

  /** Starts a run: clients count as warm once a change committed from `warmUpFrom` on reaches them. */
  async arm(warmUpFrom: number, expectedDeliveries: number): Promise<void> {
    const capacity = Math.ceil(expectedDeliveries / this.workers.length);
    await Promise.all(this.workers.map((worker) => worker.ask({ type: "arm", warmUpFrom, capacity })));
  }

  /** Changes committed from `from` on are measured. */
  async measure(from: number): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.ask({ type: "measure", from })));
  }

  async status(): Promise<StatusReply> {
    const replies = await Promise.all(this.workers.map((worker) => worker.ask<StatusReply>({ type: "status" })));
    return {
      clients: sum(replies.map((reply) => reply.clients)),
      warmed: sum(replies.map((reply) => reply.warmed)),
      measured: sum(replies.map((reply) => reply.measured)),
      dropped: sum(replies.map((reply) => reply.dropped)),
    };
  }

  async report(expectedPerClient: number): Promise<FleetReport> {
    const replies = await Promise.all(this.workers.map((worker) => worker.ask<ReportReply>({ type: "report", expectedPerClient })));
    const receivedByNode: Record<string, number> = {};
    for (const reply of replies) for (const [node, count] of Object.entries(reply.receivedByNode)) receivedByNode[node] = (receivedByNode[node] ?? 0) + count;
    return {
      latencies: replies.map((reply) => reply.latencies),
      receivedByNode,
      duplicates: sum(replies.map((reply) => reply.duplicates)),
      clientsMissingSome: sum(replies.map((reply) => reply.clientsMissingSome)),
      updateErrors: sum(replies.map((reply) => reply.updateErrors)),
      firstUpdateError: replies.find((reply) => reply.firstUpdateError)?.firstUpdateError ?? null,
      dropped: sum(replies.map((reply) => reply.dropped)),
      eventLoopLagMs: replies.map((reply) => reply.eventLoopLagMs),
    };
  }

  /** Closes every client (the workers stay for the next run). */
  async closeClients(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.ask({ type: "close" })));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
