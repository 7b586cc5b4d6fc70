/** Messages between the benchmark and its client worker threads. */

export const SUBSCRIPTION = `subscription BenchConsortiumEvents { consortiumEvents { cursor change at event { id title startsAt seatsLeft } } }`;

/** The title a mutation gives its event (for people reading the database; deliveries are told apart by cursor). */
export const measuredTitle = (tag: string, seq: number) => `${tag} m${seq}`;
export const warmUpTitle = (tag: string, round: number) => `${tag} warm-up ${round}`;

export interface WorkerInit {
  gatewayWsUrl: string;
  /** The parties the subscription follows (the cursor's positions). */
  nodes: string[];
}

export type WorkerRequest =
  | { type: "open"; tokens: string[]; batch: number }
  /** Starts a run: a client is warm once it receives a change committed at or after `warmUpFrom` (epoch ms). */
  | { type: "arm"; warmUpFrom: number; capacity: number }
  /** Changes committed at or after `from` (epoch ms) are the measured ones. */
  | { type: "measure"; from: number }
  | { type: "status" }
  /** `expectedPerClient`: measured changes every client should have received. */
  | { type: "report"; expectedPerClient: number }
  | { type: "close" };

export interface OpenReply {
  connected: number;
  failed: number;
  firstError: string | null;
}

export interface StatusReply {
  clients: number;
  warmed: number;
  measured: number;
  dropped: number;
}

export interface ReportReply {
  /** Receive time − commit time of every measured delivery, in ms. */
  latencies: Float64Array;
  /** Measured deliveries per node. */
  receivedByNode: Record<string, number>;
  /** Deliveries at or behind one the client had already received from that node. */
  duplicates: number;
  /** Clients that received fewer measured changes than expected. */
  clientsMissingSome: number;
  /** Updates that carried GraphQL errors. */
  updateErrors: number;
  firstUpdateError: string | null;
  /** Sockets that closed or failed after connecting. */
  dropped: number;
  /** Delay of this worker's event loop while the run was armed. */
  eventLoopLagMs: { p50: number; p99: number; max: number };
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
